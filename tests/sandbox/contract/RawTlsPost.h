#pragma once

#include "ContractClient.h"

namespace plexe::test {

// Streams one POST with a large body over a verified TLS connection and stops sending as soon as
// the server answers, as curl does: a server may answer 413 before it has read the body, and a
// client that insists on writing everything first would lose that answer to a reset.
class RawTlsPost
{
public:
    RawTlsPost(const QUrl &baseUrl, const QString &caPath);

    // Sends `bodySize` bytes of a JSON-looking body to `path` with an x-api-key header.
    // Reply::transportOk is false when no HTTP answer came; describe() says why.
    Reply send(const QString &path, const QString &apiKey, qint64 bodySize);
    // How many body bytes were written before the answer came (or the connection closed).
    qint64 bytesWritten() const { return m_written; }

private:
    QUrl m_baseUrl;
    QString m_caPath;
    qint64 m_written = 0;
};

} // namespace plexe::test
