#include "session/SessionMeta.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace plexe {
namespace {

QJsonValue toJsonTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime fromJsonTime(const QJsonValue &value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC()
                            : QDateTime();
}

} // namespace

QByteArray SessionMeta::toJson() const
{
    QJsonObject object{{QStringLiteral("auth_time"), toJsonTime(authTime)},
                       {QStringLiteral("last_activity"), toJsonTime(lastActivity)},
                       {QStringLiteral("created_at"), toJsonTime(createdAt)},
                       {QStringLiteral("expires_at"), toJsonTime(expiresAt)},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("origin"), origin}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<SessionMeta> SessionMeta::fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject object = doc.object();
    SessionMeta meta;
    meta.authTime = fromJsonTime(object.value(QStringLiteral("auth_time")));
    meta.lastActivity = fromJsonTime(object.value(QStringLiteral("last_activity")));
    meta.createdAt = fromJsonTime(object.value(QStringLiteral("created_at")));
    meta.expiresAt = fromJsonTime(object.value(QStringLiteral("expires_at")));
    meta.kind = object.value(QStringLiteral("kind")).toString();
    meta.origin = object.value(QStringLiteral("origin")).toString();
    if (!meta.createdAt.isValid() || !meta.lastActivity.isValid())
        return std::nullopt; // without these the restore rule cannot be applied
    return meta;
}

bool SessionMeta::operator==(const SessionMeta &other) const
{
    return authTime == other.authTime && lastActivity == other.lastActivity &&
           createdAt == other.createdAt && expiresAt == other.expiresAt && kind == other.kind &&
           origin == other.origin;
}

} // namespace plexe
