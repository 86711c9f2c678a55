#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace plexe {

// The filters GET /auth/access-logs applies itself (contract §6). Empty fields are not sent.
struct AccessLogFilters
{
    QDateTime since;    // inclusive; invalid: open
    QDateTime until;    // exclusive; invalid: open
    QStringList events; // any of these event names; empty: all
    QString outcome;    // "success" | "failure" | empty
    QString keyId;
    QString actor;
    QString ip;
    QString q; // substring over path, user agent and error code (the server's fields)

    bool isEmpty() const
    {
        return !since.isValid() && !until.isValid() && events.isEmpty() && outcome.isEmpty() &&
               keyId.isEmpty() && actor.isEmpty() && ip.isEmpty() && q.isEmpty();
    }

    // Adds the non-empty filters as query items (times as ISO-8601 UTC with Z).
    void addTo(QUrlQuery *query) const
    {
        if (since.isValid())
            query->addQueryItem(QStringLiteral("since"), since.toUTC().toString(Qt::ISODateWithMs));
        if (until.isValid())
            query->addQueryItem(QStringLiteral("until"), until.toUTC().toString(Qt::ISODateWithMs));
        for (const QString &event : events)
            query->addQueryItem(QStringLiteral("event"), event);
        const auto add = [query](const char *name, const QString &value) {
            if (!value.isEmpty())
                query->addQueryItem(QLatin1String(name), value);
        };
        add("outcome", outcome);
        add("key_id", keyId);
        add("actor", actor);
        add("ip", ip);
        add("q", q);
    }
};

} // namespace plexe
