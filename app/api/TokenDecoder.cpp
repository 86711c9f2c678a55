#include "api/TokenDecoder.h"

#include "api/JsonReader.h"

namespace plexe {

bool TokenDecoder::answer(const QJsonDocument &doc, TokenAnswer *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    if (!doc.isObject()) {
        *error = QStringLiteral("expected an object");
        return false;
    }
    JsonReader r(doc.object(), QStringLiteral("$"), error);
    TokenAnswer t;
    t.accessToken = r.bytes(QLatin1String("access_token"));
    t.tokenType = r.string(QLatin1String("token_type"));
    t.expiresIn = r.integer(QLatin1String("expires_in"));
    t.refreshToken = r.bytes(QLatin1String("refresh_token"));
    t.scope = r.string(QLatin1String("scope"));
    if (r.ok() && t.accessToken.isEmpty())
        r.fail(QStringLiteral("$.access_token: missing"));
    if (r.ok() && t.tokenType.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
        r.fail(QStringLiteral("$.token_type: not Bearer"));
    if (r.ok() && t.expiresIn && *t.expiresIn < 0)
        r.fail(QStringLiteral("$.expires_in: negative"));
    if (!r.ok()) {
        t.wipe();
        return false;
    }
    *out = std::move(t);
    return true;
}

} // namespace plexe
