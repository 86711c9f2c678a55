#include "seed/DemoCredentialsFile.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plexe::sandbox {

namespace {
std::string systemError(const std::string &what)
{
    return what + ": " + std::strerror(errno);
}

bool writeAll(int fd, const std::string &text)
{
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += size_t(n);
    }
    return true;
}
} // namespace

std::string DemoCredentialsFile::path(const std::string &dataDir)
{
    return dataDir + "/demo-credentials";
}

std::string DemoCredentialsFile::write(const std::string &dataDir, const Lines &lines)
{
    std::string text = "# plexe-sandbox demo credentials: a local sandbox, NOT the Plexe service\n";
    for (const auto &line : lines)
        text += line.first + ": " + line.second + "\n";

    // mkstemp opens with O_CREAT | O_EXCL and mode 0600 whatever the umask: no moment of wider
    // permissions, and no following a link planted under the temporary name.
    std::string temp = path(dataDir) + ".XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return systemError("cannot create " + path(dataDir));
    const bool ok = ::fchmod(fd, 0600) == 0 && writeAll(fd, text) && ::fsync(fd) == 0;
    const std::string error = ok ? std::string() : systemError("cannot write " + temp);
    if (::close(fd) != 0 && ok) {
        ::unlink(temp.c_str());
        return systemError("cannot write " + temp);
    }
    if (!ok) {
        ::unlink(temp.c_str());
        return error;
    }
    if (::rename(temp.c_str(), path(dataDir).c_str()) != 0) {
        const std::string renameError = systemError("cannot rename " + temp);
        ::unlink(temp.c_str());
        return renameError;
    }
    return {};
}

} // namespace plexe::sandbox
