#include "cli/DataFolder.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace plexe::sandbox {

std::string DataFolder::prepare(const std::string &path)
{
    // Create each missing component; only the last one is ours to restrict.
    for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
        const std::string part = path.substr(0, slash);
        if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST)
            return "cannot create " + part + ": " + std::strerror(errno);
        if (slash == std::string::npos)
            break;
    }
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return path + " is not a folder";
    return std::string();
}

} // namespace plexe::sandbox
