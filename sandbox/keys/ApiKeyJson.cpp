#include "keys/ApiKeyJson.h"

#include "http/JsonReply.h"
#include "keys/ApiKey.h"

namespace plexe::sandbox {

QJsonObject ApiKeyJson::item(const ApiKey &key, int64_t now)
{
    QJsonObject o;
    o.insert(QStringLiteral("key_id"), JsonReply::string(key.keyId));
    o.insert(QStringLiteral("name"), JsonReply::string(key.name));
    o.insert(QStringLiteral("key_prefix"), JsonReply::string(key.keyPrefix));
    o.insert(QStringLiteral("key_suffix"), JsonReply::string(key.keySuffix));
    o.insert(QStringLiteral("permission_level"), JsonReply::string(key.permissionLevel));
    o.insert(QStringLiteral("created_at"), JsonReply::timestamp(key.createdAt));
    o.insert(QStringLiteral("expires_at"), JsonReply::optionalTimestamp(key.expiresAt));
    o.insert(QStringLiteral("last_used_at"), JsonReply::optionalTimestamp(key.lastUsedAt));
    o.insert(QStringLiteral("status"), JsonReply::string(key.status(now)));
    if (key.revokedAt)
        o.insert(QStringLiteral("revoked_at"), JsonReply::timestamp(*key.revokedAt));
    o.insert(QStringLiteral("created_by"), JsonReply::string(key.createdBy));
    return o;
}

} // namespace plexe::sandbox
