#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace plexe::sandbox {

// The parameters of GET /oauth/authorize (or of the sign-in form that carries them back),
// validated in the order RFC 6749 §4.1.2.1 requires: first what decides whether the client can
// be trusted with a redirect (client_id, redirect_uri), then everything else.
//
// Outcomes:
//  - Valid                 → show the sign-in page (or the provider stand-in).
//  - ErrorPage             → client_id or redirect_uri is missing, unknown, malformed or
//                            repeated: render SignInPage::renderError(); NEVER redirect (an
//                            open redirector otherwise).
//  - ErrorRedirect         → any other fault: 302 to errorRedirect(issuer), which carries
//                            error, error_description, state (if one was given) and iss.
//
// Rules beyond RFC 6749: response_type must be "code"; state is required (1–512 visible ASCII
// characters; the console always sends one); PKCE S256 is required (RFC 7636 §4.4.1); prompt
// may be absent, "login", "consent" or "select_account" (AuthorizeRoutes shows the form again
// for prompt=login and for a browser session older than max_age), and "none" is refused with
// login_required; max_age is a non-negative integer; provider is
// absent, "google" or "github"; scope is at most 256 visible ASCII characters. Any parameter
// given twice is invalid_request (RFC 6749 §3.1).
class AuthorizeRequest
{
public:
    enum class Outcome { Valid, ErrorPage, ErrorRedirect };

    static constexpr int kMaxStateLength = 512;
    static constexpr int kMaxScopeLength = 256;

    // `params` as decoded from the query (QUrlQuery::queryItems(QUrl::FullyDecoded)) or from a
    // FormBody; unknown parameters are ignored (RFC 6749 §3.1), except the form's own fields.
    static AuthorizeRequest parse(const QList<QPair<QString, QString>> &params);

    Outcome outcome() const { return m_outcome; }
    bool isValid() const { return m_outcome == Outcome::Valid; }

    // RFC 6749 §4.1.2.1 code ("invalid_request", "unauthorized_client",
    // "unsupported_response_type", "login_required", …) and a description with no parameter
    // values in it. Empty when valid.
    QString error() const { return m_error; }
    QString errorDescription() const { return m_errorDescription; }

    // For ErrorRedirect: redirect_uri?error=…&error_description=…&state=…&iss=… (RFC 9207).
    QString errorRedirect(const QString &issuer) const;
    // For a successful sign-in: redirect_uri?code=…&state=…&iss=….
    QString successRedirect(const QByteArray &code, const QString &issuer) const;

    // The fields to carry in the page's hidden inputs (SignInPage::Form::authorizeFields):
    // exactly the recognised parameters, in a fixed order, absent ones left out.
    QList<QPair<QString, QString>> hiddenFields() const;

    // What the CSRF token is bound to (CsrfToken::issue/verify `context`).
    QByteArray csrfContext() const;

    QString clientId() const { return m_clientId; }
    QString redirectUri() const { return m_redirectUri; }
    QString state() const { return m_state; }
    QString codeChallenge() const { return m_codeChallenge; }
    QString codeChallengeMethod() const { return m_codeChallengeMethod; }
    QString scope() const { return m_scope; }
    QString prompt() const { return m_prompt; }
    // Whether the client asked for a new sign-in (prompt contains "login").
    bool promptsLogin() const
    {
        return m_prompt.split(QLatin1Char(' ')).contains(QLatin1String("login"));
    }
    std::optional<qint64> maxAge() const { return m_maxAge; }
    QString provider() const { return m_provider; } // "", "google" or "github"

private:
    void fail(Outcome outcome, const QString &error, const QString &description);

    Outcome m_outcome = Outcome::Valid;
    QString m_error;
    QString m_errorDescription;
    QString m_clientId;
    QString m_redirectUri;
    QString m_responseType;
    QString m_state;
    QString m_codeChallenge;
    QString m_codeChallengeMethod;
    QString m_scope;
    QString m_prompt;
    QString m_maxAgeText;
    std::optional<qint64> m_maxAge;
    QString m_provider;
};

} // namespace plexe::sandbox
