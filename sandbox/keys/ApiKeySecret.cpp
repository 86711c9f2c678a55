#include "keys/ApiKeySecret.h"

#include "util/Random.h"
#include "util/Sha256.h"

#include <cstring>

namespace plexe::sandbox {

namespace {
constexpr size_t kPrefixLength = 7;
// Shorter or longer keys than anything we issue are rejected before hashing.
constexpr size_t kMinBody = 20;
constexpr size_t kMaxBody = 200;
} // namespace

std::string ApiKeySecret::generate()
{
    return kPrefix + Random::base62OfBytes(32);
}

bool ApiKeySecret::looksValid(const std::string &secret)
{
    if (secret.size() < kPrefixLength + kMinBody || secret.size() > kPrefixLength + kMaxBody ||
        secret.compare(0, kPrefixLength, kPrefix) != 0)
        return false;
    for (size_t i = kPrefixLength; i < secret.size(); ++i) {
        const char c = secret[i];
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return false;
    }
    return true;
}

std::string ApiKeySecret::hash(const std::string &secret)
{
    return Sha256::hex(secret);
}

std::string ApiKeySecret::displayPrefix(const std::string &secret)
{
    return secret.substr(0, kPrefixLength + 4);
}

std::string ApiKeySecret::displaySuffix(const std::string &secret)
{
    return secret.size() >= 4 ? secret.substr(secret.size() - 4) : secret;
}

} // namespace plexe::sandbox
