#include "auth/AuthorizeRoutes.h"

#include "accounts/AccountStore.h"
#include "auth/AuthCrypto.h"
#include "auth/AuthorizationCode.h"
#include "auth/AuthorizeRequest.h"
#include "auth/FormBody.h"
#include "auth/OidcDiscovery.h"
#include "auth/OpaqueToken.h"
#include "auth/PasswordCheck.h"
#include "auth/RedirectUriPolicy.h"
#include "auth/SessionStore.h"
#include "auth/SignInEvents.h"
#include "auth/SignInPage.h"
#include "auth/SignInSettings.h"
#include "auth/TokenIssuer.h"
#include "db/Database.h"
#include "http/Router.h"

#include <httplib.h>

namespace plexe::sandbox {

namespace {
const QByteArray kSessionPrefix = QByteArrayLiteral("plx_bs_");

QList<QPair<QString, QString>> queryParams(const httplib::Request &req)
{
    QList<QPair<QString, QString>> params;
    for (const auto &param : req.params)
        params.append({QString::fromStdString(param.first), QString::fromStdString(param.second)});
    return params;
}

// The authorize request's own fields of a form (the page's fields are left out).
QList<QPair<QString, QString>> authorizeFieldsOf(const FormBody &form)
{
    static const QStringList own = {QStringLiteral("csrf_token"), QStringLiteral("email"),
                                    QStringLiteral("password"), QStringLiteral("decision")};
    QList<QPair<QString, QString>> fields;
    for (const auto &field : form.fields()) {
        if (!own.contains(field.first))
            fields.append(field);
    }
    return fields;
}

std::optional<QByteArray> cookieValue(const httplib::Request &req, const QByteArray &name)
{
    std::optional<QByteArray> found;
    const QByteArray wanted = name + '=';
    for (const QByteArray &part :
         QByteArray::fromStdString(req.get_header_value("Cookie")).split(';')) {
        const QByteArray pair = part.trimmed();
        if (!pair.startsWith(wanted))
            continue;
        if (found)
            return std::nullopt; // a duplicate may be planted: trust neither
        found = pair.mid(wanted.size());
    }
    return found;
}
} // namespace

AuthorizeRoutes::AuthorizeRoutes(Database &database, const PasswordCheck &passwords,
                                 const SignInSettings &settings, const QString &issuer)
    : m_database(database), m_passwords(passwords), m_settings(settings), m_issuer(issuer),
      m_csrf(authcrypto::randomBytes(32))
{}

QByteArray AuthorizeRoutes::sessionCookieName()
{
    return QByteArrayLiteral("plexe_browser_session");
}

void AuthorizeRoutes::install(Router &router)
{
    router.add("GET", "/.well-known/openid-configuration", Router::Access::Public,
               [this](RequestContext &c) { discovery(c); });
    router.add("GET", "/oauth/authorize", Router::Access::Public,
               [this](RequestContext &c) { authorizeGet(c); });
    router.add("POST", "/oauth/authorize", Router::Access::Public,
               [this](RequestContext &c) { authorizePost(c); });
}

void AuthorizeRoutes::discovery(RequestContext &context)
{
    const QByteArray body = OidcDiscovery::document(m_issuer);
    context.res.status = 200;
    context.res.set_content(body.constData(), size_t(body.size()), "application/json");
}

void AuthorizeRoutes::sendPage(RequestContext &context, int status, const QByteArray &html)
{
    context.res.status = status;
    QByteArray contentType = "text/html; charset=utf-8";
    for (const auto &header : SignInPage::responseHeaders()) {
        if (header.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
            contentType = header.second;
        else
            context.res.set_header(header.first.constData(), header.second.constData());
    }
    context.res.set_content(html.constData(), size_t(html.size()), contentType.constData());
}

void AuthorizeRoutes::redirect(RequestContext &context, const QString &location)
{
    context.res.status = 302;
    context.res.set_header("Location", location.toStdString());
    context.res.set_header("Cache-Control", "no-store");
    context.res.set_header("Referrer-Policy", "no-referrer");
}

bool AuthorizeRoutes::answeredInvalid(RequestContext &context, const AuthorizeRequest &request)
{
    switch (request.outcome()) {
    case AuthorizeRequest::Outcome::Valid:
        return false;
    case AuthorizeRequest::Outcome::ErrorPage:
        // The client or redirect URI cannot be trusted: never redirect (open redirector).
        sendPage(context, 400,
                 SignInPage::renderError(QStringLiteral("This sign-in link is not valid"),
                                         request.errorDescription()));
        return true;
    case AuthorizeRequest::Outcome::ErrorRedirect:
        redirect(context, request.errorRedirect(m_issuer));
        return true;
    }
    return false;
}

QByteArray AuthorizeRoutes::csrfFor(RequestContext &context, const AuthorizeRequest &request)
{
    // Reuse the browser's nonce when it has one, so two open tabs do not break each other.
    QByteArray nonce = CsrfToken::nonceFromCookieHeader(
                           QByteArray::fromStdString(context.req.get_header_value("Cookie")))
                           .value_or(QByteArray());
    if (nonce.isEmpty())
        nonce = CsrfToken::newNonce();
    context.res.set_header("Set-Cookie", m_csrf.cookieHeader(nonce).toStdString());
    return m_csrf.issue(nonce, request.csrfContext(), context.now);
}

void AuthorizeRoutes::showSignIn(RequestContext &context, const AuthorizeRequest &request,
                                 int status, const QString &email, const QString &error)
{
    SignInPage::Form form;
    form.authorizeFields = request.hiddenFields();
    form.csrfToken = csrfFor(context, request);
    form.email = email;
    form.errorMessage = error;
    sendPage(context, status, SignInPage::renderSignIn(form));
}

void AuthorizeRoutes::showStandIn(RequestContext &context, const AuthorizeRequest &request)
{
    std::optional<Account> account;
    {
        auto connection = m_database.acquire();
        account = AccountStore::findOauthOnly(*connection);
    }
    SignInPage::Form form;
    form.authorizeFields = request.hiddenFields();
    form.csrfToken = csrfFor(context, request);
    sendPage(
        context, 200,
        SignInPage::renderProviderStandIn(*SignInPage::providerFromParam(request.provider()), form,
                                          account ? QString::fromStdString(account->email)
                                                  : QStringLiteral("(no OAuth-only account)")));
}

std::optional<AuthorizeRoutes::BrowserSession>
AuthorizeRoutes::browserSession(RequestContext &context) const
{
    const auto token = cookieValue(context.req, sessionCookieName());
    if (!token || !token->startsWith(kSessionPrefix) || token->size() > 128)
        return std::nullopt;
    const QByteArray hash = OpaqueToken::storageHash(*token);
    auto connection = m_database.acquire();
    const auto session = SessionStore::findBrowserSession(*connection, hash);
    if (!session || session->expiresAt <= context.now)
        return std::nullopt;
    return BrowserSession{hash, session->accountId, session->authTime};
}

void AuthorizeRoutes::authorizeGet(RequestContext &context)
{
    const AuthorizeRequest request = AuthorizeRequest::parse(queryParams(context.req));
    if (answeredInvalid(context, request))
        return;
    if (!request.provider().isEmpty())
        return showStandIn(context, request);

    // A fresh enough browser sign-in completes without the form, unless the client asked for a
    // new one (prompt=login) or for one younger than max_age.
    if (!request.promptsLogin()) {
        if (const auto session = browserSession(context)) {
            const qint64 age = context.now - session->authTime;
            // max_age=0 always asks again (OIDC: as prompt=login).
            const auto maxAge = request.maxAge();
            if (!maxAge || (*maxAge > 0 && age <= *maxAge)) {
                std::optional<Account> account;
                {
                    auto connection = m_database.acquire();
                    account = AccountStore::findById(*connection, session->accountId);
                }
                if (account && account->isActive)
                    return completeSignIn(context, request, *account, session->authTime, nullptr,
                                          session->hash);
            }
        }
    }
    showSignIn(context, request, 200);
}

void AuthorizeRoutes::authorizePost(RequestContext &context)
{
    FormBody::Error formError = FormBody::Error::None;
    const auto form = FormBody::parse(QByteArray::fromStdString(context.req.body), &formError);
    if (!form)
        return sendPage(context, 400,
                        SignInPage::renderError(QStringLiteral("The form could not be read"),
                                                FormBody::describe(formError)));
    const AuthorizeRequest request = AuthorizeRequest::parse(authorizeFieldsOf(*form));
    if (answeredInvalid(context, request))
        return;
    const auto nonce = CsrfToken::nonceFromCookieHeader(
        QByteArray::fromStdString(context.req.get_header_value("Cookie")));
    if (!nonce || !m_csrf.verify(form->valueOr(QStringLiteral("csrf_token")).toLatin1(), *nonce,
                                 request.csrfContext(), context.now))
        return sendPage(context, 403,
                        SignInPage::renderError(
                            QStringLiteral("This form has expired"),
                            QStringLiteral("The sign-in form expired or did not come from this "
                                           "page. Start the sign-in again from the console.")));

    if (form->contains(QStringLiteral("decision"))) {
        // A Google/GitHub stand-in's Allow or Deny.
        if (!SignInPage::providerFromParam(request.provider()))
            return sendPage(context, 400,
                            SignInPage::renderError(QStringLiteral("Unknown provider"),
                                                    QStringLiteral("provider must be google or "
                                                                   "github")));
        if (form->valueOr(QStringLiteral("decision")) != QLatin1String("allow")) {
            QList<QPair<QString, QString>> params = {
                {QStringLiteral("error"), QStringLiteral("access_denied")},
                {QStringLiteral("error_description"),
                 QStringLiteral("the user declined the sign-in")},
                {QStringLiteral("state"), request.state()},
                {QStringLiteral("iss"), m_issuer}};
            return redirect(context,
                            RedirectUriPolicy::buildRedirect(request.redirectUri(), params));
        }
        std::optional<Account> account;
        {
            auto connection = m_database.acquire();
            account = AccountStore::findOauthOnly(*connection);
        }
        if (!account)
            return sendPage(
                context, 503,
                SignInPage::renderError(QStringLiteral("No OAuth-only account"),
                                        QStringLiteral("Seed the sandbox to create "
                                                       "the OAuth-only demo account.")));
        return completeSignIn(context, request, *account, context.now, "auth.oauth", {});
    }

    const QString email = form->valueOr(QStringLiteral("email")).trimmed();
    const QByteArray password = form->valueOr(QStringLiteral("password")).toUtf8();
    if (email.isEmpty() || password.isEmpty())
        return showSignIn(context, request, 400, email,
                          QStringLiteral("Enter your email and password."));
    const auto outcome = m_passwords.check(email.toStdString(), password, context.req.remote_addr);
    if (outcome.result == PasswordCheck::Result::Locked) {
        context.res.set_header("Retry-After", std::to_string(outcome.retryAfterSeconds));
        return showSignIn(context, request, 429, email,
                          QStringLiteral("Too many failed sign-ins. Try again in %1 seconds.")
                              .arg(outcome.retryAfterSeconds));
    }
    if (outcome.result == PasswordCheck::Result::Invalid) {
        {
            auto connection = m_database.acquire();
            Transaction transaction(*connection);
            SignInEvents::record(*connection, context, "auth.login_failed", false,
                                 outcome.account ? std::optional<int64_t>(outcome.account->id)
                                                 : std::nullopt,
                                 email.toStdString(), 401, "invalid_credentials");
            transaction.commit();
        }
        return showSignIn(context, request, 401, email,
                          QStringLiteral("The email or password is not correct."));
    }
    if (outcome.account->totpSecretSealed)
        return showSignIn(context, request, 400, email,
                          QStringLiteral("This account uses an authenticator app, which this page "
                                         "does not ask for: sign in with the console's email and "
                                         "password form instead."));
    completeSignIn(context, request, *outcome.account, context.now, "auth.login", {});
}

void AuthorizeRoutes::completeSignIn(RequestContext &context, const AuthorizeRequest &request,
                                     const Account &account, qint64 authTime, const char *event,
                                     QByteArray sessionHash)
{
    QByteArray code;
    AuthorizationCodeRecord record = AuthorizationCode::issue(
        account.id, request.clientId(), request.redirectUri(), request.codeChallenge(),
        request.scope().isEmpty() ? TokenIssuer::defaultScope() : request.scope(), authTime,
        context.now, &code);
    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    if (sessionHash.isEmpty()) {
        const QByteArray token =
            kSessionPrefix + authcrypto::toBase64Url(authcrypto::randomBytes(32));
        sessionHash = OpaqueToken::storageHash(token);
        BrowserSessionRecord session;
        session.accountId = account.id;
        session.authTime = authTime;
        session.expiresAt = context.now + m_settings.browserSessionSeconds;
        SessionStore::insertBrowserSession(*connection, sessionHash, session);
        context.res.set_header("Set-Cookie",
                               (sessionCookieName() + '=' + token + "; Path=/oauth/; Max-Age=" +
                                QByteArray::number(m_settings.browserSessionSeconds) +
                                "; HttpOnly; Secure; SameSite=Lax")
                                   .toStdString());
    }
    record.browserSession = sessionHash;
    SessionStore::insertCode(*connection, record);
    if (event)
        SignInEvents::record(*connection, context, event, true, account.id, account.email, 302);
    transaction.commit();
    redirect(context, request.successRedirect(code, m_issuer));
}

} // namespace plexe::sandbox
