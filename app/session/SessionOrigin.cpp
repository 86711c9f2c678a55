#include "session/SessionOrigin.h"

#include <QCryptographicHash>
#include <QFile>

namespace plexe {

namespace {

QString caFingerprint(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("-");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unreadable");
    // The file's bytes, not its name: the same path with another CA is another server's trust.
    return QStringLiteral("sha256:") +
           QString::fromLatin1(
               QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace

QString SessionOrigin::of(const ApiEndpoint &endpoint)
{
    const QUrl &url = endpoint.baseUrl;
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    const QString address = QStringLiteral("%1://%2:%3")
                                .arg(url.scheme().toLower(), url.host().toLower())
                                .arg(url.port(defaultPort));
    const QString issuer = endpoint.identityIssuer.isEmpty()
                               ? QStringLiteral("-")
                               : endpoint.identityIssuer.adjusted(QUrl::StripTrailingSlash)
                                     .toString(QUrl::FullyEncoded);
    return QStringLiteral("%1 ca=%2 iss=%3")
        .arg(address, caFingerprint(endpoint.extraCaFile), issuer);
}

QString SessionOrigin::address(const QString &origin)
{
    return origin.section(QLatin1Char(' '), 0, 0);
}

} // namespace plexe
