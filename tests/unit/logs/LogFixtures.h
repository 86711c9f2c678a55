#pragma once
// Access events for the engine's tests and benchmark: deterministic, shaped like the sandbox's
// seeded log (a few actors, keys, addresses and agents; mostly api_key.used).

#include "api/AccessLogPage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace plexe::test {

inline const QStringList &fixtureEvents()
{
    static const QStringList events = {
        QStringLiteral("api_key.used"), QStringLiteral("api_key.rejected"),
        QStringLiteral("auth.login"),   QStringLiteral("auth.login_failed"),
        QStringLiteral("auth.refresh"), QStringLiteral("auth.mfa"),
        QStringLiteral("auth.logout"),  QStringLiteral("api_key.created")};
    return events;
}

// Event `id` (ids 1…n, one event every `stepSecs` seconds from `startSecs`, UTC).
inline AccessEvent fixtureEvent(qint64 id, qint64 startSecs = 1767225600, qint64 stepSecs = 60)
{
    static const QStringList actors = {QStringLiteral("demo@plexe.invalid"),
                                       QStringLiteral("ops@plexe.invalid"),
                                       QStringLiteral("Mallory@example.com")};
    static const QStringList ips = {QStringLiteral("10.0.4.12"), QStringLiteral("203.0.113.7"),
                                    QStringLiteral("198.51.100.23"), QStringLiteral("::1"),
                                    QStringLiteral("203.0.113.99")};
    static const QStringList agents = {QStringLiteral("curl/7.88.1"),
                                       QStringLiteral("python-requests/2.31.0"),
                                       QStringLiteral("PlexeConsole/0.1 (Linux; Qt 6.4)")};
    static const QStringList paths = {QStringLiteral("/models"), QStringLiteral("/auth/user"),
                                      QStringLiteral("/models/fraud-detector/1/status"),
                                      QStringLiteral("/auth/login")};
    const quint64 h = quint64(id) * 2654435761u;
    AccessEvent e;
    e.id = QString::number(id);
    e.timestamp = QDateTime::fromSecsSinceEpoch(startSecs + (id - 1) * stepSecs, Qt::UTC);
    e.event = fixtureEvents().at(int(h % 8));
    const bool failure = e.event == QLatin1String("api_key.rejected") ||
                         e.event == QLatin1String("auth.login_failed") || (h >> 8) % 10 == 0;
    e.outcome = failure ? QStringLiteral("failure") : QStringLiteral("success");
    e.actor = actors.at(int((h >> 4) % 3));
    if (e.event.startsWith(QLatin1String("api_key."))) {
        const int k = int((h >> 12) % 4);
        e.keyId = QStringLiteral("key_%1").arg(k);
        e.keyPrefix = QStringLiteral("plx_sk_%1a%1b").arg(k);
    }
    e.ip = ips.at(int((h >> 16) % 5));
    e.userAgent = agents.at(int((h >> 20) % 3));
    e.method = (h >> 24) % 4 == 0 ? QStringLiteral("POST") : QStringLiteral("GET");
    e.path = paths.at(int((h >> 26) % 4));
    e.status = failure ? ((h >> 28) % 2 ? 401 : 404) : 200;
    if (failure)
        e.errorCode = (h >> 28) % 2 ? QStringLiteral("revoked_key") : QStringLiteral("not_found");
    return e;
}

// Events first…last, newest first (as a page from the server).
inline QList<AccessEvent> fixturePage(qint64 first, qint64 last)
{
    QList<AccessEvent> out;
    for (qint64 id = last; id >= first; --id)
        out.append(fixtureEvent(id));
    return out;
}

inline QJsonObject fixtureJson(const AccessEvent &e)
{
    const auto orNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue() : QJsonValue(s);
    };
    return QJsonObject{{QStringLiteral("id"), e.id.toLongLong()},
                       {QStringLiteral("timestamp"), e.timestamp.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("event"), e.event},
                       {QStringLiteral("outcome"), e.outcome},
                       {QStringLiteral("actor"), e.actor},
                       {QStringLiteral("key_id"), orNull(e.keyId)},
                       {QStringLiteral("key_prefix"), orNull(e.keyPrefix)},
                       {QStringLiteral("ip"), e.ip},
                       {QStringLiteral("user_agent"), e.userAgent},
                       {QStringLiteral("method"), e.method},
                       {QStringLiteral("path"), e.path},
                       {QStringLiteral("status"), e.status},
                       {QStringLiteral("error_code"), orNull(e.errorCode)}};
}

// A page's JSON as the route sends it.
inline QByteArray fixturePageJson(const QList<AccessEvent> &events, const QString &nextCursor)
{
    QJsonArray list;
    for (const AccessEvent &e : events)
        list.append(fixtureJson(e));
    return QJsonDocument(
               QJsonObject{{QStringLiteral("events"), list},
                           {QStringLiteral("next_cursor"),
                            nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace plexe::test
