#pragma once

#include "api/Pagination.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace plexe {

// Request counts of one key (GET /auth/api-keys/{id} `usage_stats`).
struct ApiKeyUsage
{
    std::optional<qint64> last24h;
    std::optional<qint64> last7d;
    std::optional<qint64> last30d;
};

// One API key as listed: never the secret, only its prefix and suffix (contract §2).
struct ApiKey
{
    QString keyId;
    QString name;
    QString keyPrefix;       // plx_sk_ + 4
    QString keySuffix;       // last 4
    QString permissionLevel; // read_only | read_write (as sent)
    QString status;          // active | revoked | expired (lower-cased)
    QDateTime createdAt;     // invalid when missing
    QDateTime expiresAt;     // invalid = never
    QDateTime lastUsedAt;    // invalid = never used
    QDateTime revokedAt;
    QString createdBy;
    std::optional<ApiKeyUsage> usage; // only from GET /auth/api-keys/{id}

    // "plx_sk_9f3a…c21d", never more of the key.
    QString maskedKey() const;
};

// One page of GET /auth/api-keys.
struct ApiKeyPage
{
    QList<ApiKey> keys;
    Pagination pagination;
};

// The answer of POST /auth/api-keys: the only time the full key exists. `key` is a QByteArray
// so that the dialog that shows it can wipe() it afterwards (security.md C22).
struct CreatedApiKey
{
    ApiKey info;
    QByteArray key;

    void wipe()
    {
        key.detach();
        key.fill('\0');
        key.clear();
    }
};

// The answer of DELETE /auth/api-keys/{id}.
struct RevokedApiKey
{
    QString keyId;
    QString status;
    QDateTime revokedAt;
};

} // namespace plexe
