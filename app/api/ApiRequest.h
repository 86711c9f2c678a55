#pragma once

#include "api/Credential.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

namespace plexe {

// One request to the API, relative to the profile's base URL.
struct ApiRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path;     // "/auth/api-keys/abc" (segments already percent-encoded)
    QUrl absoluteUrl; // instead of base URL + path (e.g. a discovered token endpoint)
    QUrlQuery query;  // never credentials (security.md D28): secret-named items are refused
    QByteArray body;  // empty: no body
    QByteArray contentType = QByteArrayLiteral("application/json");
    qint64 maxBodyBytes = 0;              // 0: the endpoint's default cap
    bool authenticated = true;            // false: send no credential (health, token endpoint)
    std::optional<Credential> credential; // overrides the client's (e.g. checking a new key)
    bool sensitive = false; // secrets in the answer or body: no raw copy kept afterwards
    // false: a 429 fails the call at once (with the deadline) instead of waiting and re-sending;
    // for sign-in requests, whose body (a password, a code) must not be sent again unasked.
    bool waitOnRateLimit = true;
    // true: the answer's JSON is not parsed here; ApiCall::result<QByteArray>() holds its raw
    // bytes, for a worker thread to parse (large pages: access logs). Not for secrets.
    bool rawBody = false;

    // GET and HEAD are the only methods retried on 5xx.
    bool isIdempotent() const { return method == "GET" || method == "HEAD"; }
};

} // namespace plexe
