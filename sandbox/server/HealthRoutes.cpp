#include "server/HealthRoutes.h"

#include "http/JsonReply.h"
#include "http/Router.h"

#include <httplib.h>

namespace plexe::sandbox {

void HealthRoutes::install(Router &router)
{
    router.add("GET", "/health", Router::Access::Public, [](RequestContext &context) {
        QJsonObject o;
        o.insert(QStringLiteral("status"), QStringLiteral("ok"));
        o.insert(QStringLiteral("service"), QStringLiteral("plexe-sandbox"));
        o.insert(QStringLiteral("version"), QStringLiteral(PLEXE_SANDBOX_VERSION));
        o.insert(QStringLiteral("sandbox"), true);
        JsonReply::send(context.res, 200, o);
    });
}

} // namespace plexe::sandbox
