#pragma once

#include <string>

namespace plexe::sandbox {

// SHA-256 digests, used to store secrets (API keys, later tokens) only as hashes.
class Sha256
{
public:
    static std::string hex(const std::string &data);
    // Constant-time equality (CRYPTO_memcmp) of two strings of digests or secrets.
    static bool equal(const std::string &a, const std::string &b);
};

} // namespace plexe::sandbox
