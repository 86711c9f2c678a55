#include "util/Clock.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace plexe::sandbox {

namespace {
// Set once at start (before the worker threads exist), read by every thread afterwards.
std::string &offsetPath()
{
    static std::string path;
    return path;
}
} // namespace

void Clock::setOffsetFile(const std::string &path)
{
    offsetPath() = path;
}

int64_t Clock::offsetSeconds()
{
    const std::string &path = offsetPath();
    if (path.empty())
        return 0;
    // Re-read every time so that a test moves the clock of a running server by rewriting it.
    std::FILE *file = std::fopen(path.c_str(), "re");
    if (!file)
        return 0;
    char buffer[32] = {};
    const size_t n = std::fread(buffer, 1, sizeof buffer - 1, file);
    std::fclose(file);
    buffer[n] = '\0';
    char *end = nullptr;
    const long long value = std::strtoll(buffer, &end, 10);
    return end == buffer ? 0 : int64_t(value);
}

int64_t Clock::now()
{
    return nowMs() / 1000;
}

int64_t Clock::nowMs()
{
    using namespace std::chrono;
    const int64_t real =
        duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    return real + offsetSeconds() * 1000;
}

std::string Clock::iso8601(int64_t unixSeconds)
{
    const std::time_t t = std::time_t(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    const size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return std::string(buffer, n);
}

} // namespace plexe::sandbox
