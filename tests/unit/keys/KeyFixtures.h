#pragma once
// Keys for the model and proxy tests, dated relative to one fixed "now".

#include "api/ApiKey.h"

#include <QDateTime>

namespace plexe::test {

inline QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
}

inline ApiKey makeKey(const QString &id, const QString &name, const QString &status,
                      qint64 createdDaysAgo)
{
    ApiKey key;
    key.keyId = id;
    key.name = name;
    key.keyPrefix = QStringLiteral("plx_sk_9f3a");
    key.keySuffix = QStringLiteral("c21d");
    key.permissionLevel = QStringLiteral("read_write");
    key.status = status;
    key.createdAt = fixedNow().addDays(-createdDaysAgo);
    key.createdBy = QStringLiteral("demo@plexe.local");
    return key;
}

} // namespace plexe::test
