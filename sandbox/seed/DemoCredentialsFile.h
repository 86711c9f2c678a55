#pragma once

#include <string>
#include <utility>
#include <vector>

namespace plexe::sandbox {

// Writes the seed's demo credentials to <data>/demo-credentials so that the console's
// `--sandbox` launcher can show them without parsing our stdout. The file is created 0600 under
// a temporary name with O_EXCL and renamed into place: it never exists with wider permissions,
// and a reader never sees half of it.
class DemoCredentialsFile
{
public:
    using Lines = std::vector<std::pair<std::string, std::string>>; // name, value

    static std::string path(const std::string &dataDir);
    // Empty on success, else a message for stderr.
    static std::string write(const std::string &dataDir, const Lines &lines);
};

} // namespace plexe::sandbox
