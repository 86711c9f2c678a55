#pragma once

namespace plexe::sandbox {

class Database;
class RateLimiter;
class Router;
class UsageRecorder;
struct RequestContext;

// The contract's §2: create, list, read, rename / re-expire and revoke API keys.
class ApiKeyRoutes
{
public:
    ApiKeyRoutes(Database &database, UsageRecorder &usage, RateLimiter &createLimiter);

    void install(Router &router);

private:
    void create(RequestContext &context);
    void list(RequestContext &context);
    void get(RequestContext &context);
    void update(RequestContext &context);
    void revoke(RequestContext &context);

    Database &m_database;
    UsageRecorder &m_usage;
    RateLimiter &m_createLimiter;
};

} // namespace plexe::sandbox
