#include "auth/CallbackValidator.h"

#include <openssl/crypto.h>

#include <utility>

namespace plexe {
namespace {

QString valueOf(const QueryItems &query, const QString &name, bool *present = nullptr)
{
    for (const auto &item : query) {
        if (item.first == name) {
            if (present)
                *present = true;
            return item.second;
        }
    }
    if (present)
        *present = false;
    return QString();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // The length of a state is public (it is in the authorization URL); only the bytes are not.
    return a.size() == b.size() && !a.isEmpty() &&
           CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

CallbackOutcome outcome(CallbackOutcome::Kind kind)
{
    CallbackOutcome o;
    o.kind = kind;
    return o;
}

} // namespace

CallbackValidator::CallbackValidator(QByteArray expectedState, QString expectedIssuer)
    : m_expectedState(std::move(expectedState)), m_expectedIssuer(std::move(expectedIssuer))
{}

CallbackOutcome CallbackValidator::validate(const QueryItems &query) const
{
    // State first: anything without the right state (even an error) may come from an attacker.
    if (!constantTimeEquals(valueOf(query, QStringLiteral("state")).toUtf8(), m_expectedState))
        return outcome(CallbackOutcome::Kind::WrongState);

    bool hasIss = false;
    const QString iss = valueOf(query, QStringLiteral("iss"), &hasIss);
    if (hasIss && !m_expectedIssuer.isEmpty() && iss != m_expectedIssuer)
        return outcome(CallbackOutcome::Kind::IssuerMismatch);

    bool hasError = false;
    const QString error = valueOf(query, QStringLiteral("error"), &hasError);
    if (hasError) {
        CallbackOutcome o = outcome(CallbackOutcome::Kind::AuthorizationError);
        o.error = error.isEmpty() ? QStringLiteral("unknown_error") : error;
        o.errorDescription = valueOf(query, QStringLiteral("error_description"));
        return o;
    }

    const QString code = valueOf(query, QStringLiteral("code"));
    if (code.isEmpty())
        return outcome(CallbackOutcome::Kind::MissingCode);
    CallbackOutcome o = outcome(CallbackOutcome::Kind::Code);
    o.code = code;
    return o;
}

CallbackOutcome CallbackValidator::validateAddress(const QString &address,
                                                   const QUrl &redirectUri) const
{
    const QUrl url(address.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != redirectUri.scheme() ||
        url.host(QUrl::FullyEncoded) != redirectUri.host(QUrl::FullyEncoded) ||
        url.port() != redirectUri.port() || url.path(QUrl::FullyEncoded) != redirectUri.path() ||
        !url.userInfo().isEmpty() || !url.hasQuery()) {
        return outcome(CallbackOutcome::Kind::Malformed);
    }
    const auto query = LoopbackRequestParser::parseQuery(url.query(QUrl::FullyEncoded).toLatin1());
    if (!query)
        return outcome(CallbackOutcome::Kind::Malformed);
    return validate(*query);
}

} // namespace plexe
