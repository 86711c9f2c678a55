#include "auth/TokenResponse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace plexe::sandbox {

QByteArray TokenResponse::success(const QByteArray &accessToken, qint64 expiresIn,
                                  const QByteArray &refreshToken, const QString &scope,
                                  qint64 authTime)
{
    QJsonObject body;
    body.insert(QStringLiteral("access_token"), QString::fromLatin1(accessToken));
    body.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
    body.insert(QStringLiteral("expires_in"), expiresIn);
    if (!refreshToken.isEmpty())
        body.insert(QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken));
    if (!scope.isEmpty())
        body.insert(QStringLiteral("scope"), scope);
    body.insert(QStringLiteral("auth_time"), authTime);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray TokenResponse::oauthError(const QString &error, const QString &description)
{
    QJsonObject body;
    body.insert(QStringLiteral("error"), error);
    if (!description.isEmpty())
        body.insert(QStringLiteral("error_description"), description);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

int TokenResponse::errorStatus(const QString &error)
{
    return error == QLatin1String("invalid_client") ? 401 : 400;
}

QList<QPair<QByteArray, QByteArray>> TokenResponse::headers()
{
    return {{"Content-Type", "application/json"},
            {"Cache-Control", "no-store"},
            {"Pragma", "no-cache"}};
}

bool TokenResponse::needsReauthentication(qint64 authTime, qint64 nowSeconds, qint64 maxAgeSeconds)
{
    if (authTime > nowSeconds)
        return true;
    return nowSeconds - authTime > maxAgeSeconds;
}

} // namespace plexe::sandbox
