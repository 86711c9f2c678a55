#include "logs/LogQuery.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace plexe {

namespace {

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QString outcomeName(LogQuery::Outcome outcome)
{
    switch (outcome) {
    case LogQuery::Outcome::Success:
        return QStringLiteral("success");
    case LogQuery::Outcome::Failure:
        return QStringLiteral("failure");
    case LogQuery::Outcome::Any:
        break;
    }
    return {};
}

} // namespace

LogQuery::Fields LogQuery::activeFields() const
{
    Fields f;
    if (since.isValid())
        f |= Since;
    if (until.isValid())
        f |= Until;
    if (!events.isEmpty())
        f |= Events;
    if (outcome != Outcome::Any)
        f |= OutcomeField;
    if (!keyId.isEmpty())
        f |= Key;
    if (!actor.isEmpty())
        f |= Actor;
    if (!ip.isEmpty())
        f |= Ip;
    if (!text.isEmpty())
        f |= Text;
    return f;
}

LogQuery::Fields LogQuery::serverCapableFields() const
{
    Fields f = activeFields();
    // The route matches exact values: an address prefix and a key prefix are local matches.
    if (ip.endsWith(QLatin1Char('*')))
        f &= ~Fields(Ip);
    if (keyId.startsWith(QLatin1String("plx_")))
        f &= ~Fields(Key);
    return f;
}

AccessLogFilters LogQuery::serverFilters(Fields fields) const
{
    const Fields use = fields & serverCapableFields();
    AccessLogFilters out;
    if (use & Since)
        out.since = since.toUTC();
    if (use & Until)
        out.until = until.toUTC();
    if (use & Events)
        out.events = events;
    if (use & OutcomeField)
        out.outcome = outcomeName(outcome);
    if (use & Key)
        out.keyId = keyId;
    if (use & Actor)
        out.actor = actor;
    if (use & Ip)
        out.ip = ip;
    if (use & Text)
        out.q = text;
    return out;
}

QStringList LogQuery::fieldNames(Fields fields)
{
    // Spelled out (not through a local helper) so that lupdate finds every name.
    QStringList names;
    if (fields & (Since | Until))
        names << QCoreApplication::translate("LogQuery", "time range");
    if (fields & Events)
        names << QCoreApplication::translate("LogQuery", "event types");
    if (fields & OutcomeField)
        names << QCoreApplication::translate("LogQuery", "outcome");
    if (fields & Key)
        names << QCoreApplication::translate("LogQuery", "key");
    if (fields & Actor)
        names << QCoreApplication::translate("LogQuery", "actor");
    if (fields & Ip)
        names << QCoreApplication::translate("LogQuery", "IP address");
    if (fields & Text)
        names << QCoreApplication::translate("LogQuery", "text");
    return names;
}

QString LogQuery::describe() const
{
    QStringList parts;
    if (since.isValid())
        parts << QStringLiteral("since %1").arg(isoUtc(since));
    if (until.isValid())
        parts << QStringLiteral("until %1").arg(isoUtc(until));
    if (!events.isEmpty())
        parts << QStringLiteral("event %1").arg(events.join(QLatin1String(" or ")));
    if (outcome != Outcome::Any)
        parts << QStringLiteral("outcome %1").arg(outcomeName(outcome));
    if (!keyId.isEmpty())
        parts << QStringLiteral("key %1").arg(keyId);
    if (!actor.isEmpty())
        parts << QStringLiteral("actor %1").arg(actor);
    if (!ip.isEmpty())
        parts << QStringLiteral("ip %1").arg(ip);
    if (!text.isEmpty())
        parts << QStringLiteral("text \"%1\"").arg(text);
    return parts.isEmpty() ? QStringLiteral("all events") : parts.join(QLatin1String("; "));
}

QJsonObject LogQuery::toJson() const
{
    QJsonObject o;
    if (since.isValid())
        o.insert(QStringLiteral("since"), isoUtc(since));
    if (until.isValid())
        o.insert(QStringLiteral("until"), isoUtc(until));
    if (!events.isEmpty())
        o.insert(QStringLiteral("event"), QJsonArray::fromStringList(events));
    if (outcome != Outcome::Any)
        o.insert(QStringLiteral("outcome"), outcomeName(outcome));
    if (!keyId.isEmpty())
        o.insert(QStringLiteral("key_id"), keyId);
    if (!actor.isEmpty())
        o.insert(QStringLiteral("actor"), actor);
    if (!ip.isEmpty())
        o.insert(QStringLiteral("ip"), ip);
    if (!text.isEmpty())
        o.insert(QStringLiteral("q"), text);
    return o;
}

bool LogQuery::operator==(const LogQuery &o) const
{
    return since == o.since && until == o.until && events == o.events && outcome == o.outcome &&
           keyId == o.keyId && actor == o.actor && ip == o.ip && text == o.text &&
           sortColumn == o.sortColumn && sortOrder == o.sortOrder;
}

} // namespace plexe
