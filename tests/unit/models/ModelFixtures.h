#pragma once
// Models for the model, proxy and network tests, dated relative to one fixed "now".

#include "api/Model.h"

#include <QDateTime>

namespace plexe::test {

inline QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
}

inline Model makeModel(const QString &modelName, const QString &name, const QString &status,
                       qint64 createdDaysAgo, const QString &version = QStringLiteral("1"))
{
    Model m;
    m.modelName = modelName;
    m.modelVersion = version;
    m.name = name;
    m.intent = QStringLiteral("predict ") + modelName;
    m.status = status;
    m.state = modelStateFrom(status);
    m.createdAt = fixedNow().addDays(-createdDaysAgo);
    m.updatedAt = m.createdAt.addSecs(3600);
    return m;
}

} // namespace plexe::test
