#pragma once

#include "logs/AccessEvent.h"

#include <cstdint>

namespace httplib {
struct Request;
}

namespace plexe::sandbox {

class Connection;

// Appends access-log events. It has no transaction of its own: call record() on the
// connection of the caller's open Transaction, so that the event commits (or rolls back) with
// the action it describes:
//
//     auto connection = database.acquire();
//     Transaction transaction(*connection);
//     ... the action ...
//     AccessEvent event = AccessLogWriter::fromRequest(req, now);
//     event.event = "auth.login"; event.accountId = account.id; (actor: empty = the email)
//     event.status = 200;
//     AccessLogWriter::record(*connection, event);
//     transaction.commit();
//
// Failures that answer 4xx (a wrong password, say) have no action to roll back: open a
// Transaction just for the event and commit it before throwing the ApiError.
class AccessLogWriter
{
public:
    // The request's fields: client address, user agent (capped), method, path (no query).
    static AccessEvent fromRequest(const httplib::Request &req, int64_t now);

    // Inserts one event and returns its id. The stored timestamp is max(event.timestamp,
    // the previous event's), so ids and timestamps sort alike. An empty `actor` becomes the
    // account's email, a missing `keyPrefix` the prefix of `keyId`'s key.
    static int64_t record(Connection &connection, const AccessEvent &event);
};

} // namespace plexe::sandbox
