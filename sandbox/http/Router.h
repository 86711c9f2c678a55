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
    // StepUp: Authenticated, and a console session must have signed in recently (the guard's
    // step-up rule). The rule follows the matched route, never the path text.
    enum class Access { Public, Authenticated, StepUp };

    // `guard` authenticates and rate-limits; it throws ApiError to refuse.
    explicit Router(Handler guard);

    // Runs after the handler of every request the guard accepted, with the answer's status and
    // error code ("" on success); a throw turns the answer into 500 server_error.
    using Completion = std::function<void(RequestContext &, int, const std::string &)>;
    void setCompletion(Completion completion) { m_completion = std::move(completion); }

    void add(const std::string &method, const std::string &pattern, Access access, Handler handler);
    // Routes every method to dispatch(); bodies over `maxBody` bytes get 413 payload_too_large.
    void install(httplib::Server &server, size_t maxBody);
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
    static bool isCanonical(const httplib::Request &req);
    static bool match(const Route &route, const std::vector<std::string> &segments,
                      std::vector<std::string> &params);
    void run(const Route &route, RequestContext &context) const;

    void complete(RequestContext &context, const std::string &errorCode) const;

    Handler m_guard;
    Completion m_completion;
    std::vector<Route> m_routes;
};

} // namespace plexe::sandbox
