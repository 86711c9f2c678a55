#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <functional>
#include <memory>

namespace plexe::test {

// A tiny loopback HTTP/1.1 server for faults the sandbox cannot produce (redirects to another
// origin, stalls, 5xx sequences, oversized bodies). Each complete request is passed to the
// handler, which returns the raw response bytes, or an empty array to stall (never answer).
class ScriptedHttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<QByteArray(int index, const QByteArray &request)>;

    explicit ScriptedHttpServer(Handler handler = {}, QObject *parent = nullptr)
        : QObject(parent), m_handler(std::move(handler))
    {
        connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onConnection);
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    quint16 port() const { return m_server.serverPort(); }
    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    int connections() const { return m_connections; }
    qint64 bytesReceived() const { return m_bytes; }
    const QList<QByteArray> &requests() const { return m_requests; }

    static QByteArray response(int status, const QByteArray &body,
                               const QByteArray &extraHeaders = {},
                               const QByteArray &type = "application/json")
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type +
               "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders +
               "\r\n" + body;
    }

Q_SIGNALS:
    void requestReceived(int index);

private:
    void onConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            socket->setParent(this);
            auto buffer = std::make_shared<QByteArray>(); // freed with the connection
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                const QByteArray data = socket->readAll();
                m_bytes += data.size();
                buffer->append(data);
                while (true) {
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    qsizetype length = 0;
                    for (const QByteArray &line : buffer->left(end).split('\n')) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    }
                    if (buffer->size() < end + 4 + length)
                        return;
                    const QByteArray request = buffer->left(end + 4 + length);
                    buffer->remove(0, end + 4 + length);
                    const int index = int(m_requests.size());
                    m_requests.append(request);
                    Q_EMIT requestReceived(index);
                    const QByteArray answer = m_handler ? m_handler(index, request) : QByteArray();
                    if (!answer.isEmpty())
                        socket->write(answer);
                }
            });
        }
    }

    QTcpServer m_server;
    Handler m_handler;
    int m_connections = 0;
    qint64 m_bytes = 0;
    QList<QByteArray> m_requests;
};

} // namespace plexe::test
