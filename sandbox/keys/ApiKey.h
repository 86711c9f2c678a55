#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace plexe::sandbox {

// One row of `api_keys`. The secret itself is never stored, only its SHA-256 (`keyHash`).
struct ApiKey
{
    int64_t row = 0;
    std::string keyId;
    int64_t accountId = 0;
    std::string name;
    std::string keyHash;
    std::string keyPrefix;
    std::string keySuffix;
    std::string permissionLevel;
    int64_t createdAt = 0;
    std::optional<int64_t> expiresAt;
    std::optional<int64_t> lastUsedAt;
    std::optional<int64_t> revokedAt;
    std::string createdBy;

    // "revoked" wins over "expired": a revoked key stays revoked whatever its expiry.
    std::string status(int64_t now) const
    {
        if (revokedAt)
            return "revoked";
        if (expiresAt && *expiresAt <= now)
            return "expired";
        return "active";
    }
};

} // namespace plexe::sandbox
