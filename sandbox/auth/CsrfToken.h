#pragma once

#include <QByteArray>

#include <optional>

namespace plexe::sandbox {

// CSRF protection for the sign-in form (POST /oauth/authorize), stateless on the server:
// a signed double-submit cookie.
//
// GET /oauth/authorize sets a random nonce in a cookie (cookieHeader()) and puts
// issue(nonce, context, now) in the form's hidden `csrf_token` field. The POST must carry both:
// verify() recomputes HMAC-SHA256(server secret, nonce ‖ issued-at ‖ context) and compares in
// constant time. A cross-site page can make the browser send the cookie (SameSite=Strict stops
// even that) but cannot read it, so it cannot forge a token that matches it; a token copied from
// another browser fails against this browser's cookie; a token bound to one authorize request
// (context = client_id, redirect_uri, state, code_challenge) cannot be replayed with another.
// Tokens expire after maxAgeSeconds. The server secret is random per process (or per data
// folder); it never leaves the server.
//
// Token format: "<issued-at unix seconds>.<base64url HMAC>".
class CsrfToken
{
public:
    static constexpr qint64 kDefaultMaxAgeSeconds = 10 * 60;
    static constexpr qint64 kClockSkewSeconds = 60;
    static constexpr int kNonceBytes = 32;

    explicit CsrfToken(QByteArray serverSecret, qint64 maxAgeSeconds = kDefaultMaxAgeSeconds);

    // A fresh random nonce for the cookie (base64url, 43 characters).
    static QByteArray newNonce();

    // The cookie's name, and a Set-Cookie value for a nonce: HttpOnly, Secure (the sandbox is
    // TLS-only), SameSite=Strict, Path=/oauth/, lives as long as a token.
    static QByteArray cookieName();
    QByteArray cookieHeader(const QByteArray &nonce) const;

    // The nonce from a request's Cookie header; nullopt when the cookie is absent, duplicated or
    // malformed.
    static std::optional<QByteArray> nonceFromCookieHeader(const QByteArray &cookieHeader);

    QByteArray issue(const QByteArray &nonce, const QByteArray &context, qint64 nowSeconds) const;

    // False for an empty/malformed nonce or token, a wrong MAC (tampered token, other nonce,
    // other context, other server secret), a token older than maxAgeSeconds or issued more than
    // kClockSkewSeconds in the future.
    bool verify(const QByteArray &token, const QByteArray &nonce, const QByteArray &context,
                qint64 nowSeconds) const;

private:
    QByteArray mac(const QByteArray &nonce, qint64 issuedAt, const QByteArray &context) const;

    QByteArray m_secret;
    qint64 m_maxAgeSeconds;
};

} // namespace plexe::sandbox
