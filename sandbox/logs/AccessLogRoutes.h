#pragma once

namespace plexe::sandbox {

class Database;
class Router;
struct RequestContext;

// GET /auth/access-logs (contract section 6): the caller's account's events, filtered, newest
// first with an opaque cursor, or oldest first after an id (the live tail).
class AccessLogRoutes
{
public:
    explicit AccessLogRoutes(Database &database);

    void install(Router &router);

private:
    void list(RequestContext &context);

    Database &m_database;
};

} // namespace plexe::sandbox
