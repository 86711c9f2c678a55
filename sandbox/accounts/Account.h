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
    std::optional<std::string> passwordHash; // null for OAuth-only accounts
    // The TOTP seed sealed with SecretBox (purpose "totp"), null when TOTP is off.
    std::optional<std::string> totpSecretSealed;
    int64_t totpLastStep = -1; // the last accepted TOTP time step (replay protection)
    bool oauthOnly = false;    // signs in only through the Google/GitHub stand-ins
    int64_t createdAt = 0;
    double credits = 0;
    double consumption = 0;
    bool isActive = true;
};

} // namespace plexe::sandbox
