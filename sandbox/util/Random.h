#pragma once

#include <string>

namespace plexe::sandbox {

// Unpredictable identifiers and secrets from OpenSSL's CSPRNG (RAND_bytes).
class Random
{
public:
    // `length` characters from [0-9A-Za-z], each uniform (rejection sampling, no modulo bias).
    static std::string base62(size_t length);
    // The big-endian base62 encoding of `bytes` fresh random bytes (43 characters for 32).
    static std::string base62OfBytes(size_t bytes);
    static std::string hex(size_t bytes);
};

} // namespace plexe::sandbox
