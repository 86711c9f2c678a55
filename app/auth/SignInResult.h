#pragma once

#include "api/TokenAnswer.h"
#include "api/User.h"

#include <QByteArray>
#include <QDateTime>

namespace plexe {

// What a successful sign-in flow hands to the session manager: session tokens (password or
// browser sign-in) or a checked API key. The receiver wipes it once it has stored the secrets.
struct SignInResult
{
    enum class Kind { Password, Browser, ApiKey };

    Kind kind = Kind::Password;
    TokenAnswer tokens; // Password and Browser
    QByteArray apiKey;  // ApiKey
    User user;          // ApiKey: the account the key belongs to
    QDateTime authTime; // when the user proved who they are (UTC)

    // "password", "oauth" or "api_key" (SessionMeta::kind).
    QString metaKind() const
    {
        switch (kind) {
        case Kind::Password:
            return QStringLiteral("password");
        case Kind::Browser:
            return QStringLiteral("oauth");
        case Kind::ApiKey:
            break;
        }
        return QStringLiteral("api_key");
    }

    void wipe()
    {
        tokens.wipe();
        apiKey.detach();
        apiKey.fill('\0');
        apiKey.clear();
    }
};

} // namespace plexe
