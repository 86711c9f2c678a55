#include "keys/ApiKeyStore.h"

#include "db/Connection.h"

namespace plexe::sandbox {

namespace {
#define KEY_COLUMNS                                                                                \
    "id, key_id, account_id, name, key_hash, key_prefix, key_suffix, permission_level, "           \
    "created_at, expires_at, last_used_at, revoked_at, created_by"

ApiKey read(const Statement &row)
{
    ApiKey k;
    k.row = row.integer(0);
    k.keyId = row.text(1);
    k.accountId = row.integer(2);
    k.name = row.text(3);
    k.keyHash = row.text(4);
    k.keyPrefix = row.text(5);
    k.keySuffix = row.text(6);
    k.permissionLevel = row.text(7);
    k.createdAt = row.integer(8);
    k.expiresAt = row.optionalInteger(9);
    k.lastUsedAt = row.optionalInteger(10);
    k.revokedAt = row.optionalInteger(11);
    k.createdBy = row.text(12);
    return k;
}

// ?1 account, ?2 status filter ('' = all), ?3 now.
#define KEY_FILTER                                                                                 \
    " WHERE account_id = ?1 AND (?2 = ''"                                                          \
    " OR (?2 = 'active' AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?3))"       \
    " OR (?2 = 'revoked' AND revoked_at IS NOT NULL)"                                              \
    " OR (?2 = 'expired' AND revoked_at IS NULL AND expires_at IS NOT NULL AND expires_at <= ?3))"
} // namespace

ApiKey ApiKeyStore::insert(Connection &connection, ApiKey key)
{
    auto insert = connection.prepare(
        "INSERT INTO api_keys (key_id, account_id, name, key_hash, key_prefix, key_suffix, "
        "permission_level, created_at, expires_at, last_used_at, revoked_at, created_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, key.keyId)
        .bind(2, key.accountId)
        .bind(3, key.name)
        .bind(4, key.keyHash)
        .bind(5, key.keyPrefix)
        .bind(6, key.keySuffix)
        .bind(7, key.permissionLevel)
        .bind(8, key.createdAt)
        .bind(9, key.expiresAt)
        .bind(10, key.lastUsedAt)
        .bind(11, key.revokedAt)
        .bind(12, key.createdBy)
        .run();
    key.row = connection.lastInsertId();
    return key;
}

std::optional<ApiKey> ApiKeyStore::findByHash(Connection &connection, const std::string &keyHash)
{
    auto query = connection.prepare("SELECT " KEY_COLUMNS " FROM api_keys WHERE key_hash = ?");
    query.bind(1, keyHash);
    if (!query.step())
        return std::nullopt;
    return read(query);
}

std::optional<ApiKey> ApiKeyStore::find(Connection &connection, int64_t accountId,
                                        const std::string &keyId)
{
    auto query = connection.prepare("SELECT " KEY_COLUMNS
                                    " FROM api_keys WHERE account_id = ? AND key_id = ?");
    query.bind(1, accountId).bind(2, keyId);
    if (!query.step())
        return std::nullopt;
    return read(query);
}

ApiKeyStore::Page ApiKeyStore::list(Connection &connection, int64_t accountId,
                                    const std::string &status, int64_t limit, int64_t offset,
                                    int64_t now)
{
    Page page;
    auto count = connection.prepare("SELECT COUNT(*) FROM api_keys" KEY_FILTER);
    count.bind(1, accountId).bind(2, status).bind(3, now);
    page.total = count.step() ? count.integer(0) : 0;

    auto query = connection.prepare("SELECT " KEY_COLUMNS " FROM api_keys" KEY_FILTER
                                    " ORDER BY created_at DESC, id DESC LIMIT ?4 OFFSET ?5");
    query.bind(1, accountId).bind(2, status).bind(3, now).bind(4, limit).bind(5, offset);
    while (query.step())
        page.keys.push_back(read(query));
    return page;
}

bool ApiKeyStore::activeNameTaken(Connection &connection, int64_t accountId,
                                  const std::string &name, int64_t exceptRow, int64_t now)
{
    auto query = connection.prepare(
        "SELECT 1 FROM api_keys WHERE account_id = ? AND name = ? AND id != ? AND "
        "revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) LIMIT 1");
    query.bind(1, accountId).bind(2, name).bind(3, exceptRow).bind(4, now);
    return query.step();
}

bool ApiKeyStore::hasActiveKey(Connection &connection, int64_t accountId, int64_t now)
{
    auto query = connection.prepare("SELECT 1 FROM api_keys WHERE account_id = ? AND "
                                    "revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) "
                                    "LIMIT 1");
    query.bind(1, accountId).bind(2, now);
    return query.step();
}

void ApiKeyStore::update(Connection &connection, const ApiKey &key)
{
    connection.prepare("UPDATE api_keys SET name = ?, expires_at = ? WHERE id = ?")
        .bind(1, key.name)
        .bind(2, key.expiresAt)
        .bind(3, key.row)
        .run();
}

void ApiKeyStore::revoke(Connection &connection, int64_t row, int64_t now)
{
    connection.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .bind(1, now)
        .bind(2, row)
        .run();
}

void ApiKeyStore::addUsage(Connection &connection, int64_t row, int64_t hour, int64_t requests,
                           int64_t lastUsedAt)
{
    connection
        .prepare("INSERT INTO api_key_usage (key_row, hour, requests) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT (key_row, hour) DO UPDATE SET requests = requests + ?3")
        .bind(1, row)
        .bind(2, hour)
        .bind(3, requests)
        .run();
    connection
        .prepare("UPDATE api_keys SET last_used_at = MAX(COALESCE(last_used_at, 0), ?) "
                 "WHERE id = ?")
        .bind(1, lastUsedAt)
        .bind(2, row)
        .run();
}

ApiKeyStore::Usage ApiKeyStore::usage(Connection &connection, int64_t row, int64_t now)
{
    // Buckets are whole hours, so "last 24 h" means the current hour and the 23 before it.
    const int64_t hour = now / 3600;
    auto query = connection.prepare(
        "SELECT COALESCE(SUM(CASE WHEN hour > ?2 - 24 THEN requests END), 0), "
        "COALESCE(SUM(CASE WHEN hour > ?2 - 168 THEN requests END), 0), "
        "COALESCE(SUM(requests), 0) FROM api_key_usage WHERE key_row = ?1 AND hour > ?2 - 720");
    query.bind(1, row).bind(2, hour);
    Usage usage;
    if (query.step()) {
        usage.last24h = query.integer(0);
        usage.last7d = query.integer(1);
        usage.last30d = query.integer(2);
    }
    return usage;
}

} // namespace plexe::sandbox
