#include "credentials/RequestGuard.h"

#include "auth/TokenResponse.h"
#include "credentials/Authenticator.h"
#include "http/ApiError.h"
#include "http/RateLimiter.h"
#include "http/RequestContext.h"
#include "keys/UsageRecorder.h"

#include <httplib.h>

namespace plexe::sandbox {

RequestGuard::RequestGuard(const Authenticator &authenticator, RateLimiter &rateLimiter,
                           UsageRecorder &usage, int64_t stepUpSeconds)
    : m_authenticator(authenticator), m_rateLimiter(rateLimiter), m_usage(usage),
      m_stepUpSeconds(stepUpSeconds)
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

    // Every key write lives under /auth/api-keys (create, rename, re-expire, revoke).
    const bool keyWrite = context.req.path.rfind("/auth/api-keys", 0) == 0 &&
                          (method == "POST" || method == "PATCH" || method == "DELETE");
    if (keyWrite && principal.kind == Principal::Kind::Session &&
        TokenResponse::needsReauthentication(principal.authTime, context.now, m_stepUpSeconds))
        throw ApiError(403, "reauthentication_required",
                       "This action needs a recent sign-in: re-authenticate, then retry");

    if (principal.kind == Principal::Kind::ApiKey)
        m_usage.record(principal.keyRow, context.now);
}

} // namespace plexe::sandbox
