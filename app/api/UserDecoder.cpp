#include "api/UserDecoder.h"

#include "api/JsonReader.h"

namespace plexe {

bool UserDecoder::user(const QJsonDocument &doc, User *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    if (!doc.isObject()) {
        *error = QStringLiteral("expected an object");
        return false;
    }
    JsonReader r(doc.object(), QStringLiteral("$"), error);
    User u;
    u.userId = r.requiredString(QLatin1String("user_id"));
    u.email = r.string(QLatin1String("email"));
    u.name = r.string(QLatin1String("name"));
    u.userName = r.string(QLatin1String("user_name"));
    u.credits = r.number(QLatin1String("credits"));
    u.consumption = r.number(QLatin1String("consumption"));
    u.isActive = r.boolean(QLatin1String("is_active"));
    u.hasApiKey = r.boolean(QLatin1String("has_api_key"));
    if (!r.ok())
        return false;
    *out = std::move(u);
    return true;
}

} // namespace plexe
