#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace plexe::sandbox {

// One row of `accounts`: a person who owns keys and models.
struct Account
{
    int64_t id = 0;
    std::string userId;
    std::string email;
    std::string name;
    std::optional<std::string> passwordHash;
    int64_t createdAt = 0;
    double credits = 0;
    double consumption = 0;
    bool isActive = true;
};

} // namespace plexe::sandbox
