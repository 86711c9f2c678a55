#pragma once

namespace plexe::sandbox {

class Router;

// GET /health: answers without credentials, so that scripts can wait for the server.
class HealthRoutes
{
public:
    static void install(Router &router);
};

} // namespace plexe::sandbox
