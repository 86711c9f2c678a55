#include "credentials/RequestGuard.h"

#include "auth/TokenResponse.h"
#include "credentials/Authenticator.h"
#include "db/Database.h"
#include "http/ApiError.h"
#include "http/RateLimiter.h"
#include "http/RequestContext.h"
#include "keys/ApiKeySecret.h"
#include "keys/ApiKeyStore.h"
#include "keys/UsageRecorder.h"
#include "logs/AccessLogWriter.h"

#include <httplib.h>

namespace plexe::sandbox {

RequestGuard::RequestGuard(const Authenticator &authenticator, RateLimiter &rateLimiter,
                           UsageRecorder &usage, Database &database, int64_t stepUpSeconds)
    : m_authenticator(authenticator), m_rateLimiter(rateLimiter), m_usage(usage),
      m_database(database), m_stepUpSeconds(stepUpSeconds)
{}

void RequestGuard::operator()(RequestContext &context) const
{
    try {
        context.principal = m_authenticator.authenticate(context.req, context.now);
    } catch (const ApiError &error) {
        if (error.code() == "invalid_key" || error.code() == "expired_key" ||
            error.code() == "revoked_key")
            recordRejection(context, error.code());
        throw;
    }
    const Principal &principal = context.principal;

    if (const auto retryAfter = m_rateLimiter.acquire(principal.credential, context.now))
        throw ApiError::rateLimited(*retryAfter, "Too many requests for this credential; retry "
                                                 "after " +
                                                     std::to_string(*retryAfter) + " s");

    const std::string &method = context.req.method;
    if (!principal.mayWrite() && method != "GET" && method != "HEAD")
        throw ApiError(403, "insufficient_permissions",
                       "This API key is read-only; it may only make GET requests");

    // The router says whether the matched route changes keys (Router::Access::StepUp): the
    // path text has other spellings, the matched route has one.
    if (context.stepUp && principal.kind == Principal::Kind::Session &&
        TokenResponse::needsReauthentication(principal.authTime, context.now, m_stepUpSeconds))
        throw ApiError(403, "reauthentication_required",
                       "This action needs a recent sign-in: re-authenticate, then retry");

    context.accepted = true;
}

void RequestGuard::finish(RequestContext &context, int status, const std::string &errorCode) const
{
    const Principal &principal = context.principal;
    if (principal.kind != Principal::Kind::ApiKey)
        return;
    AccessEvent event = AccessLogWriter::fromRequest(context.req, context.now);
    event.event = "api_key.used";
    event.success = status < 400;
    event.accountId = principal.accountId;
    event.keyId = principal.keyId; // key_prefix and actor are filled in by the writer
    event.status = status;
    if (!errorCode.empty())
        event.errorCode = errorCode;
    m_usage.record(principal.keyRow, context.now, std::move(event));
}

void RequestGuard::recordRejection(const RequestContext &context,
                                   const std::string &errorCode) const
{
    AccessEvent event = AccessLogWriter::fromRequest(context.req, context.now);
    event.event = "api_key.rejected";
    event.success = false;
    event.status = 401;
    event.errorCode = errorCode;
    // An unknown key belongs to no account, so no one's log shows it; a revoked or expired
    // one shows in its owner's log. Only the display prefix is kept, never the key.
    const std::string secret = Authenticator::presentedCredential(context.req);
    if (ApiKeySecret::looksValid(secret)) {
        event.keyPrefix = ApiKeySecret::displayPrefix(secret);
        auto connection = m_database.acquire();
        if (const auto key = ApiKeyStore::findByHash(*connection, ApiKeySecret::hash(secret))) {
            event.accountId = key->accountId;
            event.keyId = key->keyId;
        }
    }
    m_usage.record(0, context.now, std::move(event));
}

} // namespace plexe::sandbox
