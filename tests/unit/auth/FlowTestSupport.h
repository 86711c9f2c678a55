#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>

// Reading raw HTTP requests captured by ScriptedHttpServer in the sign-in flow tests.
namespace plexe::test {

inline QByteArray requestLine(const QByteArray &request)
{
    return request.left(request.indexOf("\r\n"));
}

inline QByteArray requestPath(const QByteArray &request)
{
    const QList<QByteArray> parts = requestLine(request).split(' ');
    return parts.size() > 1 ? parts.at(1) : QByteArray();
}

inline QByteArray requestHeader(const QByteArray &request, const QByteArray &name)
{
    const QByteArray head = request.left(request.indexOf("\r\n\r\n"));
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

inline QByteArray requestBody(const QByteArray &request)
{
    return request.mid(request.indexOf("\r\n\r\n") + 4);
}

// A value of an application/x-www-form-urlencoded body.
inline QString formValue(const QByteArray &body, const QString &name)
{
    QByteArray plus = body;
    plus.replace('+', ' ');
    return QUrlQuery(QString::fromLatin1(plus)).queryItemValue(name, QUrl::FullyDecoded);
}

inline QByteArray tokenAnswer(const QByteArray &access, const QByteArray &refresh,
                              int expiresIn = 900)
{
    return "{\"access_token\":\"" + access +
           "\",\"token_type\":\"Bearer\",\"expires_in\":" + QByteArray::number(expiresIn) +
           ",\"refresh_token\":\"" + refresh + "\",\"scope\":\"openid\"}";
}

// True once a ScriptedHttpServer (which keeps each accepted socket as its child) has accepted
// a connection and every one of them has been closed by the client.
inline bool allConnectionsClosed(const QObject &server)
{
    const QList<QTcpSocket *> sockets = server.findChildren<QTcpSocket *>();
    return !sockets.isEmpty() && std::all_of(sockets.begin(), sockets.end(), [](QTcpSocket *s) {
        return s->state() == QAbstractSocket::UnconnectedState;
    });
}

} // namespace plexe::test
