#include "api/KeyDecoder.h"

#include "api/JsonReader.h"

#include <QJsonArray>

namespace plexe {

QString ApiKey::maskedKey() const
{
    if (keyPrefix.isEmpty() && keySuffix.isEmpty())
        return QStringLiteral("\u2014");
    // Never show more than the documented prefix (plx_sk_ + 4) and the last 4.
    return keyPrefix.left(11) + QChar(0x2026) + keySuffix.right(4);
}

bool KeyDecoder::item(const QJsonObject &object, const QString &path, ApiKey *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    JsonReader r(object, path, error);
    ApiKey k;
    k.keyId = r.requiredString(QLatin1String("key_id"));
    k.name = r.string(QLatin1String("name"));
    k.keyPrefix = r.string(QLatin1String("key_prefix"));
    k.keySuffix = r.string(QLatin1String("key_suffix"));
    k.permissionLevel = r.string(QLatin1String("permission_level"));
    k.status = r.string(QLatin1String("status")).toLower();
    k.createdAt = r.timestamp(QLatin1String("created_at"));
    k.expiresAt = r.timestamp(QLatin1String("expires_at"));
    k.lastUsedAt = r.timestamp(QLatin1String("last_used_at"));
    k.revokedAt = r.timestamp(QLatin1String("revoked_at"));
    k.createdBy = r.stringOrNumber(QLatin1String("created_by"));
    if (r.has(QLatin1String("usage_stats"))) {
        const QJsonObject u = r.object(QLatin1String("usage_stats"));
        JsonReader ur(u, path + QLatin1String(".usage_stats"), error);
        ApiKeyUsage usage;
        usage.last24h = ur.integer(QLatin1String("requests_last_24h"));
        usage.last7d = ur.integer(QLatin1String("requests_last_7d"));
        usage.last30d = ur.integer(QLatin1String("requests_last_30d"));
        k.usage = usage;
    }
    if (!r.ok())
        return false;
    *out = std::move(k);
    return true;
}

bool KeyDecoder::page(const QJsonDocument &doc, ApiKeyPage *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    QJsonArray items;
    ApiKeyPage page;
    if (!JsonReader::readList(doc, QLatin1String("keys"), &items, &page.pagination, error))
        return false;
    page.keys.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("keys[%1]").arg(i);
        if (!items.at(i).isObject()) {
            *error = path + QLatin1String(": expected an object");
            return false;
        }
        ApiKey k;
        if (!item(items.at(i).toObject(), path, &k, error))
            return false;
        page.keys.append(std::move(k));
    }
    *out = std::move(page);
    return true;
}

bool KeyDecoder::key(const QJsonDocument &doc, ApiKey *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    if (!doc.isObject()) {
        *error = QStringLiteral("expected an object");
        return false;
    }
    return item(doc.object(), QStringLiteral("$"), out, error);
}

bool KeyDecoder::created(const QJsonDocument &doc, CreatedApiKey *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    if (!doc.isObject()) {
        *error = QStringLiteral("expected an object");
        return false;
    }
    CreatedApiKey c;
    if (!item(doc.object(), QStringLiteral("$"), &c.info, error))
        return false;
    JsonReader r(doc.object(), QStringLiteral("$"), error);
    c.key = r.bytes(QLatin1String("key"));
    if (r.ok() && !c.key.startsWith("plx_sk_"))
        r.fail(QStringLiteral("$.key: not an API key"));
    if (!r.ok()) {
        c.wipe();
        return false;
    }
    // The answer carries the whole key but no prefix/suffix: derive what may be shown.
    if (c.info.keyPrefix.isEmpty())
        c.info.keyPrefix = QString::fromLatin1(c.key.left(11));
    if (c.info.keySuffix.isEmpty())
        c.info.keySuffix = QString::fromLatin1(c.key.right(4));
    if (c.info.status.isEmpty())
        c.info.status = QStringLiteral("active");
    *out = std::move(c);
    return true;
}

bool KeyDecoder::revoked(const QJsonDocument &doc, RevokedApiKey *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    if (!doc.isObject()) {
        *error = QStringLiteral("expected an object");
        return false;
    }
    JsonReader r(doc.object(), QStringLiteral("$"), error);
    RevokedApiKey k;
    k.keyId = r.requiredString(QLatin1String("key_id"));
    k.status = r.string(QLatin1String("status")).toLower();
    k.revokedAt = r.timestamp(QLatin1String("revoked_at"));
    if (!r.ok())
        return false;
    *out = std::move(k);
    return true;
}

} // namespace plexe
