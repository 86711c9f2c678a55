#include "auth/TokenRoutes.h"

#include "auth/AuthorizationCode.h"
#include "auth/FormBody.h"
#include "auth/OpaqueToken.h"
#include "auth/RedirectUriPolicy.h"
#include "auth/SessionStore.h"
#include "auth/SignInEvents.h"
#include "auth/TokenIssuer.h"
#include "auth/TokenResponse.h"
#include "db/Database.h"
#include "http/Router.h"

#include <httplib.h>

namespace plexe::sandbox {

namespace {
// An RFC 6749 §5.2 refusal; thrown inside a handler, answered by answerOAuthError.
struct OAuthError
{
    QString error;
    QString description;
};

void setTokenHeaders(httplib::Response &res)
{
    for (const auto &header : TokenResponse::headers()) {
        if (header.first != "Content-Type")
            res.set_header(header.first.constData(), header.second.constData());
    }
}

void sendJson(httplib::Response &res, int status, const QByteArray &body)
{
    res.status = status;
    setTokenHeaders(res);
    res.set_content(body.constData(), size_t(body.size()), "application/json");
}

void answerOAuthError(httplib::Response &res, const OAuthError &e)
{
    sendJson(res, TokenResponse::errorStatus(e.error),
             TokenResponse::oauthError(e.error, e.description));
}

// The form of a token or revocation request, or an OAuthError.
FormBody readForm(const httplib::Request &req)
{
    if (!FormBody::isFormContentType(
            QByteArray::fromStdString(req.get_header_value("Content-Type"))))
        throw OAuthError{QStringLiteral("invalid_request"),
                         QStringLiteral("the body must be application/x-www-form-urlencoded")};
    FormBody::Error error = FormBody::Error::None;
    QString name;
    const auto form = FormBody::parse(QByteArray::fromStdString(req.body), &error, &name);
    if (!form)
        throw OAuthError{QStringLiteral("invalid_request"),
                         FormBody::describe(error) +
                             (name.isEmpty() ? QString() : QStringLiteral(": ") + name)};
    return *form;
}

QString required(const FormBody &form, const char *name)
{
    const auto value = form.value(QLatin1String(name));
    if (!value)
        throw OAuthError{QStringLiteral("invalid_request"),
                         QLatin1String(name) + QStringLiteral(" is required")};
    return *value;
}

std::optional<int64_t> idOf(const std::optional<AuthorizationCodeRecord> &r)
{
    return r ? std::optional<int64_t>(r->accountId) : std::nullopt;
}

std::optional<int64_t> idOf(const std::optional<RefreshTokenRecord> &r)
{
    return r ? std::optional<int64_t>(r->accountId) : std::nullopt;
}
} // namespace

TokenRoutes::TokenRoutes(Database &database, const TokenIssuer &issuer)
    : m_database(database), m_issuer(issuer)
{}

void TokenRoutes::install(Router &router)
{
    router.add("POST", "/oauth/token", Router::Access::Public,
               [this](RequestContext &c) { token(c); });
    router.add("POST", "/oauth/revoke", Router::Access::Public,
               [this](RequestContext &c) { revoke(c); });
}

void TokenRoutes::token(RequestContext &context)
{
    try {
        const FormBody form = readForm(context.req);
        const QString grant = required(form, "grant_type");
        const QString clientId = required(form, "client_id");
        if (!RedirectUriPolicy::isKnownClient(clientId))
            throw OAuthError{QStringLiteral("invalid_client"),
                             QStringLiteral("client_id is not a known client")};
        if (grant == QLatin1String("authorization_code"))
            exchangeCode(context, form);
        else if (grant == QLatin1String("refresh_token"))
            refresh(context, form);
        else
            throw OAuthError{QStringLiteral("unsupported_grant_type"),
                             QStringLiteral("grant_type must be authorization_code or "
                                            "refresh_token")};
    } catch (const OAuthError &e) {
        answerOAuthError(context.res, e);
    }
}

void TokenRoutes::exchangeCode(RequestContext &context, const FormBody &form)
{
    const QByteArray code = required(form, "code").toUtf8();
    const QString redirectUri = required(form, "redirect_uri");
    const QByteArray verifier = required(form, "code_verifier").toUtf8();
    const QString clientId = form.valueOr(QStringLiteral("client_id"));

    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    std::optional<AuthorizationCodeRecord> record;
    const QByteArray hash = OpaqueToken::storageHash(code);
    if (OpaqueToken::isWellFormed(code, OpaqueToken::Kind::AuthorizationCode))
        record = SessionStore::findCode(*connection, hash);
    // Any presentation burns the code, a failing one included (a wrong verifier suggests a
    // stolen code). The transaction holds the write lock, so no two requests race here.
    if (record && !SessionStore::markCodeUsed(*connection, hash))
        record->used = true;
    const auto decision =
        AuthorizationCode::decide(record, clientId, redirectUri, verifier, context.now);
    if (decision != AuthorizationCode::Decision::Exchange) {
        if (decision == AuthorizationCode::Decision::AlreadyUsed && record &&
            !record->issuedFamilyId.isEmpty())
            SessionStore::revokeFamily(*connection, record->issuedFamilyId, context.now);
        const QString error = AuthorizationCode::oauthError(decision);
        SignInEvents::record(*connection, context, "auth.oauth", false, idOf(record), "",
                             TokenResponse::errorStatus(error), error.toStdString());
        transaction.commit();
        throw OAuthError{error, AuthorizationCode::describe(decision)};
    }
    const IssuedTokens tokens = m_issuer.startSession(*connection, record->accountId, clientId,
                                                      record->scope, record->authTime, context.now);
    SessionStore::setCodeFamily(*connection, hash, tokens.familyId);
    SignInEvents::record(*connection, context, "auth.oauth", true, idOf(record), "", 200);
    transaction.commit();
    sendJson(context.res, 200, tokens.body());
}

void TokenRoutes::refresh(RequestContext &context, const FormBody &form)
{
    const QByteArray token = required(form, "refresh_token").toUtf8();
    const QString clientId = form.valueOr(QStringLiteral("client_id"));

    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    std::optional<RefreshTokenRecord> record;
    if (OpaqueToken::isWellFormed(token, OpaqueToken::Kind::Refresh))
        record = SessionStore::findRefresh(*connection, OpaqueToken::storageHash(token));
    auto decision = TokenFamily::decide(record, clientId, context.now);
    if (decision == TokenFamily::Decision::Rotate &&
        !SessionStore::markRefreshUsed(*connection, record->tokenHash))
        decision = TokenFamily::Decision::ReuseDetected;
    if (decision != TokenFamily::Decision::Rotate) {
        // Reuse of a rotated token: someone holds a copy, so the whole session dies, its
        // access tokens included (RFC 9700 §4.14.2).
        if (TokenFamily::revokesFamily(decision))
            SessionStore::revokeFamily(*connection, record->familyId, context.now);
        const QString error = TokenFamily::oauthError(decision);
        SignInEvents::record(*connection, context, "auth.refresh", false, idOf(record), "",
                             TokenResponse::errorStatus(error),
                             decision == TokenFamily::Decision::ReuseDetected
                                 ? "refresh_token_reused"
                                 : error.toStdString());
        transaction.commit();
        throw OAuthError{error, QStringLiteral("the refresh token is invalid, expired or revoked")};
    }
    const IssuedTokens tokens = m_issuer.rotate(*connection, *record, context.now);
    SignInEvents::record(*connection, context, "auth.refresh", true, idOf(record), "", 200);
    transaction.commit();
    sendJson(context.res, 200, tokens.body());
}

void TokenRoutes::revoke(RequestContext &context)
{
    try {
        const FormBody form = readForm(context.req);
        const QByteArray token = required(form, "token").toUtf8();
        const auto clientId = form.value(QStringLiteral("client_id"));
        if (clientId && !RedirectUriPolicy::isKnownClient(*clientId))
            throw OAuthError{QStringLiteral("invalid_client"),
                             QStringLiteral("client_id is not a known client")};
        // RFC 7009 §2.2: 200 whether or not the token existed; token_type_hint is only a hint,
        // and the token's prefix says what it is anyway.
        const auto kind = OpaqueToken::kindOf(token);
        auto connection = m_database.acquire();
        Transaction transaction(*connection);
        const QByteArray hash = OpaqueToken::storageHash(token);
        if (kind == OpaqueToken::Kind::Refresh) {
            // Revoking a refresh token ends the whole session (RFC 7009 §2.1).
            if (const auto record = SessionStore::findRefresh(*connection, hash)) {
                if (!record->familyRevoked) {
                    SessionStore::revokeFamily(*connection, record->familyId, context.now);
                    SignInEvents::record(*connection, context, "auth.logout", true,
                                         record->accountId, "", 200);
                }
            }
        } else if (kind == OpaqueToken::Kind::Access) {
            if (const auto record = SessionStore::findAccess(*connection, hash)) {
                if (!record->revoked) {
                    SessionStore::revokeAccess(*connection, hash);
                    SignInEvents::record(*connection, context, "auth.logout", true,
                                         record->accountId, "", 200);
                }
            }
        }
        transaction.commit();
        context.res.status = 200;
        setTokenHeaders(context.res);
        context.res.set_content("{}", "application/json");
    } catch (const OAuthError &e) {
        answerOAuthError(context.res, e);
    }
}

} // namespace plexe::sandbox
