#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace plexe {

// One [Console] access-log event (contract §6).
struct AccessEvent
{
    QString id;
    QDateTime timestamp;
    QString event;   // auth.login, api_key.used, ...
    QString outcome; // success | failure
    QString actor;
    QString keyId;
    QString keyPrefix;
    QString ip;
    QString userAgent;
    QString method;
    QString path;
    int status = 0; // 0 when missing
    QString errorCode;
};

// One page of GET /auth/access-logs; nextCursor is empty on the last page.
struct AccessLogPage
{
    QList<AccessEvent> events;
    QString nextCursor;
};

} // namespace plexe
