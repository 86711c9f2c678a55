#pragma once

#include "http/RequestContext.h"

#include <functional>
#include <string>
#include <vector>

namespace httplib {
class Server;
}

namespace plexe::sandbox {

// Matches method + path against the contract's routes (`/auth/api-keys/{key_id}`), answers
// 404 not_found and 405 method_not_allowed itself, runs the guard on protected routes and
// turns every ApiError into the one error shape. Installed as httplib's catch-all handler.
class Router
{
public:
    using Handler = std::function<void(RequestContext &)>;
    enum class Access { Public, Authenticated };

    // `guard` authenticates and rate-limits; it throws ApiError to refuse.
    explicit Router(Handler guard);

    void add(const std::string &method, const std::string &pattern, Access access, Handler handler);
    void install(httplib::Server &server);
    void dispatch(const httplib::Request &req, httplib::Response &res) const;

    static std::string newRequestId();
    // The request id set on `res` by dispatch, or a new one (for errors raised by httplib).
    static std::string requestIdOf(httplib::Response &res);

private:
    struct Route
    {
        std::string method;
        std::vector<std::string> segments;
        Access access;
        Handler handler;
    };
    static std::vector<std::string> split(const std::string &path);
    static bool match(const Route &route, const std::vector<std::string> &segments,
                      std::vector<std::string> &params);
    void run(const Route &route, RequestContext &context) const;

    Handler m_guard;
    std::vector<Route> m_routes;
};

} // namespace plexe::sandbox
