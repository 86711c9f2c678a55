#pragma once
// The resident memory of the calling process, read from /proc: VmRSS (every resident page,
// shared libraries included) and Pss (shared pages divided among the processes that map them).
// Used the same way by bare_window and console_driver, so that their figures compare.

#include <fstream>
#include <string>

namespace plexe::bench {

struct ProcMemory
{
    long rssKb = -1;
    long pssKb = -1;
};

// The value in kB of the line "<key>:   N kB" of a /proc file, or -1.
inline long procField(const char *path, const std::string &key)
{
    std::ifstream file(path);
    std::string line;
    while (std::getline(file, line)) {
        if (line.compare(0, key.size() + 1, key + ':') == 0)
            return std::stol(line.substr(key.size() + 1));
    }
    return -1;
}

inline ProcMemory readProcMemory()
{
    return {procField("/proc/self/status", "VmRSS"), procField("/proc/self/smaps_rollup", "Pss")};
}

} // namespace plexe::bench
