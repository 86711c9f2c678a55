#pragma once

#include "session/SessionMeta.h"

#include <QByteArray>
#include <QString>

namespace plexe {

// Everything the session store keeps for one profile; secrets are wiped with wipe().
struct StoredSession
{
    QString profile; // environment name; namespaces the keychain entries
    QByteArray accessToken;
    QByteArray refreshToken;
    QByteArray apiKey;
    SessionMeta meta;

    void wipe()
    {
        accessToken.fill(0);
        refreshToken.fill(0);
        apiKey.fill(0);
        accessToken.clear();
        refreshToken.clear();
        apiKey.clear();
    }
};

} // namespace plexe
