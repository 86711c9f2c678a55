#pragma once

#include "models/ModelBuilds.h"
#include "models/ModelItemCache.h"

namespace plexe::sandbox {

class Database;
class Router;
struct RequestContext;

// The contract's §3 model routes: list, detail, and build/deployment status. Read-only but for
// settling the builds that are due (ModelBuilds).
class ModelRoutes
{
public:
    explicit ModelRoutes(Database &database);

    void install(Router &router);

private:
    void list(RequestContext &context);
    void detail(RequestContext &context);
    void status(RequestContext &context);

    Database &m_database;
    ModelItemCache m_items;
    ModelBuilds m_builds;
};

} // namespace plexe::sandbox
