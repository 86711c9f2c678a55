#include "api/JsonReader.h"

#include <cmath>

namespace plexe {

JsonReader::JsonReader(const QJsonObject &object, QString path, QString *error)
    : m_object(object), m_path(std::move(path)), m_error(error)
{}

bool JsonReader::has(QLatin1String key) const
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

QJsonValue JsonReader::value(QLatin1String key) const
{
    return m_object.value(key);
}

void JsonReader::fail(const QString &message)
{
    if (m_error->isEmpty())
        *m_error = message;
}

void JsonReader::wrongType(QLatin1String key, const char *expected)
{
    fail(QStringLiteral("%1.%2: expected %3").arg(m_path, key, QLatin1String(expected)));
}

bool JsonReader::toInteger(const QJsonValue &value, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    // Casting an out-of-range double to an integer is undefined behaviour: check first.
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

QString JsonReader::string(QLatin1String key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        wrongType(key, "a string");
        return {};
    }
    return v.toString();
}

QString JsonReader::requiredString(QLatin1String key)
{
    if (!has(key)) {
        fail(QStringLiteral("%1.%2: missing").arg(m_path, key));
        return {};
    }
    const QString s = stringOrNumber(key);
    if (ok() && s.isEmpty())
        fail(QStringLiteral("%1.%2: empty").arg(m_path, key));
    return s;
}

QByteArray JsonReader::bytes(QLatin1String key)
{
    return string(key).toUtf8();
}

QString JsonReader::stringOrNumber(QLatin1String key)
{
    const QJsonValue v = value(key);
    if (v.isDouble()) {
        qint64 n = 0;
        if (toInteger(v, &n))
            return QString::number(n);
        wrongType(key, "a string or an integer");
        return {};
    }
    return string(key);
}

std::optional<qint64> JsonReader::integer(QLatin1String key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    qint64 n = 0;
    if (!toInteger(v, &n)) {
        wrongType(key, "an integer");
        return std::nullopt;
    }
    return n;
}

std::optional<double> JsonReader::number(QLatin1String key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        wrongType(key, "a number");
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<bool> JsonReader::boolean(QLatin1String key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool()) {
        wrongType(key, "a boolean");
        return std::nullopt;
    }
    return v.toBool();
}

QDateTime JsonReader::timestamp(QLatin1String key)
{
    const QString s = string(key);
    if (s.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(s, Qt::ISODate);
    // A timestamp without a zone is UTC by the contract (the real API sometimes omits the Z).
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QJsonObject JsonReader::object(QLatin1String key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        wrongType(key, "an object");
        return {};
    }
    return v.toObject();
}

QStringList JsonReader::stringList(QLatin1String key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        wrongType(key, "an array of strings");
        return {};
    }
    QStringList out;
    for (const QJsonValue item : v.toArray()) {
        if (!item.isString()) {
            wrongType(key, "an array of strings");
            return {};
        }
        out << item.toString();
    }
    return out;
}

bool JsonReader::readList(const QJsonDocument &doc, QLatin1String listKey, QJsonArray *items,
                          Pagination *pagination, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    *pagination = Pagination{};
    if (doc.isArray()) {
        *items = doc.array();
        return true;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("expected an object or an array");
        return false;
    }
    const QJsonObject root = doc.object();
    const QJsonValue list = root.value(listKey);
    if (!list.isArray()) {
        *error = QStringLiteral("%1: expected an array").arg(listKey);
        return false;
    }
    *items = list.toArray();
    JsonReader r(root, QStringLiteral("$"), error);
    const QJsonObject p = r.object(QLatin1String("pagination"));
    if (!r.ok())
        return false;
    if (p.isEmpty())
        return true;
    JsonReader pr(p, QStringLiteral("pagination"), error);
    pagination->present = true;
    pagination->total = pr.integer(QLatin1String("total")).value_or(-1);
    pagination->limit = pr.integer(QLatin1String("limit")).value_or(-1);
    pagination->offset = pr.integer(QLatin1String("offset")).value_or(0);
    pagination->hasMore = pr.boolean(QLatin1String("has_more")).value_or(false);
    return pr.ok();
}

} // namespace plexe
