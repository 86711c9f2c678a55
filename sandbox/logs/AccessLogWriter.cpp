#include "logs/AccessLogWriter.h"

#include "db/Connection.h"

#include <httplib.h>

namespace plexe::sandbox {

namespace {
constexpr size_t kMaxUserAgent = 512;
constexpr size_t kMaxPath = 1024;

// The clamp keeps timestamps non-decreasing in id order even when two requests race between
// reading the clock and taking the write lock, or the clock steps back. An empty actor is the
// account's email and a missing key_prefix the key's, so hot paths need not look them up.
const char kInsert[] =
    "INSERT INTO access_logs (timestamp, event, outcome, account_id, actor, key_id, key_prefix, "
    "ip, user_agent, method, path, status, error_code) VALUES ("
    "MAX(?1, COALESCE((SELECT timestamp FROM access_logs ORDER BY id DESC LIMIT 1), 0)), ?2, ?3, "
    "?4, CASE WHEN ?5 = '' THEN COALESCE((SELECT email FROM accounts WHERE id = ?4), '') ELSE ?5 "
    "END, ?6, COALESCE(?7, (SELECT key_prefix FROM api_keys WHERE key_id = ?6)), ?8, ?9, ?10, "
    "?11, ?12, ?13)";
} // namespace

AccessEvent AccessLogWriter::fromRequest(const httplib::Request &req, int64_t now)
{
    AccessEvent event;
    event.timestamp = now;
    event.ip = req.remote_addr;
    event.userAgent = req.get_header_value("User-Agent").substr(0, kMaxUserAgent);
    event.method = req.method;
    // req.path is already without the query string; cap it so a long URL cannot bloat a row.
    event.path = req.path.substr(0, kMaxPath);
    return event;
}

int64_t AccessLogWriter::record(Connection &connection, const AccessEvent &event)
{
    auto insert = connection.prepare(kInsert);
    insert.bind(1, event.timestamp)
        .bind(2, event.event)
        .bind(3, std::string(event.success ? "success" : "failure"))
        .bind(4, event.accountId)
        .bind(5, event.actor)
        .bind(6, event.keyId)
        .bind(7, event.keyPrefix)
        .bind(8, event.ip)
        .bind(9, event.userAgent)
        .bind(10, event.method)
        .bind(11, event.path)
        .bind(12, int64_t(event.status))
        .bind(13, event.errorCode);
    insert.run();
    return connection.lastInsertId();
}

} // namespace plexe::sandbox
