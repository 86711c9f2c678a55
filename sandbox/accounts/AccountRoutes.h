#pragma once

namespace plexe::sandbox {

class Database;
class Router;
struct RequestContext;

// GET /auth/user: the caller's account.
class AccountRoutes
{
public:
    explicit AccountRoutes(Database &database);

    void install(Router &router);

private:
    void user(RequestContext &context);

    Database &m_database;
};

} // namespace plexe::sandbox
