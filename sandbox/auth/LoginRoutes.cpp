#include "auth/LoginRoutes.h"

#include "accounts/AccountStore.h"
#include "accounts/NewAccount.h"
#include "auth/MfaChallenge.h"
#include "auth/OpaqueToken.h"
#include "auth/PasswordCheck.h"
#include "auth/SessionStore.h"
#include "auth/SignInEvents.h"
#include "auth/TokenIssuer.h"
#include "auth/TokenResponse.h"
#include "auth/Totp.h"
#include "db/Database.h"
#include "http/ApiError.h"
#include "http/JsonReply.h"
#include "http/RequestInput.h"
#include "http/Router.h"
#include "util/SecretBox.h"

#include <QJsonDocument>

#include <httplib.h>

namespace plexe::sandbox {

namespace {
const char kInvalidCredentials[] = "invalid_credentials";
const char kWrongCredentials[] = "The email or password is not correct";
const QByteArray kTotpPurpose = NewAccount::totpPurpose();

std::string stringField(const QJsonObject &body, const char *field)
{
    const QJsonValue value = body.value(QLatin1String(field));
    if (!value.isString() || value.toString().isEmpty())
        throw ApiError::validation(field, std::string(field) + " is required (a string)");
    return value.toString().toStdString();
}

void sendTokens(httplib::Response &res, const IssuedTokens &tokens)
{
    res.status = 200;
    for (const auto &header : TokenResponse::headers()) {
        if (header.first != "Content-Type")
            res.set_header(header.first.constData(), header.second.constData());
    }
    const QByteArray body = tokens.body();
    res.set_content(body.constData(), size_t(body.size()), "application/json");
}

ApiError locked(int retryAfter)
{
    return ApiError::rateLimited(retryAfter, "Too many failed sign-ins; retry after " +
                                                 std::to_string(retryAfter) + " s");
}
} // namespace

LoginRoutes::LoginRoutes(Database &database, const PasswordCheck &passwords,
                         const TokenIssuer &issuer, const SecretBox &secrets)
    : m_database(database), m_passwords(passwords), m_issuer(issuer), m_secrets(secrets)
{}

void LoginRoutes::install(Router &router)
{
    router.add("POST", "/auth/login", Router::Access::Public,
               [this](RequestContext &c) { login(c); });
    router.add("POST", "/auth/login/mfa", Router::Access::Public,
               [this](RequestContext &c) { loginMfa(c); });
    router.add("POST", "/auth/reauthenticate", Router::Access::Authenticated,
               [this](RequestContext &c) { reauthenticate(c); });
}

void LoginRoutes::failed(RequestContext &context, const char *event,
                         std::optional<int64_t> accountId, const std::string &actor,
                         const char *code, const char *message)
{
    {
        auto connection = m_database.acquire();
        Transaction transaction(*connection);
        SignInEvents::record(*connection, context, event, false, accountId, actor, 401, code);
        transaction.commit();
    }
    throw ApiError(401, code, message);
}

void LoginRoutes::login(RequestContext &context)
{
    const QJsonObject body = RequestInput::jsonObject(context.req);
    const std::string email = stringField(body, "email");
    const QByteArray password = QByteArray::fromStdString(stringField(body, "password"));
    const auto outcome = m_passwords.check(email, password, context.req.remote_addr);
    if (outcome.result == PasswordCheck::Result::Locked) {
        auto connection = m_database.acquire();
        Transaction transaction(*connection);
        SignInEvents::record(*connection, context, "auth.login_failed", false, std::nullopt, email,
                             429, "rate_limit_exceeded");
        transaction.commit();
        throw locked(outcome.retryAfterSeconds);
    }
    if (outcome.result == PasswordCheck::Result::Invalid)
        failed(context, "auth.login_failed",
               outcome.account ? std::optional<int64_t>(outcome.account->id) : std::nullopt, email,
               kInvalidCredentials, kWrongCredentials);

    const Account &account = *outcome.account;
    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    if (account.totpSecretSealed) {
        // The password was right; the sign-in completes at /auth/login/mfa (event auth.mfa).
        QByteArray token;
        SessionStore::insertMfa(*connection, MfaChallenge::issue(account.id, context.now, &token));
        transaction.commit();
        QJsonObject details{{QStringLiteral("mfa_token"), QString::fromLatin1(token)}};
        QJsonObject error{{QStringLiteral("code"), QStringLiteral("mfa_required")},
                          {QStringLiteral("message"),
                           QStringLiteral("Enter the code from your authenticator app")},
                          {QStringLiteral("status"), 401},
                          {QStringLiteral("details"), details}};
        // mfa_token at the top level too, where an OAuth-style client looks for it.
        context.res.set_header("Cache-Control", "no-store");
        JsonReply::send(
            context.res, 401,
            {{QStringLiteral("error"), error},
             {QStringLiteral("mfa_token"), QString::fromLatin1(token)},
             {QStringLiteral("request_id"), QString::fromStdString(context.requestId)}});
        return;
    }
    const IssuedTokens tokens =
        m_issuer.startSession(*connection, account.id, TokenIssuer::consoleClientId(), QString(),
                              context.now, context.now);
    SignInEvents::record(*connection, context, "auth.login", true, account.id, account.email, 200);
    transaction.commit();
    sendTokens(context.res, tokens);
}

void LoginRoutes::loginMfa(RequestContext &context)
{
    const QJsonObject body = RequestInput::jsonObject(context.req);
    const QByteArray mfaToken = QByteArray::fromStdString(stringField(body, "mfa_token"));
    const QString code = QString::fromStdString(stringField(body, "code"));
    const char *expired = "This sign-in attempt is unknown or expired; sign in again";

    std::optional<MfaChallengeRecord> challenge;
    std::optional<Account> account;
    {
        auto connection = m_database.acquire();
        if (OpaqueToken::isWellFormed(mfaToken, OpaqueToken::Kind::MfaPending))
            challenge = SessionStore::findMfa(*connection, OpaqueToken::storageHash(mfaToken));
        if (challenge)
            account = AccountStore::findById(*connection, challenge->accountId);
    }
    if (MfaChallenge::check(challenge, context.now) != MfaChallenge::Decision::Proceed ||
        !account || !account->totpSecretSealed)
        failed(context, "auth.login_failed",
               account ? std::optional<int64_t>(account->id) : std::nullopt,
               account ? account->email : std::string(), kInvalidCredentials, expired);
    // Reserve the attempt (this token's 5 codes, then the lockout) before verifying, so that
    // concurrent codes cannot all be evaluated against caps each one read alone.
    bool reserved = false;
    {
        auto connection = m_database.acquire();
        reserved = SessionStore::reserveMfaAttempt(*connection, challenge->tokenHash, context.now,
                                                   MfaChallenge::kMaxFailedAttempts);
    }
    if (!reserved)
        failed(context, "auth.login_failed", account->id, account->email, kInvalidCredentials,
               expired);
    int retryAfter = 0;
    const std::string &address = context.req.remote_addr;
    const auto reservation = m_passwords.reserve(account->email, address, &retryAfter);
    if (!reservation)
        throw locked(retryAfter);

    const auto secret =
        m_secrets.open(QByteArray::fromStdString(*account->totpSecretSealed), kTotpPurpose);
    if (!secret)
        throw std::runtime_error("a TOTP secret cannot be unsealed (sealing.key changed?)");
    const auto step = Totp::verify(*secret, code, context.now, account->totpLastStep);

    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    if (!step || !AccountStore::advanceTotpStep(*connection, account->id, *step)) {
        // Both counts already hold this attempt.
        SignInEvents::record(*connection, context, "auth.login_failed", false, account->id,
                             account->email, 401, kInvalidCredentials);
        transaction.commit();
        throw ApiError(401, kInvalidCredentials, "The code is not correct");
    }
    SessionStore::finishMfa(*connection, challenge->tokenHash);
    const IssuedTokens tokens =
        m_issuer.startSession(*connection, account->id, TokenIssuer::consoleClientId(), QString(),
                              context.now, context.now);
    SignInEvents::record(*connection, context, "auth.mfa", true, account->id, account->email, 200);
    transaction.commit();
    m_passwords.succeeded(account->email, address, *reservation);
    sendTokens(context.res, tokens);
}

void LoginRoutes::reauthenticate(RequestContext &context)
{
    const Principal &principal = context.principal;
    if (principal.kind != Principal::Kind::Session)
        throw ApiError(403, "insufficient_permissions",
                       "Re-authentication is for console sessions; API keys need none");
    const QJsonObject body = RequestInput::jsonObject(context.req);
    const QByteArray password = QByteArray::fromStdString(stringField(body, "password"));
    std::optional<Account> account;
    {
        auto connection = m_database.acquire();
        account = AccountStore::findById(*connection, principal.accountId);
    }
    if (!account)
        throw ApiError(401, "invalid_token", "The access token is invalid or expired");
    if (account->oauthOnly || !account->passwordHash)
        throw ApiError(400, "invalid_request",
                       "This account has no password: repeat the browser sign-in with "
                       "prompt=login");
    const auto outcome = m_passwords.check(account->email, password, context.req.remote_addr);
    if (outcome.result == PasswordCheck::Result::Locked)
        throw locked(outcome.retryAfterSeconds);
    if (outcome.result == PasswordCheck::Result::Invalid)
        failed(context, "auth.reauthenticate", account->id, account->email, kInvalidCredentials,
               "The password is not correct");

    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    const IssuedTokens tokens =
        m_issuer.startSession(*connection, account->id, TokenIssuer::consoleClientId(), QString(),
                              context.now, context.now);
    SignInEvents::record(*connection, context, "auth.reauthenticate", true, account->id,
                         account->email, 200);
    transaction.commit();
    sendTokens(context.res, tokens);
}

} // namespace plexe::sandbox
