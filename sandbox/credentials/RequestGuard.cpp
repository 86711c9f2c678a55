#include "credentials/RequestGuard.h"

#include "credentials/Authenticator.h"
#include "http/ApiError.h"
#include "http/RateLimiter.h"
#include "http/RequestContext.h"
#include "keys/UsageRecorder.h"

#include <httplib.h>

namespace plexe::sandbox {

RequestGuard::RequestGuard(const Authenticator &authenticator, RateLimiter &rateLimiter,
                           UsageRecorder &usage)
    : m_authenticator(authenticator), m_rateLimiter(rateLimiter), m_usage(usage)
{}

void RequestGuard::operator()(RequestContext &context) const
{
    context.principal = m_authenticator.authenticate(context.req, context.now);
    const Principal &principal = context.principal;

    if (const auto retryAfter = m_rateLimiter.acquire(principal.credential, context.now))
        throw ApiError::rateLimited(*retryAfter, "Too many requests for this credential; retry "
                                                 "after " +
                                                     std::to_string(*retryAfter) + " s");

    const std::string &method = context.req.method;
    if (!principal.mayWrite() && method != "GET" && method != "HEAD")
        throw ApiError(403, "insufficient_permissions",
                       "This API key is read-only; it may only make GET requests");

    if (principal.kind == Principal::Kind::ApiKey)
        m_usage.record(principal.keyRow, context.now);
}

} // namespace plexe::sandbox
