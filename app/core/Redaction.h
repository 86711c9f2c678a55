#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// Helpers that make requests, URLs, headers and server text safe to log (security.md E30/E31):
// secret query values and credential headers are replaced, anything shaped like an API key is
// masked, and control characters (CR/LF) are escaped so a server cannot forge log lines.
namespace plexe::Redaction {

inline constexpr QLatin1String kMask{"[redacted]"};

// True for query parameter names whose value is a secret (code, state, token, key, ...).
bool isSensitiveQueryName(QStringView name);
// True for header names whose value is a credential (Authorization, x-api-key, Cookie, ...).
bool isSensitiveHeader(QByteArrayView name);

// The URL with secret query values, user info and the fragment masked; text-escaped.
QString url(const QUrl &url);
// "Name: value" with the value masked for credential headers; text-escaped.
QString header(const QByteArray &name, const QByteArray &value);
// Free text: API-key-shaped strings masked ("plx_sk_…"), control characters escaped.
QString text(QStringView text);
// Control characters (CR, LF, TAB, others < 0x20, DEL) as \r, \n, \t, \xNN.
QString escapeControl(QStringView text);

} // namespace plexe::Redaction
