#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace plexe {

// A [Console] token answer (password sign-in, MFA, /oauth/token, reauthenticate). Tokens are
// QByteArrays so the session store can wipe() them once they are in the keychain.
struct TokenAnswer
{
    QByteArray accessToken;
    QString tokenType;               // "Bearer"
    std::optional<qint64> expiresIn; // seconds
    QByteArray refreshToken;         // empty when the server sent none
    QString scope;

    void wipe()
    {
        for (QByteArray *b : {&accessToken, &refreshToken}) {
            b->detach();
            b->fill('\0');
            b->clear();
        }
    }
};

} // namespace plexe
