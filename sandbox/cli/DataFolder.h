#pragma once

#include <string>

namespace plexe::sandbox {

// Creates the data folder (mode 0700: it holds the CA key and the database) if missing.
class DataFolder
{
public:
    // Empty on success, else a message for stderr.
    static std::string prepare(const std::string &path);
};

} // namespace plexe::sandbox
