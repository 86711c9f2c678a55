#pragma once

#include "api/Pagination.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace plexe {

// Reads fields of one JSON object with the contract's tolerance rules: a missing or null field
// gives an empty value; a field of the wrong type is an error (recorded once, with its path),
// never undefined behaviour. Decoders check ok() at the end.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString path, QString *error);

    bool ok() const { return m_error->isEmpty(); }
    bool has(QLatin1String key) const;

    QString string(QLatin1String key);
    QString requiredString(QLatin1String key);
    QByteArray bytes(QLatin1String key); // a string as UTF-8 bytes (for secrets)
    // A string or an integer (versions and ids are sometimes numbers), as text.
    QString stringOrNumber(QLatin1String key);
    std::optional<qint64> integer(QLatin1String key);
    std::optional<double> number(QLatin1String key);
    std::optional<bool> boolean(QLatin1String key);
    // ISO-8601; an unreadable date string is tolerated as "unknown" (invalid QDateTime).
    QDateTime timestamp(QLatin1String key);
    QJsonObject object(QLatin1String key);
    QStringList stringList(QLatin1String key);

    void fail(const QString &message);

    // A list answer: the envelope {"<listKey>": [...], "pagination": {...}} or a bare array
    // (contract §3). Items are not checked here; pagination fields are.
    static bool readList(const QJsonDocument &doc, QLatin1String listKey, QJsonArray *items,
                         Pagination *pagination, QString *error);
    // Whole-number check shared with decoders: false for NaN, fractions or |x| > 2^53.
    static bool toInteger(const QJsonValue &value, qint64 *out);

private:
    QJsonValue value(QLatin1String key) const;
    void wrongType(QLatin1String key, const char *expected);

    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

} // namespace plexe
