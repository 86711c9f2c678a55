#pragma once

#include <string>

namespace plexe::sandbox {

// The secret form of an API key: `plx_sk_` + 32 random bytes in base62 (43 characters).
class ApiKeySecret
{
public:
    static constexpr const char *kPrefix = "plx_sk_";

    static std::string generate();
    // Cheap syntax check before any lookup: the prefix and only base62 characters after it.
    static bool looksValid(const std::string &secret);
    static std::string hash(const std::string &secret);
    // `plx_sk_` plus the next 4 characters, and the last 4: all the console ever shows.
    static std::string displayPrefix(const std::string &secret);
    static std::string displaySuffix(const std::string &secret);
};

} // namespace plexe::sandbox
