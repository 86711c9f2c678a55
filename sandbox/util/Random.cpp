#include "util/Random.h"

#include "auth/AuthCrypto.h"

#include <openssl/bn.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace plexe::sandbox {

namespace {
const char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// The sandbox's one CSPRNG is AuthCrypto's (OpenSSL RAND_bytes); this file only encodes.
std::vector<unsigned char> randomBytes(size_t n)
{
    const QByteArray bytes = authcrypto::randomBytes(int(n));
    return std::vector<unsigned char>(bytes.begin(), bytes.end());
}
} // namespace

std::string Random::base62(size_t length)
{
    std::string out;
    out.reserve(length);
    while (out.size() < length) {
        for (unsigned char byte : randomBytes(length)) {
            // 248 = 4 * 62: bytes above it would favour the first characters.
            if (byte < 248 && out.size() < length)
                out.push_back(kAlphabet[byte % 62]);
        }
    }
    return out;
}

std::string Random::base62OfBytes(size_t bytes)
{
    const auto raw = randomBytes(bytes);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> n(BN_bin2bn(raw.data(), int(raw.size()), nullptr),
                                                  &BN_free);
    if (!n)
        throw std::runtime_error("BN_bin2bn failed");
    std::string out;
    while (!BN_is_zero(n.get()))
        out.push_back(kAlphabet[BN_div_word(n.get(), 62)]);
    // Fixed width (ceil(bits / log2 62)), so every key has the same length whatever its
    // leading bytes.
    const size_t fullWidth = (bytes * 8 * 1000 + 5953) / 5954;
    while (out.size() < fullWidth)
        out.push_back('0');
    std::reverse(out.begin(), out.end());
    return out;
}

std::string Random::hex(size_t bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char byte : randomBytes(bytes)) {
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 15]);
    }
    return out;
}

} // namespace plexe::sandbox
