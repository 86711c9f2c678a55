#pragma once

#include "api/ApiKey.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace plexe {

// Pure decoders for the API-key routes (contract §2). Each returns false with a message in
// `error` when the answer does not fit; unknown fields are ignored, missing optional ones empty.
class KeyDecoder
{
public:
    static bool item(const QJsonObject &object, const QString &path, ApiKey *out, QString *error);
    static bool page(const QJsonDocument &doc, ApiKeyPage *out, QString *error);
    // GET/PATCH /auth/api-keys/{id}: the item, plus usage_stats when present.
    static bool key(const QJsonDocument &doc, ApiKey *out, QString *error);
    static bool created(const QJsonDocument &doc, CreatedApiKey *out, QString *error);
    static bool revoked(const QJsonDocument &doc, RevokedApiKey *out, QString *error);
};

} // namespace plexe
