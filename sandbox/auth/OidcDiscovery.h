#pragma once

#include <QByteArray>
#include <QString>

namespace plexe::sandbox {

// The body of GET /.well-known/openid-configuration (contract §5), built from the issuer URL
// the server actually listens on (e.g. "https://127.0.0.1:8443", no trailing slash). The same
// issuer string must go into every `iss` redirect parameter (RFC 9207), so the console can
// compare them exactly.
class OidcDiscovery
{
public:
    // Compact JSON: issuer, authorization_endpoint, token_endpoint, revocation_endpoint,
    // response_types_supported ["code"], grant_types_supported ["authorization_code",
    // "refresh_token"], code_challenge_methods_supported ["S256"],
    // token_endpoint_auth_methods_supported ["none"] (public client),
    // authorization_response_iss_parameter_supported true. No userinfo/jwks: the sandbox issues
    // opaque tokens, not ID tokens.
    static QByteArray document(const QString &issuer);

    // The issuer with any trailing '/' removed, so "https://h:1/" and "https://h:1" agree.
    static QString normalizeIssuer(const QString &issuer);
};

} // namespace plexe::sandbox
