#include "http/Router.h"

#include "http/ApiError.h"
#include "http/ConnectionState.h"
#include "http/JsonReply.h"
#include "util/Clock.h"
#include "util/Random.h"

#include <httplib.h>

#include <cstdio>

namespace plexe::sandbox {

namespace {
const char kRequestIdHeader[] = "X-Request-Id";

void serverError(httplib::Response &res, const std::string &requestId, const char *what)
{
    // The message may name SQL or OpenSSL internals: it goes to stderr, not to the client.
    std::fprintf(stderr, "plexe-sandbox: %s: internal error: %s\n", requestId.c_str(), what);
    res.headers.erase("Retry-After");
    JsonReply::sendError(res, 500, "server_error", "Internal server error", requestId);
}

// The error for a status that httplib produced on its own (no route ran). When the connection
// stopped reading the request (server/ConnectionStream), httplib only saw a short read and says
// 400; the connection's reason gives the real status.
void fillHttplibError(httplib::Response &res, const std::string &requestId)
{
    const ConnectionState *connection = ConnectionState::current();
    if (connection && connection->refusal != ConnectionState::Refusal::None)
        res.set_header("Connection", "close"); // the rest of the request stays unread
    if (connection && res.status == 400) {
        switch (connection->refusal) {
        case ConnectionState::Refusal::UriTooLong:
            res.status = 414;
            break;
        case ConnectionState::Refusal::HeadTooLarge:
            JsonReply::sendError(res, 431, "request_header_too_large",
                                 "The request head is too large (a line over 8 KiB or over 100 "
                                 "lines)",
                                 requestId);
            return;
        case ConnectionState::Refusal::TooSlow:
            JsonReply::sendError(res, 408, "request_timeout", "The request did not arrive in time",
                                 requestId);
            return;
        case ConnectionState::Refusal::None:
            break;
        }
    }
    switch (res.status) {
    case 404:
        JsonReply::sendError(res, 404, "not_found", "No such route", requestId);
        break;
    case 413:
        JsonReply::sendError(res, 413, "payload_too_large", "The request body is too large",
                             requestId);
        break;
    case 414:
        JsonReply::sendError(res, 414, "invalid_request", "The request URI is too long", requestId);
        break;
    case 416: // a malformed Range header, which httplib checks before any route
        JsonReply::sendError(res, 416, "invalid_request", "Range requests are not supported",
                             requestId);
        break;
    default:
        if (res.status >= 500)
            JsonReply::sendError(res, res.status, "server_error", "Internal server error",
                                 requestId);
        else
            JsonReply::sendError(res, res.status, "invalid_request", "Malformed request",
                                 requestId);
    }
}
} // namespace

Router::Router(Handler guard) : m_guard(std::move(guard)) {}

void Router::add(const std::string &method, const std::string &pattern, Access access,
                 Handler handler)
{
    m_routes.push_back(Route{method, split(pattern), access, std::move(handler)});
}

namespace {
// Answers a refused request whose body stays unread, and closes the connection after it so
// that the rest of the body is not read as the next request.
void refuseBody(httplib::Response &res, int status, const char *code, const char *message)
{
    if (ConnectionState *connection = ConnectionState::current())
        connection->closeAfterAnswer = true;
    res.set_header("Connection", "close");
    JsonReply::sendError(res, status, code, message, Router::requestIdOf(res));
}

// Refuses, from the head alone, a body that would be too large or whose framing httplib would
// read until the connection ends (no length at all, or a transfer coding other than chunked).
httplib::Server::HandlerResponse checkFraming(const httplib::Request &req, httplib::Response &res,
                                              size_t maxBody)
{
    using R = httplib::Server::HandlerResponse;
    const bool hasLength = req.has_header("Content-Length");
    if (req.has_header("Transfer-Encoding")) {
        if (req.get_header_value("Transfer-Encoding") != "chunked" || hasLength) {
            refuseBody(res, 400, "invalid_request",
                       "Only Transfer-Encoding: chunked is supported, and not with "
                       "Content-Length");
            return R::Handled;
        }
        return R::Unhandled; // capped while it is read: see install()
    }
    if (!hasLength) {
        const bool needsBody = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
        if (!needsBody)
            return R::Unhandled;
        refuseBody(res, 400, "invalid_request",
                   "A request body needs Content-Length or Transfer-Encoding: chunked");
        return R::Handled;
    }
    const std::string length = req.get_header_value("Content-Length");
    const bool digits = !length.empty() && length.size() <= 18 &&
                        length.find_first_not_of("0123456789") == std::string::npos;
    if (digits && std::stoull(length) <= maxBody)
        return R::Unhandled;
    if (digits || length.size() > 18)
        refuseBody(res, 413, "payload_too_large", "The request body is too large");
    else
        refuseBody(res, 400, "invalid_request", "Malformed Content-Length");
    return R::Handled;
}
// httplib picks brotli, at the encoder's default (slowest) quality, for every client that
// accepts br, as Qt does: ~330 ms of CPU for one 1000-event access-log page where gzip takes
// ~17 ms. Answers are compressed after the routes ran, from this header, so the choice is made
// here: gzip when the client accepts it, else none. (httplib passes its own, non-const Request
// as const, as withBody below also relies on.)
void offerGzipOnly(httplib::Request &req)
{
    if (!req.has_header("Accept-Encoding"))
        return;
    bool gzip = false;
    const auto range = req.headers.equal_range("Accept-Encoding");
    for (auto it = range.first; it != range.second; ++it)
        gzip = gzip || it->second.find("gzip") != std::string::npos;
    req.headers.erase(range.first, range.second);
    if (gzip)
        req.headers.emplace("Accept-Encoding", "gzip");
}
} // namespace

void Router::install(httplib::Server &server, size_t maxBody)
{
    // httplib would read (and discard) an oversized body before answering 413, so a client
    // announcing gigabytes would hold a worker; refuse by the head instead.
    server.set_pre_routing_handler([maxBody](const httplib::Request &req, httplib::Response &res) {
        offerGzipOnly(const_cast<httplib::Request &>(req));
        return checkFraming(req, res, maxBody);
    });
    auto handler = [this](const httplib::Request &req, httplib::Response &res) {
        dispatch(req, res);
    };
    // set_payload_max_length only bounds a Content-Length; a chunked body, and a deflated body
    // once inflated, would be read whole. Reading through a content reader lets the body be
    // counted as it arrives (after decoding) and refused at the cap.
    auto withBody = [this, maxBody](const httplib::Request &req, httplib::Response &res,
                                    const httplib::ContentReader &reader) {
        std::string body;
        bool tooLarge = false;
        const bool read = reader([&](const char *data, size_t length) {
            tooLarge = body.size() + length > maxBody;
            if (!tooLarge)
                body.append(data, length);
            return !tooLarge;
        });
        if (tooLarge)
            return refuseBody(res, 413, "payload_too_large", "The request body is too large");
        if (!read)
            return refuseBody(res, 400, "invalid_request", "The request body is malformed");
        // httplib leaves req.body empty for content-reader handlers and passes its own
        // (non-const) Request as const; filling its body lets every route read req.body.
        const_cast<httplib::Request &>(req).body = std::move(body);
        dispatch(req, res);
    };
    server.set_payload_max_length(maxBody);
    server.Get(".*", handler);
    server.Post(".*", withBody);
    server.Put(".*", withBody);
    server.Patch(".*", withBody);
    server.Delete(".*", withBody);
    server.Options(".*", handler);
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request &, httplib::Response &res) {
            // Our own error answers already have a body; only httplib's bare statuses need one.
            if (res.body.empty())
                fillHttplibError(res, requestIdOf(res));
            // Never Handled: httplib applies Range headers to answers its error handler handled.
            return httplib::Server::HandlerResponse::Unhandled;
        }));
    server.set_exception_handler(
        [](const httplib::Request &, httplib::Response &res, std::exception_ptr ep) {
            const std::string id = requestIdOf(res);
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception &e) {
                serverError(res, id, e.what());
            } catch (...) {
                serverError(res, id, "unknown exception");
            }
        });
}

void Router::dispatch(const httplib::Request &req, httplib::Response &res) const
{
    RequestContext context{req, res, newRequestId(), {}, Clock::now(), Principal()};
    res.set_header(kRequestIdHeader, context.requestId);
    try {
        // httplib sends HEAD to the GET handlers and drops the body itself.
        const std::string method = req.method == "HEAD" ? "GET" : req.method;
        // A path that only matches after normalising (`//auth/api-keys`, `/models/`,
        // `/auth%2Fapi-keys`) names no route: refusing it keeps one spelling per route, so
        // nothing keyed on a route (logs, rules) can be dodged by another spelling.
        if (!isCanonical(req))
            throw ApiError::notFound("No such route: " + req.method + " " + req.path);
        const auto segments = split(req.path);
        std::string allowed;
        for (const Route &route : m_routes) {
            std::vector<std::string> params;
            if (!match(route, segments, params))
                continue;
            if (route.method == method) {
                context.params = std::move(params);
                run(route, context);
                complete(context, std::string());
                return;
            }
            allowed += (allowed.empty() ? "" : ", ") + route.method;
        }
        if (allowed.empty())
            throw ApiError::notFound("No such route: " + req.method + " " + req.path);
        res.set_header("Allow", allowed);
        throw ApiError(405, "method_not_allowed",
                       req.method + " is not allowed on " + req.path + " (allowed: " + allowed +
                           ")");
    } catch (const ApiError &error) {
        JsonReply::sendError(res, error, context.requestId);
        complete(context, error.code());
    } catch (const std::exception &e) {
        serverError(res, context.requestId, e.what());
        complete(context, "server_error");
    }
}

void Router::complete(RequestContext &context, const std::string &errorCode) const
{
    if (!context.accepted || !m_completion)
        return;
    context.accepted = false; // once, even if the completion itself throws
    try {
        m_completion(context, context.res.status, errorCode);
    } catch (const std::exception &e) {
        serverError(context.res, context.requestId, e.what());
    }
}

void Router::run(const Route &route, RequestContext &context) const
{
    context.stepUp = route.access == Access::StepUp;
    if (route.access != Access::Public)
        m_guard(context);
    // httplib decodes query values, so `q=%00` arrives as a NUL that would cut a filter short
    // (C strings, SQLite text) and line breaks could forge log lines: refused for every route,
    // after the guard as any validation.
    for (const auto &[name, value] : context.req.params) {
        for (const char c : value) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                throw ApiError::validation(name, name + " must not contain control characters");
        }
    }
    route.handler(context);
}

std::string Router::newRequestId()
{
    return "req_" + Random::hex(12);
}

std::string Router::requestIdOf(httplib::Response &res)
{
    if (res.has_header(kRequestIdHeader))
        return res.get_header_value(kRequestIdHeader);
    const std::string id = newRequestId();
    res.set_header(kRequestIdHeader, id);
    return id;
}

std::vector<std::string> Router::split(const std::string &path)
{
    std::vector<std::string> segments;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        if (end > start)
            segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

bool Router::isCanonical(const httplib::Request &req)
{
    const std::string &path = req.path;
    if (path.empty() || path.front() != '/' || (path.size() > 1 && path.back() == '/') ||
        path.find("//") != std::string::npos)
        return false;
    // httplib decodes the path, so an encoded slash would split a segment in two; look for it
    // in the raw target, before the query.
    const std::string raw = req.target.substr(0, req.target.find('?'));
    for (size_t i = 0; i + 2 < raw.size(); ++i) {
        if (raw[i] == '%' && raw[i + 1] == '2' && (raw[i + 2] == 'f' || raw[i + 2] == 'F'))
            return false;
    }
    return true;
}

bool Router::match(const Route &route, const std::vector<std::string> &segments,
                   std::vector<std::string> &params)
{
    if (route.segments.size() != segments.size())
        return false;
    for (size_t i = 0; i < segments.size(); ++i) {
        const std::string &want = route.segments[i];
        if (want.size() > 2 && want.front() == '{' && want.back() == '}')
            params.push_back(segments[i]);
        else if (want != segments[i])
            return false;
    }
    return true;
}

} // namespace plexe::sandbox
