#pragma once

#include <string>

namespace plexe::sandbox {

// Slow, salted password hashes in a self-describing string:
// `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>` (PBKDF2-HMAC-SHA256, 600,000
// iterations, 16-byte salt, 32-byte hash), so that the parameters can be raised later without
// breaking stored hashes.
class PasswordHash
{
public:
    static constexpr int kIterations = 600000;

    static std::string hash(const std::string &password, int iterations = kIterations);
    // Constant-time check; false for a malformed stored string.
    static bool verify(const std::string &password, const std::string &stored);
};

} // namespace plexe::sandbox
