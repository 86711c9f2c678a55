#include "auth/Pkce.h"

#include "auth/AuthCrypto.h"

namespace plexe::sandbox {

bool Pkce::isSupportedMethod(const QString &method)
{
    return method == QLatin1String("S256");
}

bool Pkce::isValidVerifier(const QByteArray &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (char c : verifier) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (!unreserved)
            return false;
    }
    return true;
}

bool Pkce::isValidChallenge(const QByteArray &challenge)
{
    if (challenge.size() != 43)
        return false;
    bool ok = false;
    const QByteArray digest = authcrypto::fromBase64Url(challenge, &ok);
    return ok && digest.size() == 32;
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return authcrypto::toBase64Url(authcrypto::sha256(verifier));
}

bool Pkce::verify(const QByteArray &verifier, const QByteArray &challenge)
{
    if (!isValidVerifier(verifier) || !isValidChallenge(challenge))
        return false;
    return authcrypto::constantTimeEquals(challengeFor(verifier), challenge);
}

} // namespace plexe::sandbox
