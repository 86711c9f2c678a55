#include "auth/Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace plexe {
namespace {

constexpr QByteArray::Base64Options kBase64Url =
    QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray randomBase64Url()
{
    // QRandomGenerator::system() is the OS CSPRNG (getrandom on Linux); never the seeded global.
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray raw(reinterpret_cast<const char *>(words.data()), int(sizeof(words)));
    QByteArray encoded = raw.toBase64(kBase64Url);
    raw.fill(0);
    words.fill(0);
    return encoded;
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

} // namespace

QByteArray Pkce::generateVerifier()
{
    return randomBase64Url();
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

QByteArray Pkce::generateState()
{
    return randomBase64Url();
}

bool Pkce::isValidVerifier(const QByteArray &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (const char c : verifier) {
        if (!isUnreserved(c))
            return false;
    }
    return true;
}

} // namespace plexe
