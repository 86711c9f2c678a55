#include "auth/CsrfToken.h"

#include "auth/AuthCrypto.h"

#include <QList>

namespace plexe::sandbox {

namespace {

bool isNonce(const QByteArray &nonce)
{
    bool ok = false;
    return nonce.size() == 43 && authcrypto::fromBase64Url(nonce, &ok).size() == 32 && ok;
}

} // namespace

CsrfToken::CsrfToken(QByteArray serverSecret, qint64 maxAgeSeconds)
    : m_secret(std::move(serverSecret)), m_maxAgeSeconds(qMax<qint64>(1, maxAgeSeconds))
{
    // An empty or short secret would make tokens forgeable; refuse to run that way.
    if (m_secret.size() < 16)
        qFatal("plexe-sandbox: the CSRF server secret must be at least 16 bytes");
}

QByteArray CsrfToken::newNonce()
{
    return authcrypto::toBase64Url(authcrypto::randomBytes(kNonceBytes));
}

QByteArray CsrfToken::cookieName()
{
    return QByteArrayLiteral("plexe_csrf");
}

QByteArray CsrfToken::cookieHeader(const QByteArray &nonce) const
{
    return cookieName() + '=' + nonce +
           "; Path=/oauth/; Max-Age=" + QByteArray::number(m_maxAgeSeconds) +
           "; HttpOnly; Secure; SameSite=Strict";
}

std::optional<QByteArray> CsrfToken::nonceFromCookieHeader(const QByteArray &cookieHeader)
{
    std::optional<QByteArray> found;
    const QByteArray wanted = cookieName() + '=';
    for (const QByteArray &part : cookieHeader.split(';')) {
        const QByteArray pair = part.trimmed();
        if (!pair.startsWith(wanted))
            continue;
        if (found) // two cookies of that name: a planted one may shadow ours; trust neither
            return std::nullopt;
        found = pair.mid(wanted.size());
    }
    if (!found || !isNonce(*found))
        return std::nullopt;
    return found;
}

QByteArray CsrfToken::mac(const QByteArray &nonce, qint64 issuedAt, const QByteArray &context) const
{
    // Nonce and time cannot contain '\n', and the context comes last, so the fields cannot
    // be shifted into one another.
    const QByteArray message =
        "plexe-csrf-v1\n" + nonce + '\n' + QByteArray::number(issuedAt) + '\n' + context;
    return authcrypto::toBase64Url(authcrypto::hmacSha256(m_secret, message));
}

QByteArray CsrfToken::issue(const QByteArray &nonce, const QByteArray &context,
                            qint64 nowSeconds) const
{
    return QByteArray::number(nowSeconds) + '.' + mac(nonce, nowSeconds, context);
}

bool CsrfToken::verify(const QByteArray &token, const QByteArray &nonce, const QByteArray &context,
                       qint64 nowSeconds) const
{
    if (!isNonce(nonce) || token.size() > 128)
        return false;
    const qsizetype dot = token.indexOf('.');
    if (dot <= 0 || dot > 12)
        return false;
    const QByteArray timeText = token.left(dot);
    for (char c : timeText)
        if (c < '0' || c > '9')
            return false;
    if (timeText.size() > 1 && timeText.startsWith('0'))
        return false;
    bool ok = false;
    const qint64 issuedAt = timeText.toLongLong(&ok);
    if (!ok || issuedAt > nowSeconds + kClockSkewSeconds || nowSeconds - issuedAt > m_maxAgeSeconds)
        return false;
    return authcrypto::constantTimeEquals(token.mid(dot + 1), mac(nonce, issuedAt, context));
}

} // namespace plexe::sandbox
