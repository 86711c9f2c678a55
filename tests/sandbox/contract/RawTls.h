#pragma once

#include "ContractClient.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace plexe::test {

// Splits a complete HTTP/1.1 answer into a Reply; false while more bytes are needed (`closed`:
// the peer has closed, so an answer without Content-Length is complete).
bool parseHttpAnswer(const QByteArray &in, bool closed, Reply &reply);

// One raw TLS connection to the sandbox, for the abuse tests: it can stop before the
// handshake, write a request byte by byte, or stream a body forever, which no HTTP client
// library does. Every call is bounded by a timeout; nothing here blocks longer.
class RawTls
{
public:
    RawTls(const QUrl &baseUrl, const QString &caPath);
    ~RawTls();
    RawTls(const RawTls &) = delete;
    RawTls &operator=(const RawTls &) = delete;

    bool connectTcp();             // TCP only (a client that never starts TLS)
    bool handshake(int timeoutMs); // after connectTcp
    bool open(int timeoutMs = 3000) { return connectTcp() && handshake(timeoutMs); }
    // Writes all of `data` unless the server stops reading or closes (false then).
    bool write(const QByteArray &data, int timeoutMs = 3000);
    // Reads what arrives within `timeoutMs` (or until the peer closes) into received();
    // stops early once a whole answer is there or `maxBytes` have arrived.
    void read(int timeoutMs, qint64 maxBytes = 64 * 1024 * 1024);
    // True when the server has closed the connection (seen by read()).
    bool closed() const { return m_closed; }
    // The answer received so far, if complete.
    Reply reply() const;
    qint64 bytesReceived() const { return m_bytesReceived; }
    const QByteArray &received() const { return m_in; }

private:
    QUrl m_baseUrl;
    QString m_caPath;
    int m_fd = -1;
    SSL_CTX *m_ctx = nullptr;
    SSL *m_ssl = nullptr;
    bool m_closed = false;
    qint64 m_bytesReceived = 0;
    QByteArray m_in; // at most the first few MiB, enough for any answer's head and a page
};

// The sandbox's resident memory now and at its peak, in KiB (from /proc), or -1.
qint64 residentKiB(qint64 pid);
qint64 peakResidentKiB(qint64 pid);

} // namespace plexe::test
