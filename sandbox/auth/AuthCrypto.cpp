#include "auth/AuthCrypto.h"

#include <QtGlobal>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace plexe::sandbox::authcrypto {

namespace {

QByteArray hmac(const EVP_MD *md, const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int outLen = 0;
    // HMAC() with an empty key needs a non-null pointer.
    static const unsigned char emptyKey = 0;
    const auto *keyPtr =
        key.isEmpty() ? &emptyKey : reinterpret_cast<const unsigned char *>(key.constData());
    if (!HMAC(md, keyPtr, key.size(), reinterpret_cast<const unsigned char *>(data.constData()),
              static_cast<size_t>(data.size()), out, &outLen))
        qFatal("plexe-sandbox: HMAC failed");
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<int>(outLen));
}

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

} // namespace

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        qFatal("plexe-sandbox: the OpenSSL CSPRNG failed");
    return out;
}

QByteArray sha256(const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int outLen = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), out, &outLen, EVP_sha256(),
                   nullptr) != 1)
        qFatal("plexe-sandbox: SHA-256 failed");
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<int>(outLen));
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    return hmac(EVP_sha256(), key, data);
}

QByteArray hmacSha1(const QByteArray &key, const QByteArray &data)
{
    return hmac(EVP_sha1(), key, data);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

QByteArray toBase64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(const QByteArray &text, bool *ok)
{
    // A length of 1 (mod 4) cannot come from any byte string.
    bool valid = text.size() % 4 != 1;
    for (char c : text)
        valid = valid && isBase64UrlChar(c);
    if (ok)
        *ok = valid;
    if (!valid)
        return {};
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding);
}

} // namespace plexe::sandbox::authcrypto
