#include "credentials/Authenticator.h"

#include "auth/OpaqueToken.h"
#include "auth/SessionStore.h"

#include "db/Database.h"
#include "http/ApiError.h"
#include "keys/ApiKeySecret.h"
#include "keys/ApiKeyStore.h"
#include "util/Clock.h"
#include "util/Sha256.h"

#include <httplib.h>

#include <cctype>

namespace plexe::sandbox {

namespace {
const char kBearer[] = "Bearer ";

std::string trimmed(const std::string &s)
{
    const size_t begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return std::string();
    const size_t end = s.find_last_not_of(" \t");
    return s.substr(begin, end - begin + 1);
}

bool startsWithNoCase(const std::string &s, const char *prefix)
{
    for (size_t i = 0; prefix[i]; ++i) {
        if (i >= s.size() || std::tolower(static_cast<unsigned char>(s[i])) !=
                                 std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    }
    return true;
}
} // namespace

Authenticator::Authenticator(Database &database) : m_database(database) {}

std::string Authenticator::presentedCredential(const httplib::Request &req)
{
    if (req.has_header("x-api-key"))
        return trimmed(req.get_header_value("x-api-key"));
    const std::string authorization = trimmed(req.get_header_value("Authorization"));
    if (!startsWithNoCase(authorization, kBearer))
        return std::string();
    return trimmed(authorization.substr(sizeof kBearer - 1));
}

Principal Authenticator::authenticate(const httplib::Request &req, int64_t now) const
{
    // x-api-key wins when both are present: it can only ever be an API key.
    if (req.has_header("x-api-key"))
        return authenticateApiKey(trimmed(req.get_header_value("x-api-key")), now);

    if (!req.has_header("Authorization"))
        throw ApiError(401, "unauthorized",
                       "Authentication required: send an API key in "
                       "x-api-key or Authorization: Bearer");
    const std::string authorization = trimmed(req.get_header_value("Authorization"));
    if (authorization.size() == 6 && startsWithNoCase(authorization, "Bearer"))
        throw ApiError(401, "unauthorized", "The Bearer credential is empty");
    if (!startsWithNoCase(authorization, kBearer))
        throw ApiError(401, "unauthorized", "Unsupported Authorization scheme; use Bearer");
    const std::string credential = presentedCredential(req);
    if (credential.rfind(ApiKeySecret::kPrefix, 0) == 0)
        return authenticateApiKey(credential, now);
    return authenticateSession(credential, now);
}

Principal Authenticator::authenticateSession(const std::string &token, int64_t now) const
{
    const QByteArray bytes = QByteArray::fromStdString(token);
    std::optional<AccessTokenRecord> record;
    if (OpaqueToken::isWellFormed(bytes, OpaqueToken::Kind::Access)) {
        auto connection = m_database.acquire();
        record = SessionStore::findAccess(*connection, OpaqueToken::storageHash(bytes));
    }
    // Unknown, expired and revoked tokens answer alike: the console refreshes once, then
    // signs in again.
    if (!record || record->revoked || record->expiresAt <= now)
        throw ApiError(401, "invalid_token", "The access token is invalid or expired");

    Principal principal;
    principal.accountId = record->accountId;
    principal.kind = Principal::Kind::Session;
    principal.permission = "read_write";
    principal.authTime = record->authTime;
    principal.familyId = record->familyId.toStdString();
    principal.credential = "session:" + principal.familyId;
    return principal;
}

Principal Authenticator::authenticateApiKey(const std::string &secret, int64_t now) const
{
    if (!ApiKeySecret::looksValid(secret))
        throw ApiError(401, "invalid_key", "This API key is not valid");
    const std::string hash = ApiKeySecret::hash(secret);
    auto connection = m_database.acquire();
    const auto key = ApiKeyStore::findByHash(*connection, hash);
    // The lookup is by hash; the constant-time compare guards against a lookup that ever
    // matched on anything looser (collation, prefix).
    if (!key || !Sha256::equal(key->keyHash, hash))
        throw ApiError(401, "invalid_key", "This API key is not valid");
    if (key->revokedAt)
        throw ApiError(401, "revoked_key", "This API key was revoked");
    if (key->expiresAt && *key->expiresAt <= now)
        throw ApiError(401, "expired_key",
                       "This API key expired on " + Clock::iso8601(*key->expiresAt));

    Principal principal;
    principal.accountId = key->accountId;
    principal.kind = Principal::Kind::ApiKey;
    principal.keyId = key->keyId;
    principal.keyRow = key->row;
    principal.permission = key->permissionLevel;
    principal.authTime = now;
    principal.credential = "key:" + key->keyId;
    return principal;
}

} // namespace plexe::sandbox
