#include "auth/PasswordHasher.h"

#include "auth/AuthCrypto.h"

#include <QStringList>

#include <openssl/evp.h>

namespace plexe::sandbox {

namespace {

const QLatin1String kScheme("pbkdf2-sha256");

// Strict standard base64 (padded or not); nullopt on any other character.
std::optional<QByteArray> decodeBase64(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    const auto result =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result || result.decoded.isEmpty())
        return std::nullopt;
    // toLatin1() maps non-Latin-1 characters to '?', which the decoder refuses anyway; this
    // also catches Latin-1 letters outside the base64 alphabet.
    for (QChar c : text)
        if (c.unicode() > 0x7f)
            return std::nullopt;
    return result.decoded;
}

} // namespace

PasswordHasher::PasswordHasher(int iterations)
    : m_iterations(qBound(1, iterations, kMaxIterations)),
      m_dummySalt(authcrypto::randomBytes(kSaltBytes))
{
    // The dummy hash is random bytes, not a derived value: no password matches it, and it costs
    // nothing at construction.
    m_dummyHash = authcrypto::randomBytes(kHashBytes);
}

QByteArray PasswordHasher::derive(const QByteArray &password, const QByteArray &salt,
                                  int iterations)
{
    if (iterations < 1 || iterations > kMaxIterations || salt.isEmpty())
        return {};
    QByteArray out(kHashBytes, Qt::Uninitialized);
    // PKCS5_PBKDF2_HMAC needs a non-null pointer even for an empty password.
    static const char emptyPassword = 0;
    const char *pw = password.isEmpty() ? &emptyPassword : password.constData();
    if (PKCS5_PBKDF2_HMAC(pw, password.size(),
                          reinterpret_cast<const unsigned char *>(salt.constData()), salt.size(),
                          iterations, EVP_sha256(), kHashBytes,
                          reinterpret_cast<unsigned char *>(out.data())) != 1)
        return {};
    return out;
}

QString PasswordHasher::hash(const QByteArray &password) const
{
    const QByteArray salt = authcrypto::randomBytes(kSaltBytes);
    const QByteArray digest = derive(password, salt, m_iterations);
    return kScheme + QLatin1Char('$') + QString::number(m_iterations) + QLatin1Char('$') +
           QString::fromLatin1(salt.toBase64()) + QLatin1Char('$') +
           QString::fromLatin1(digest.toBase64());
}

std::optional<PasswordHasher::Parsed> PasswordHasher::parse(const QString &stored)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts[0] != kScheme)
        return std::nullopt;
    // Digits only: toInt() alone would accept "+5" and " 5".
    const QString &iter = parts[1];
    if (iter.isEmpty() || iter.size() > 9 || iter.startsWith(QLatin1Char('0')))
        return std::nullopt;
    for (QChar c : iter)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    Parsed parsed;
    parsed.iterations = iter.toInt();
    if (parsed.iterations < 1 || parsed.iterations > kMaxIterations)
        return std::nullopt;
    const auto salt = decodeBase64(parts[2]);
    const auto hash = decodeBase64(parts[3]);
    if (!salt || !hash || hash->size() != kHashBytes)
        return std::nullopt;
    parsed.salt = *salt;
    parsed.hash = *hash;
    return parsed;
}

bool PasswordHasher::verify(const QByteArray &password, const QString &stored) const
{
    const auto parsed = parse(stored);
    if (!parsed) {
        // Still spend the time, so a broken row does not stand out by its speed.
        dummyVerify(password);
        return false;
    }
    const QByteArray digest = derive(password, parsed->salt, parsed->iterations);
    return !digest.isEmpty() && authcrypto::constantTimeEquals(digest, parsed->hash);
}

bool PasswordHasher::dummyVerify(const QByteArray &password) const
{
    const QByteArray digest = derive(password, m_dummySalt, m_iterations);
    // Compare like verify() does; the result is discarded because no password matches.
    (void)authcrypto::constantTimeEquals(digest, m_dummyHash);
    return false;
}

bool PasswordHasher::needsRehash(const QString &stored) const
{
    const auto parsed = parse(stored);
    return !parsed || parsed->iterations < m_iterations;
}

} // namespace plexe::sandbox
