#pragma once

#include "auth/CsrfToken.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace plexe::sandbox {

class AuthorizeRequest;
class Database;
class PasswordCheck;
class Router;
struct Account;
struct RequestContext;
struct SignInSettings;

// The browser sign-in (contract §5): GET /.well-known/openid-configuration, GET /oauth/authorize
// (the sign-in page, the Google/GitHub stand-ins, or a silent redirect when the browser already
// has a fresh sign-in session) and POST /oauth/authorize (the form and the stand-ins' buttons,
// CSRF-checked). A successful sign-in sets the browser session cookie and redirects with a
// single-use code, state and iss.
class AuthorizeRoutes
{
public:
    // `issuer` is read at each request (it is set once the port is known, before listening).
    AuthorizeRoutes(Database &database, const PasswordCheck &passwords,
                    const SignInSettings &settings, const QString &issuer);

    void install(Router &router);

    static QByteArray sessionCookieName();

private:
    void discovery(RequestContext &context);
    void authorizeGet(RequestContext &context);
    void authorizePost(RequestContext &context);

    // Handles ErrorPage / ErrorRedirect; true when the request was answered.
    bool answeredInvalid(RequestContext &context, const AuthorizeRequest &request);
    void showSignIn(RequestContext &context, const AuthorizeRequest &request, int status,
                    const QString &email = QString(), const QString &error = QString());
    void showStandIn(RequestContext &context, const AuthorizeRequest &request);
    // Issues a code from the browser session `sessionHash` (a new session when empty) and
    // redirects; the code remembers its session, so that signing out can end it.
    void completeSignIn(RequestContext &context, const AuthorizeRequest &request,
                        const Account &account, qint64 authTime, const char *event,
                        QByteArray sessionHash);
    struct BrowserSession
    {
        QByteArray hash;
        qint64 accountId = 0;
        qint64 authTime = 0;
    };
    std::optional<BrowserSession> browserSession(RequestContext &context) const;
    QByteArray csrfFor(RequestContext &context, const AuthorizeRequest &request);
    static void sendPage(RequestContext &context, int status, const QByteArray &html);
    static void redirect(RequestContext &context, const QString &location);

    Database &m_database;
    const PasswordCheck &m_passwords;
    const SignInSettings &m_settings;
    const QString &m_issuer;
    CsrfToken m_csrf;
};

} // namespace plexe::sandbox
