#pragma once

#include "credentials/Principal.h"

#include <cstdint>
#include <string>
#include <vector>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace plexe::sandbox {

// What a route handler gets: the request, the response to fill, and what the router and the
// guard established (request id, path parameters, the caller).
struct RequestContext
{
    const httplib::Request &req;
    httplib::Response &res;
    std::string requestId;
    std::vector<std::string> params; // the `{…}` segments of the route, in order
    int64_t now = 0;
    Principal principal;
    bool accepted = false; // set by the guard once the request may run (usage, api_key.used)
    bool stepUp = false;   // the matched route changes keys: sessions need a recent sign-in
};

} // namespace plexe::sandbox
