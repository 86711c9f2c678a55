#include "db/Migrations.h"

#include "auth/SignInSchema.h"
#include "db/Connection.h"

namespace plexe::sandbox {

namespace {

// Timestamps are Unix seconds (UTC); the HTTP layer formats them as ISO-8601 with Z.
const char *const kAccountsKeysModels = R"SQL(
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       TEXT NOT NULL UNIQUE,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    password_hash TEXT,
    created_at    INTEGER NOT NULL,
    credits       REAL NOT NULL DEFAULT 0,
    consumption   REAL NOT NULL DEFAULT 0,
    is_active     INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE api_keys (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    key_id           TEXT NOT NULL UNIQUE,
    account_id       INTEGER NOT NULL REFERENCES accounts(id),
    name             TEXT NOT NULL,
    key_hash         TEXT NOT NULL UNIQUE,
    key_prefix       TEXT NOT NULL,
    key_suffix       TEXT NOT NULL,
    permission_level TEXT NOT NULL CHECK (permission_level IN ('read_only', 'read_write')),
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER,
    last_used_at     INTEGER,
    revoked_at       INTEGER,
    created_by       TEXT NOT NULL
);
CREATE INDEX api_keys_by_account ON api_keys(account_id, created_at);
CREATE TABLE api_key_usage (
    key_row  INTEGER NOT NULL REFERENCES api_keys(id),
    hour     INTEGER NOT NULL,
    requests INTEGER NOT NULL,
    PRIMARY KEY (key_row, hour)
) WITHOUT ROWID;
CREATE TABLE models (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id        INTEGER NOT NULL REFERENCES accounts(id),
    model_name        TEXT NOT NULL,
    model_version     TEXT NOT NULL,
    name              TEXT NOT NULL,
    intent            TEXT NOT NULL,
    status            TEXT NOT NULL,
    deployment_status TEXT,
    build_progress    INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    endpoint          TEXT,
    metrics           TEXT NOT NULL DEFAULT '{}',
    input_schema      TEXT NOT NULL DEFAULT '{}',
    output_schema     TEXT NOT NULL DEFAULT '{}',
    tags              TEXT NOT NULL DEFAULT '[]',
    dataset_id        TEXT,
    created_by        TEXT NOT NULL,
    UNIQUE (account_id, model_name)
);
CREATE INDEX models_by_created ON models(account_id, created_at, id);
CREATE INDEX models_by_name ON models(account_id, name, id);
)SQL";

// Access-log events (contract section 6). Pages are `id < cursor`, newest first, per account,
// so every index ends in the rowid; AccessLogWriter keeps timestamps non-decreasing in id
// order, which lets since/until become an id range found by binary search on the rowid.
const char *const kAccessLogs = R"SQL(
CREATE TABLE access_logs (
    id         INTEGER PRIMARY KEY,
    timestamp  INTEGER NOT NULL,
    event      TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
    account_id INTEGER,
    actor      TEXT NOT NULL DEFAULT '',
    key_id     TEXT,
    key_prefix TEXT,
    ip         TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT '',
    method     TEXT NOT NULL DEFAULT '',
    path       TEXT NOT NULL DEFAULT '',
    status     INTEGER NOT NULL DEFAULT 0,
    error_code TEXT
);
CREATE INDEX access_logs_by_account ON access_logs(account_id, id);
CREATE INDEX access_logs_by_event ON access_logs(account_id, event, id);
CREATE INDEX access_logs_by_key ON access_logs(account_id, key_id, id);
CREATE INDEX access_logs_by_ip ON access_logs(account_id, ip, id);
)SQL";

// Signing out (revoking a family) ends the browser session the family came from: codes
// remember the session that issued them, families the session of their code.
const char *const kSignOutLink = R"SQL(
ALTER TABLE authorization_codes ADD COLUMN browser_session TEXT;
ALTER TABLE token_families ADD COLUMN browser_session TEXT;
)SQL";

// The actor filter of GET /auth/access-logs (an account's log may hold other actors: failed
// sign-ins carry the typed email), as a range scan like the other exact filters.
const char *const kActorIndex = R"SQL(
CREATE INDEX access_logs_by_actor ON access_logs(account_id, actor, id);
)SQL";

// Filters that never meet (an event with an outcome it never has, a key with an event or an
// address it never has) made a page walk every row of one filter's range and read the table
// row of each to test the others: 20-120 ms at 1M events. Each exact-filter index now carries
// the other filter columns after the id, so those tests run on the index entry (the table row
// is read only for a match) while the entries stay in id order for paging. AccessLogQuery
// picks the index whose range is smallest. Same index count; the seeder rebuilds them.
const char *const kFilterColumns = R"SQL(
DROP INDEX access_logs_by_event;
DROP INDEX access_logs_by_key;
DROP INDEX access_logs_by_ip;
CREATE INDEX access_logs_by_event ON access_logs(account_id, event, id, outcome, key_id, ip);
CREATE INDEX access_logs_by_key ON access_logs(account_id, key_id, id, event, outcome, ip);
CREATE INDEX access_logs_by_ip ON access_logs(account_id, ip, id, event, outcome, key_id);
)SQL";

// Builds that finish on their own (seed --build-seconds, ModelBuilds); the partial index keeps
// "is any build due?" a lookup of the few scheduled rows.
const char *const kBuildSchedule = R"SQL(
ALTER TABLE models ADD COLUMN build_started_at INTEGER;
ALTER TABLE models ADD COLUMN build_finishes_at INTEGER;
CREATE INDEX models_build_due ON models(build_finishes_at) WHERE build_finishes_at IS NOT NULL;
)SQL";

} // namespace

const std::vector<Migrations::Step> &Migrations::steps()
{
    static const std::vector<Step> list = {
        {1, kAccountsKeysModels}, {2, kAccessLogs},    {3, SignInSchema::sql()}, {4, kSignOutLink},
        {5, kActorIndex},         {6, kFilterColumns}, {7, kBuildSchedule},
    };
    return list;
}

int Migrations::currentVersion(Connection &connection)
{
    connection.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    auto query = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    return query.step() ? int(query.integer(0)) : 0;
}

void Migrations::apply(Connection &connection)
{
    for (const Step &step : steps()) {
        if (step.version <= currentVersion(connection))
            continue;
        Transaction transaction(connection);
        connection.exec(step.sql);
        connection.prepare("INSERT INTO schema_version (version) VALUES (?)")
            .bind(1, int64_t(step.version))
            .run();
        transaction.commit();
    }
}

} // namespace plexe::sandbox
