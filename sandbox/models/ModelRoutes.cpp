#include "models/ModelRoutes.h"

#include "db/Database.h"
#include "http/ApiError.h"
#include "http/JsonReply.h"
#include "http/RequestInput.h"
#include "http/Router.h"
#include "models/ModelJson.h"
#include "models/ModelStore.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <httplib.h>

namespace plexe::sandbox {

namespace {
constexpr size_t kMaxStatusFilter = 64;
}

ModelRoutes::ModelRoutes(Database &database) : m_database(database) {}

void ModelRoutes::install(Router &router)
{
    const auto auth = Router::Access::Authenticated;
    router.add("GET", "/models", auth, [this](RequestContext &c) { list(c); });
    router.add("GET", "/models/{model_name}", auth, [this](RequestContext &c) { detail(c); });
    router.add("GET", "/models/{model_name}/{model_version}/status", auth,
               [this](RequestContext &c) { status(c); });
}

void ModelRoutes::list(RequestContext &context)
{
    const auto &req = context.req;
    const int64_t limit = RequestInput::integerParam(req, "limit", 20, 1, 100);
    const int64_t offset = RequestInput::integerParam(req, "offset", 0, 0, 1000000000);
    const std::string sortBy =
        RequestInput::choiceParam(req, "sort_by", "created_at", {"created_at", "name"});
    const std::string sortDir = RequestInput::choiceParam(req, "sort_dir", "desc", {"asc", "desc"});
    // Both status vocabularies exist, so any value is a filter (case-insensitive); only
    // absurd lengths are refused.
    const std::string status = req.has_param("status") ? req.get_param_value("status") : "";
    if (status.size() > kMaxStatusFilter)
        throw ApiError::validation("status", "status is too long");

    auto connection = m_database.acquire();
    m_builds.settleDue(*connection, Clock::now());
    const auto page = ModelStore::list(*connection, context.principal.accountId, status,
                                       sortBy == "name" ? ModelStore::SortBy::Name
                                                        : ModelStore::SortBy::CreatedAt,
                                       sortDir == "asc", limit, offset);
    // `{"models": [items], "pagination": {...}}` from serialized parts: the items come from
    // the cache, the pagination from QJsonDocument; only the envelope is joined here.
    QByteArray body = QByteArrayLiteral("{\"models\":[");
    for (size_t i = 0; i < page.models.size(); ++i) {
        if (i)
            body += ',';
        body += m_items.item(page.models[i]);
    }
    body += QByteArrayLiteral("],\"pagination\":");
    body +=
        QJsonDocument(JsonReply::pagination(page.total, limit, offset, int64_t(page.models.size())))
            .toJson(QJsonDocument::Compact);
    body += '}';
    context.res.status = 200;
    context.res.set_content(body.constData(), size_t(body.size()), "application/json");
}

void ModelRoutes::detail(RequestContext &context)
{
    auto connection = m_database.acquire();
    m_builds.settleDue(*connection, Clock::now());
    const auto model =
        ModelStore::find(*connection, context.principal.accountId, context.params.at(0));
    if (!model)
        throw ApiError::notFound("No model named " + context.params.at(0));
    JsonReply::send(context.res, 200, ModelJson::detail(*model));
}

void ModelRoutes::status(RequestContext &context)
{
    const int64_t now = Clock::now();
    auto connection = m_database.acquire();
    m_builds.settleDue(*connection, now);
    auto model = ModelStore::find(*connection, context.principal.accountId, context.params.at(0));
    if (!model || model->modelVersion != context.params.at(1))
        throw ApiError::notFound("No model " + context.params.at(0) + " version " +
                                 context.params.at(1));
    model->buildProgress = ModelBuilds::progressAt(*model, now);
    JsonReply::send(context.res, 200, ModelJson::status(*model));
}

} // namespace plexe::sandbox
