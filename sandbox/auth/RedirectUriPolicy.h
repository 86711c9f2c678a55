#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace plexe::sandbox {

// The client and redirect-URI rules of contract §5 for the one public client, `plexe-console`:
// loopback IP-literal redirects with any port (RFC 8252 §7.3), nothing else.
class RedirectUriPolicy
{
public:
    static constexpr int kMaxUriLength = 512;

    enum class Verdict {
        Ok,
        Empty,
        TooLong,
        NotHttp,       // https://, HTTP:// (upper case), custom schemes, no scheme
        UserInfo,      // http://user@127.0.0.1:… (RFC 6819 §4.1.5 open-redirect tricks)
        NotLoopbackIp, // localhost, other hosts, other 127.x, 0.0.0.0, non-canonical ::1 forms
        MissingPort,   // the console always binds an OS-chosen port; no port means port 80
        BadPort,       // not 1–65535, leading zero, sign, non-digit
        BadPath,       // missing '/', characters outside RFC 3986 pchar, bad %-escape, "."/".."
        HasQuery,      // refused: the server appends code/state/iss and wants no ambiguity
        HasFragment,   // RFC 6749 §3.1.2: the redirect URI MUST NOT include a fragment
    };

    // The only registered client id (compared exactly, case-sensitive).
    static QString clientId();
    static bool isKnownClient(const QString &clientId);

    // Why `uri` is refused, or Verdict::Ok. Accepted, exactly:
    //   "http://127.0.0.1:" PORT PATH   and   "http://[::1]:" PORT PATH
    // where PORT is 1–65535 in decimal without leading zeros, and PATH is "/" followed by RFC
    // 3986 pchar characters and '/', with valid %XX escapes and no "." or ".." segment. The
    // scheme and host are compared as exact strings (no case folding), so that the URI the
    // console built is the URI that is matched, byte for byte.
    static Verdict check(const QString &uri);
    static bool isAllowed(const QString &uri) { return check(uri) == Verdict::Ok; }

    // A short English reason for error pages and logs (contains no part of the URI).
    static QString describe(Verdict verdict);

    // RFC 6749 §4.1.3: the token request's redirect_uri must be identical to the one in the
    // authorize request. Exact string comparison, no normalisation, both must be allowed.
    static bool matchesAuthorizeRequest(const QString &authorizeUri, const QString &tokenUri);

    // `uri` + "?" + the parameters, each name and value percent-encoded (RFC 3986 unreserved
    // characters kept). For the success (code, state, iss) and error (error, error_description,
    // state, iss) redirects of RFC 6749 §4.1.2 and RFC 9207. `uri` must be allowed (no query).
    static QString buildRedirect(const QString &uri, const QList<QPair<QString, QString>> &params);
};

} // namespace plexe::sandbox
