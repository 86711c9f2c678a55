#pragma once

#include "keys/ApiKey.h"

#include <optional>
#include <vector>

namespace plexe::sandbox {

class Connection;

// SQL for API keys and their hourly usage buckets. All reads take `now` so that "expired" is
// decided in one place with one clock.
class ApiKeyStore
{
public:
    struct Page
    {
        std::vector<ApiKey> keys;
        int64_t total = 0;
    };
    struct Usage
    {
        int64_t last24h = 0;
        int64_t last7d = 0;
        int64_t last30d = 0;
    };

    static ApiKey insert(Connection &connection, ApiKey key);
    static std::optional<ApiKey> findByHash(Connection &connection, const std::string &keyHash);
    static std::optional<ApiKey> find(Connection &connection, int64_t accountId,
                                      const std::string &keyId);
    // `status` is "", "active", "revoked" or "expired"; newest first.
    static Page list(Connection &connection, int64_t accountId, const std::string &status,
                     int64_t limit, int64_t offset, int64_t now);
    // True if another active key (not revoked, not expired) of the account has this name.
    static bool activeNameTaken(Connection &connection, int64_t accountId, const std::string &name,
                                int64_t exceptRow, int64_t now);
    static bool hasActiveKey(Connection &connection, int64_t accountId, int64_t now);
    static void update(Connection &connection, const ApiKey &key);
    static void revoke(Connection &connection, int64_t row, int64_t now);
    // Adds `requests` to the bucket of `hour` (Unix seconds / 3600) and moves last_used_at.
    static void addUsage(Connection &connection, int64_t row, int64_t hour, int64_t requests,
                         int64_t lastUsedAt);
    static Usage usage(Connection &connection, int64_t row, int64_t now);
};

} // namespace plexe::sandbox
