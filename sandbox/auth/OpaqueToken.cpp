#include "auth/OpaqueToken.h"

#include "auth/AuthCrypto.h"

namespace plexe::sandbox {

QByteArray OpaqueToken::prefix(Kind kind)
{
    switch (kind) {
    case Kind::Access:
        return QByteArrayLiteral("plx_at_");
    case Kind::Refresh:
        return QByteArrayLiteral("plx_rt_");
    case Kind::AuthorizationCode:
        return QByteArrayLiteral("plx_code_");
    case Kind::MfaPending:
        return QByteArrayLiteral("plx_mfa_");
    }
    return {};
}

QByteArray OpaqueToken::generate(Kind kind)
{
    return prefix(kind) + authcrypto::toBase64Url(authcrypto::randomBytes(kRandomBytes));
}

std::optional<OpaqueToken::Kind> OpaqueToken::kindOf(const QByteArray &token)
{
    for (Kind kind : {Kind::Access, Kind::Refresh, Kind::AuthorizationCode, Kind::MfaPending}) {
        const QByteArray p = prefix(kind);
        if (!token.startsWith(p))
            continue;
        const QByteArray body = token.mid(p.size());
        bool ok = false;
        const QByteArray raw = authcrypto::fromBase64Url(body, &ok);
        if (ok && body.size() == kEncodedLength && raw.size() == kRandomBytes)
            return kind;
        return std::nullopt;
    }
    return std::nullopt;
}

bool OpaqueToken::isWellFormed(const QByteArray &token, Kind kind)
{
    const auto actual = kindOf(token);
    return actual && *actual == kind;
}

QByteArray OpaqueToken::storageHash(const QByteArray &token)
{
    return authcrypto::sha256(token).toHex();
}

bool OpaqueToken::matchesStorageHash(const QByteArray &token, const QByteArray &storedHash)
{
    return authcrypto::constantTimeEquals(storageHash(token), storedHash);
}

} // namespace plexe::sandbox
