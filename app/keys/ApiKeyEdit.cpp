#include "keys/ApiKeyEdit.h"

#include "api/ApiClient.h"
#include "api/KeyDecoder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace plexe {

ApiCall *ApiKeyEdit::send(ApiClient &client) const
{
    if (expiry != Expiry::Never) {
        return client.updateApiKey(
            keyId, name, expiry == Expiry::Days ? std::optional<int>(days) : std::nullopt);
    }
    QJsonObject body;
    if (name)
        body.insert(QStringLiteral("name"), *name);
    body.insert(QStringLiteral("expiration_days"), QJsonValue::Null);
    ApiRequest request;
    request.method = QByteArrayLiteral("PATCH");
    request.path =
        QStringLiteral("/auth/api-keys/") + QString::fromLatin1(QUrl::toPercentEncoding(keyId));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return client.send(request, ApiClient::decoderFor(&KeyDecoder::key));
}

} // namespace plexe
