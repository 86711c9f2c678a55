#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace plexe::sandbox {

// Renders the plain, accessible HTML pages of the browser sign-in (GET/POST /oauth/authorize):
// the sign-in form, the local stand-ins for Google and GitHub, and an error page. No scripts,
// every interpolated value HTML-escaped, every page carries the banner that this is the local
// sandbox and not the Plexe service.
//
// Form protocol (phase 2 implements it):
//  - Sign-in form: POST /oauth/authorize with the authorize request's fields (hidden),
//    csrf_token, email, password.
//  - "Continue with Google/GitHub": GET /oauth/authorize with the same fields + provider=google
//    or provider=github (no secret in it, so no CSRF token) → renderProviderStandIn().
//  - Stand-in page: POST /oauth/authorize with the fields, provider, csrf_token and
//    decision=allow (sign in the OAuth-only demo account) or decision=deny (redirect with
//    error=access_denied).
class SignInPage
{
public:
    enum class Provider { Google, GitHub };

    struct Form
    {
        // The authorize request as received (client_id, redirect_uri, state, code_challenge,
        // code_challenge_method, scope, prompt, max_age, …), carried in hidden fields. Any
        // "provider", "csrf_token", "email", "password" or "decision" entry is dropped: the page
        // sets those itself.
        QList<QPair<QString, QString>> authorizeFields;
        QByteArray csrfToken;
        QString email;        // prefilled after a failed attempt; never the password
        QString errorMessage; // shown in a role="alert" box when not empty
    };

    // & < > " ' → entities. Safe in element content and in double-quoted attributes.
    static QString escape(const QString &text);

    static QByteArray renderSignIn(const Form &form);
    static QByteArray renderProviderStandIn(Provider provider, const Form &form,
                                            const QString &demoAccountEmail);
    static QByteArray renderError(const QString &title, const QString &message);

    // "google" / "github" (the `provider` query value) ↔ Provider; nullopt for anything else.
    static std::optional<Provider> providerFromParam(const QString &value);
    static QString providerParam(Provider provider);
    static QString providerName(Provider provider); // "Google", "GitHub"

    // Headers every page response should carry: Content-Type text/html; charset=utf-8, a CSP
    // that allows no script, no framing (clickjacking on a password form), no caching, no
    // referrer (the authorize URL carries state).
    static QList<QPair<QByteArray, QByteArray>> responseHeaders();
};

} // namespace plexe::sandbox
