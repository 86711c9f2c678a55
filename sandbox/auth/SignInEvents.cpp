#include "auth/SignInEvents.h"

#include "http/RequestContext.h"
#include "logs/AccessLogWriter.h"

namespace plexe::sandbox {

void SignInEvents::record(Connection &connection, const RequestContext &context,
                          const std::string &event, bool success, std::optional<int64_t> accountId,
                          const std::string &actor, int status, const std::string &errorCode)
{
    AccessEvent entry = AccessLogWriter::fromRequest(context.req, context.now);
    entry.event = event;
    entry.success = success;
    entry.actor = actor;
    entry.status = status;
    if (!errorCode.empty())
        entry.errorCode = errorCode;
    entry.accountId = accountId;
    AccessLogWriter::record(connection, entry);
}

} // namespace plexe::sandbox
