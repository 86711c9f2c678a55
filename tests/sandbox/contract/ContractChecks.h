#pragma once

#include "ContractClient.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>

// Shape checks shared by the contract tests. Each returns an empty string when the value follows
// api-contract.md, else what is wrong, for QVERIFY2(msg.isEmpty(), qPrintable(msg)).
namespace plexe::test::checks {

// ISO-8601 UTC with a trailing Z (contract §1).
inline bool isIsoUtc(const QJsonValue &value)
{
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$"));
    return value.isString() && re.match(value.toString()).hasMatch() &&
           QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid();
}

inline QDateTime parseTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

inline bool isKeySecret(const QString &key)
{
    static const QRegularExpression re(QStringLiteral("^plx_sk_[0-9A-Za-z]{40,}$"));
    return re.match(key).hasMatch();
}

inline QString missingFields(const QJsonObject &object, const QStringList &fields)
{
    QStringList missing;
    for (const QString &field : fields) {
        if (!object.contains(field))
            missing << field;
    }
    return missing.isEmpty() ? QString() : QStringLiteral("missing fields: ") + missing.join(u',');
}

// The sandbox's error shape: {"error": {code, message, status, details?}, "request_id"} plus an
// X-Request-Id header carrying the same id.
inline QString errorShape(const Reply &reply, int status, const QString &code)
{
    const QString got = QString::fromUtf8(reply.describe());
    if (!reply.transportOk)
        return got;
    if (reply.status != status)
        return QStringLiteral("expected HTTP %1, got: ").arg(status) + got;
    if (!reply.json.isObject())
        return QStringLiteral("error body is not a JSON object: ") + got;
    if (!reply.header("Content-Type").startsWith(QLatin1String("application/json")))
        return QStringLiteral("error Content-Type is '%1': ").arg(reply.header("Content-Type")) +
               got;
    const QJsonObject error = reply.object().value(QLatin1String("error")).toObject();
    if (error.isEmpty())
        return QStringLiteral("no \"error\" object: ") + got;
    if (!code.isEmpty() && error.value(QLatin1String("code")).toString() != code)
        return QStringLiteral("expected code %1: ").arg(code) + got;
    if (error.value(QLatin1String("code")).toString().isEmpty())
        return QStringLiteral("empty error.code: ") + got;
    if (error.value(QLatin1String("message")).toString().isEmpty())
        return QStringLiteral("empty error.message: ") + got;
    if (error.value(QLatin1String("status")).toInt(-1) != status)
        return QStringLiteral("error.status is not %1: ").arg(status) + got;
    if (error.contains(QLatin1String("details")) &&
        !error.value(QLatin1String("details")).isObject())
        return QStringLiteral("error.details is not an object: ") + got;
    const QString requestId = reply.object().value(QLatin1String("request_id")).toString();
    if (requestId.isEmpty())
        return QStringLiteral("no request_id: ") + got;
    if (reply.header("X-Request-Id") != requestId)
        return QStringLiteral("X-Request-Id header '%1' differs from request_id '%2'")
            .arg(reply.header("X-Request-Id"), requestId);
    return {};
}

// 422 validation_failed naming the field in details.field.
inline QString validationFailed(const Reply &reply, const QString &field)
{
    const QString shape = errorShape(reply, 422, QStringLiteral("validation_failed"));
    if (!shape.isEmpty())
        return shape;
    const QJsonObject details = reply.object()
                                    .value(QLatin1String("error"))
                                    .toObject()
                                    .value(QLatin1String("details"))
                                    .toObject();
    if (!field.isEmpty() && details.value(QLatin1String("field")).toString() != field)
        return QStringLiteral("details.field is not %1: ").arg(field) +
               QString::fromUtf8(reply.describe());
    return {};
}

// A pagination object {total, limit, offset, has_more} consistent with a page of pageSize items.
inline QString pagination(const QJsonObject &envelope, int pageSize, int expectLimit,
                          int expectOffset)
{
    const QJsonObject p = envelope.value(QLatin1String("pagination")).toObject();
    const QString missing =
        missingFields(p, {QStringLiteral("total"), QStringLiteral("limit"),
                          QStringLiteral("offset"), QStringLiteral("has_more")});
    if (!missing.isEmpty())
        return QStringLiteral("pagination ") + missing;
    const int total = p.value(QLatin1String("total")).toInt(-1);
    const int limit = p.value(QLatin1String("limit")).toInt(-1);
    const int offset = p.value(QLatin1String("offset")).toInt(-1);
    if (!p.value(QLatin1String("has_more")).isBool())
        return QStringLiteral("has_more is not a boolean");
    const bool hasMore = p.value(QLatin1String("has_more")).toBool();
    if (expectLimit >= 0 && limit != expectLimit)
        return QStringLiteral("pagination.limit %1, expected %2").arg(limit).arg(expectLimit);
    if (expectOffset >= 0 && offset != expectOffset)
        return QStringLiteral("pagination.offset %1, expected %2").arg(offset).arg(expectOffset);
    if (pageSize > limit)
        return QStringLiteral("%1 items on a page of limit %2").arg(pageSize).arg(limit);
    const int expectedSize = qMax(0, qMin(limit, total - offset));
    if (pageSize != expectedSize)
        return QStringLiteral("%1 items, expected %2 (total %3, offset %4, limit %5)")
            .arg(pageSize)
            .arg(expectedSize)
            .arg(total)
            .arg(offset)
            .arg(limit);
    if (hasMore != (offset + pageSize < total))
        return QStringLiteral("has_more %1 with offset %2 + %3 items of total %4")
            .arg(hasMore)
            .arg(offset)
            .arg(pageSize)
            .arg(total);
    return {};
}

} // namespace plexe::test::checks
