#include "keys/ApiKeyRoutes.h"

#include "accounts/AccountStore.h"
#include "db/Database.h"
#include "http/ApiError.h"
#include "http/JsonReply.h"
#include "http/RateLimiter.h"
#include "http/RequestInput.h"
#include "http/Router.h"
#include "keys/ApiKeyJson.h"
#include "keys/ApiKeySecret.h"
#include "keys/ApiKeyStore.h"
#include "keys/KeyName.h"
#include "keys/UsageRecorder.h"
#include "logs/AccessLogWriter.h"
#include "util/Random.h"

#include <QJsonArray>
#include <httplib.h>

namespace plexe::sandbox {

namespace {
constexpr int64_t kMaxExpirationDays = 3650;
constexpr int64_t kDay = 86400;

std::string permissionFromJson(const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("permission_level"));
    if (value.isUndefined())
        throw ApiError::validation("permission_level", "permission_level is required");
    const QString level = value.toString();
    if (!value.isString() ||
        (level != QLatin1String("read_only") && level != QLatin1String("read_write")))
        throw ApiError::validation("permission_level",
                                   "permission_level must be \"read_only\" or \"read_write\"");
    return level.toStdString();
}

// Absent: nullopt. Present: the new expiry, which is itself nullopt for JSON null (never).
std::optional<std::optional<int64_t>> expiryFromJson(const QJsonObject &body, int64_t now)
{
    if (!body.contains(QStringLiteral("expiration_days")))
        return std::nullopt;
    const auto days = RequestInput::integerField(body, "expiration_days", 1, kMaxExpirationDays);
    return days ? std::optional<int64_t>(now + *days * kDay) : std::optional<int64_t>();
}

void conflictIfNameTaken(Connection &connection, const ApiKey &key, int64_t now)
{
    if (key.status(now) == "active" &&
        ApiKeyStore::activeNameTaken(connection, key.accountId, key.name, key.row, now))
        throw ApiError(409, "conflict", "An active API key with this name already exists");
}

// api_key.created / updated / revoked, written in the action's own transaction. key_id is the
// key acted on, which may differ from the caller's key.
void recordKeyEvent(Connection &connection, const RequestContext &context, const char *name,
                    const ApiKey &key)
{
    AccessEvent event = AccessLogWriter::fromRequest(context.req, context.now);
    event.event = name;
    event.accountId = context.principal.accountId;
    event.keyId = key.keyId;
    event.keyPrefix = key.keyPrefix;
    event.status = 200;
    AccessLogWriter::record(connection, event);
}

ApiKey findOr404(Connection &connection, const RequestContext &context)
{
    auto key = ApiKeyStore::find(connection, context.principal.accountId, context.params.at(0));
    if (!key)
        throw ApiError::notFound("No API key with this id");
    return *key;
}
} // namespace

ApiKeyRoutes::ApiKeyRoutes(Database &database, UsageRecorder &usage, RateLimiter &createLimiter)
    : m_database(database), m_usage(usage), m_createLimiter(createLimiter)
{}

void ApiKeyRoutes::install(Router &router)
{
    const auto auth = Router::Access::Authenticated;
    const auto stepUp = Router::Access::StepUp; // every key write: create, rename, revoke
    router.add("POST", "/auth/api-keys", stepUp, [this](RequestContext &c) { create(c); });
    router.add("GET", "/auth/api-keys", auth, [this](RequestContext &c) { list(c); });
    router.add("GET", "/auth/api-keys/{key_id}", auth, [this](RequestContext &c) { get(c); });
    router.add("PATCH", "/auth/api-keys/{key_id}", stepUp,
               [this](RequestContext &c) { update(c); });
    router.add("DELETE", "/auth/api-keys/{key_id}", stepUp,
               [this](RequestContext &c) { revoke(c); });
}

void ApiKeyRoutes::create(RequestContext &context)
{
    const QJsonObject body = RequestInput::jsonObject(context.req);
    const int64_t now = context.now;
    ApiKey key;
    key.name = KeyName::fromJson(body);
    key.permissionLevel = permissionFromJson(body);
    if (const auto expiry = expiryFromJson(body, now))
        key.expiresAt = *expiry;
    key.accountId = context.principal.accountId;
    key.createdAt = now;
    key.keyId = "key_" + Random::base62(20);
    const std::string secret = ApiKeySecret::generate();
    key.keyHash = ApiKeySecret::hash(secret);
    key.keyPrefix = ApiKeySecret::displayPrefix(secret);
    key.keySuffix = ApiKeySecret::displaySuffix(secret);

    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    const auto account = AccountStore::findById(*connection, key.accountId);
    if (!account)
        throw ApiError(401, "unauthorized", "The account no longer exists");
    key.createdBy = account->email;
    conflictIfNameTaken(*connection, key, now);
    // Counted only once the request is known to be valid, so typos do not burn the quota.
    if (const auto retryAfter =
            m_createLimiter.acquire("account:" + std::to_string(key.accountId), now))
        throw ApiError::rateLimited(*retryAfter, "Too many API keys created in the last hour");
    key = ApiKeyStore::insert(*connection, key);
    recordKeyEvent(*connection, context, "api_key.created", key);
    transaction.commit();

    QJsonObject answer;
    answer.insert(QStringLiteral("key_id"), JsonReply::string(key.keyId));
    answer.insert(QStringLiteral("name"), JsonReply::string(key.name));
    answer.insert(QStringLiteral("key"), JsonReply::string(secret));
    answer.insert(QStringLiteral("permission_level"), JsonReply::string(key.permissionLevel));
    answer.insert(QStringLiteral("created_at"), JsonReply::timestamp(key.createdAt));
    answer.insert(QStringLiteral("expires_at"), JsonReply::optionalTimestamp(key.expiresAt));
    answer.insert(QStringLiteral("created_by"), JsonReply::string(key.createdBy));
    // Answers that carry a secret must not be kept by any cache on the way.
    context.res.set_header("Cache-Control", "no-store");
    JsonReply::send(context.res, 200, answer);
}

void ApiKeyRoutes::list(RequestContext &context)
{
    const auto &req = context.req;
    const std::string status =
        RequestInput::choiceParam(req, "status", "", {"active", "revoked", "expired"});
    const int64_t limit = RequestInput::integerParam(req, "limit", 20, 1, 100);
    const int64_t offset = RequestInput::integerParam(req, "offset", 0, 0, 1000000000);

    auto connection = m_database.acquire();
    const auto page = ApiKeyStore::list(*connection, context.principal.accountId, status, limit,
                                        offset, context.now);
    QJsonArray keys;
    for (const ApiKey &key : page.keys)
        keys.append(ApiKeyJson::item(key, context.now));
    QJsonObject answer;
    answer.insert(QStringLiteral("keys"), keys);
    answer.insert(QStringLiteral("pagination"),
                  JsonReply::pagination(page.total, limit, offset, keys.size()));
    JsonReply::send(context.res, 200, answer);
}

void ApiKeyRoutes::get(RequestContext &context)
{
    auto connection = m_database.acquire();
    const ApiKey key = findOr404(*connection, context);
    const auto usage = ApiKeyStore::usage(*connection, key.row, context.now);
    QJsonObject stats;
    stats.insert(QStringLiteral("requests_last_24h"), qint64(usage.last24h));
    stats.insert(QStringLiteral("requests_last_7d"), qint64(usage.last7d));
    stats.insert(QStringLiteral("requests_last_30d"), qint64(usage.last30d));
    QJsonObject answer = ApiKeyJson::item(key, context.now);
    answer.insert(QStringLiteral("usage_stats"), stats);
    JsonReply::send(context.res, 200, answer);
}

void ApiKeyRoutes::update(RequestContext &context)
{
    const QJsonObject body = RequestInput::jsonObject(context.req);
    const int64_t now = context.now;
    const bool rename = body.contains(QStringLiteral("name"));
    const std::string name = rename ? KeyName::fromJson(body) : std::string();
    const auto expiry = expiryFromJson(body, now);

    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    ApiKey key = findOr404(*connection, context);
    if (body.contains(QStringLiteral("permission_level")) &&
        body.value(QStringLiteral("permission_level")).toString().toStdString() !=
            key.permissionLevel)
        throw ApiError::validation("permission_level",
                                   "The permission level of a key cannot change; create a new "
                                   "key instead");
    if (key.revokedAt)
        throw ApiError(409, "conflict", "This API key is revoked and cannot be changed");
    // Only a real change is an api_key.updated event; an empty PATCH stays a no-op.
    const bool changed = (rename && key.name != name) || (expiry && key.expiresAt != *expiry);
    if (rename)
        key.name = name;
    if (expiry)
        key.expiresAt = *expiry;
    conflictIfNameTaken(*connection, key, now);
    ApiKeyStore::update(*connection, key);
    if (changed)
        recordKeyEvent(*connection, context, "api_key.updated", key);
    transaction.commit();
    JsonReply::send(context.res, 200, ApiKeyJson::item(key, now));
}

void ApiKeyRoutes::revoke(RequestContext &context)
{
    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    ApiKey key = findOr404(*connection, context);
    // Revoking twice is not an error: the answer repeats the first revocation.
    if (!key.revokedAt) {
        ApiKeyStore::revoke(*connection, key.row, context.now);
        key.revokedAt = context.now;
        recordKeyEvent(*connection, context, "api_key.revoked", key);
    }
    transaction.commit();
    QJsonObject answer;
    answer.insert(QStringLiteral("key_id"), JsonReply::string(key.keyId));
    answer.insert(QStringLiteral("status"), QStringLiteral("revoked"));
    answer.insert(QStringLiteral("revoked_at"), JsonReply::timestamp(*key.revokedAt));
    JsonReply::send(context.res, 200, answer);
}

} // namespace plexe::sandbox
