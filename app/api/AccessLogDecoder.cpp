#include "api/AccessLogDecoder.h"

#include "api/JsonReader.h"

namespace plexe {

bool AccessLogDecoder::page(const QJsonDocument &doc, AccessLogPage *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    if (!doc.isObject()) {
        *error = QStringLiteral("expected an object");
        return false;
    }
    const QJsonObject root = doc.object();
    JsonReader r(root, QStringLiteral("$"), error);
    AccessLogPage page;
    page.nextCursor = r.stringOrNumber(QLatin1String("next_cursor"));
    const QJsonValue events = root.value(QLatin1String("events"));
    if (r.ok() && !events.isArray())
        r.fail(QStringLiteral("$.events: expected an array"));
    if (!r.ok())
        return false;
    const QJsonArray list = events.toArray();
    page.events.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("events[%1]").arg(i);
        if (!list.at(i).isObject()) {
            *error = path + QLatin1String(": expected an object");
            return false;
        }
        JsonReader er(list.at(i).toObject(), path, error);
        AccessEvent e;
        e.id = er.requiredString(QLatin1String("id"));
        e.timestamp = er.timestamp(QLatin1String("timestamp"));
        e.event = er.string(QLatin1String("event"));
        e.outcome = er.string(QLatin1String("outcome"));
        e.actor = er.string(QLatin1String("actor"));
        e.keyId = er.stringOrNumber(QLatin1String("key_id"));
        e.keyPrefix = er.string(QLatin1String("key_prefix"));
        e.ip = er.string(QLatin1String("ip"));
        e.userAgent = er.string(QLatin1String("user_agent"));
        e.method = er.string(QLatin1String("method"));
        e.path = er.string(QLatin1String("path"));
        const auto status = er.integer(QLatin1String("status"));
        if (status && (*status < 0 || *status > 999))
            er.fail(path + QLatin1String(".status: out of range"));
        e.status = status ? int(*status) : 0;
        e.errorCode = er.string(QLatin1String("error_code"));
        if (!er.ok())
            return false;
        page.events.append(std::move(e));
    }
    *out = std::move(page);
    return true;
}

} // namespace plexe
