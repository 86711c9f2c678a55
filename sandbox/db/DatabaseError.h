#pragma once

#include <stdexcept>
#include <string>

namespace plexe::sandbox {

// Thrown for any SQLite failure; the HTTP layer turns it into a 500 server_error.
class DatabaseError : public std::runtime_error
{
public:
    explicit DatabaseError(const std::string &what) : std::runtime_error(what) {}
};

} // namespace plexe::sandbox
