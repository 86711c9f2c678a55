#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace plexe {

// The non-secret facts about a stored session (kept as JSON in the `session_meta` entry).
struct SessionMeta
{
    QDateTime authTime;     // when the user last proved who they are (step-up window)
    QDateTime lastActivity; // last user input (restore-at-start rule)
    QDateTime createdAt;    // start of the session (absolute lifetime)
    QDateTime expiresAt;    // access-token expiry, if known
    QString kind;           // "password", "oauth" or "api_key"
    QString origin;         // SessionOrigin::of the endpoint it was made for

    QByteArray toJson() const;
    static std::optional<SessionMeta> fromJson(const QByteArray &json);
    bool operator==(const SessionMeta &other) const;
};

} // namespace plexe
