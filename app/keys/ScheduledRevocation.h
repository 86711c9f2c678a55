#pragma once

#include <QDateTime>
#include <QString>

namespace plexe {

// One revocation the user scheduled at the end of a key rotation. Only what the list shows
// about a key is kept (its id, listed prefix and suffix, name): never the secret.
struct ScheduledRevocation
{
    QString keyId;
    QString keyPrefix; // plx_sk_ + 4
    QString keySuffix; // last 4
    QString name;
    // The email of the account whose key it is: carried out only in that account's session
    // (issue 21 item 6). Empty for revocations scheduled before it was recorded.
    QString account;
    QDateTime due;         // UTC
    QDateTime scheduledAt; // UTC

    // "plx_sk_9f3a…c21d", as the list shows it.
    QString maskedKey() const { return keyPrefix + QChar(0x2026) + keySuffix; }
    bool operator==(const ScheduledRevocation &other) const
    {
        return keyId == other.keyId && keyPrefix == other.keyPrefix &&
               keySuffix == other.keySuffix && name == other.name && account == other.account &&
               due == other.due && scheduledAt == other.scheduledAt;
    }
};

} // namespace plexe
