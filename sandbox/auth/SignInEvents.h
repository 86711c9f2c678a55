#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace plexe::sandbox {

class Connection;
struct RequestContext;

// Records the sign-in events of contract §6 (auth.login, auth.login_failed, auth.mfa,
// auth.oauth, auth.refresh, auth.logout, auth.reauthenticate) in the access log, inside the
// caller's open transaction, with the request's address, user agent, method and path (never
// its query or body: no secret reaches the log). `accountId` decides whose log shows the event
// (none for an unknown email); `actor` is the account's email or the email that was typed.
class SignInEvents
{
public:
    static void record(Connection &connection, const RequestContext &context,
                       const std::string &event, bool success, std::optional<int64_t> accountId,
                       const std::string &actor, int status,
                       const std::string &errorCode = std::string());
};

} // namespace plexe::sandbox
