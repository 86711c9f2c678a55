#include "accounts/PasswordHash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace plexe::sandbox {

namespace {
constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
const char kScheme[] = "pbkdf2-sha256";

std::string toBase64(const std::vector<unsigned char> &bytes)
{
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()), bytes.data(),
                                  int(bytes.size()));
    out.resize(size_t(n));
    return out;
}

bool fromBase64(const std::string &text, std::vector<unsigned char> &out)
{
    if (text.empty() || text.size() % 4 != 0)
        return false;
    out.assign(3 * text.size() / 4 + 1, 0);
    const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char *>(text.data()),
                                  int(text.size()));
    if (n < 0)
        return false;
    // EVP_DecodeBlock keeps the padding bytes as zeros; drop them.
    size_t length = size_t(n);
    for (size_t i = text.size(); i > 0 && text[i - 1] == '='; --i)
        --length;
    out.resize(length);
    return true;
}

std::vector<unsigned char> derive(const std::string &password,
                                  const std::vector<unsigned char> &salt, int iterations)
{
    std::vector<unsigned char> out(kHashBytes);
    if (PKCS5_PBKDF2_HMAC(password.data(), int(password.size()), salt.data(), int(salt.size()),
                          iterations, EVP_sha256(), kHashBytes, out.data()) != 1)
        throw std::runtime_error("PKCS5_PBKDF2_HMAC failed");
    return out;
}
} // namespace

std::string PasswordHash::hash(const std::string &password, int iterations)
{
    std::vector<unsigned char> salt(kSaltBytes);
    if (RAND_bytes(salt.data(), kSaltBytes) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return std::string(kScheme) + '$' + std::to_string(iterations) + '$' + toBase64(salt) + '$' +
           toBase64(derive(password, salt, iterations));
}

bool PasswordHash::verify(const std::string &password, const std::string &stored)
{
    const size_t a = stored.find('$');
    const size_t b = a == std::string::npos ? a : stored.find('$', a + 1);
    const size_t c = b == std::string::npos ? b : stored.find('$', b + 1);
    if (c == std::string::npos || stored.compare(0, a, kScheme) != 0)
        return false;
    const std::string iterationsText = stored.substr(a + 1, b - a - 1);
    if (iterationsText.empty() || iterationsText.size() > 9 ||
        iterationsText.find_first_not_of("0123456789") != std::string::npos)
        return false;
    const int iterations = std::stoi(iterationsText);
    std::vector<unsigned char> salt, expected;
    if (iterations < 1 || !fromBase64(stored.substr(b + 1, c - b - 1), salt) ||
        !fromBase64(stored.substr(c + 1), expected) || expected.size() != kHashBytes)
        return false;
    const auto actual = derive(password, salt, iterations);
    return CRYPTO_memcmp(actual.data(), expected.data(), kHashBytes) == 0;
}

} // namespace plexe::sandbox
