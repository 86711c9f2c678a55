#include "auth/SignInSchema.h"

namespace plexe::sandbox {

const char *SignInSchema::sql()
{
    // Unix seconds everywhere. Expired rows are not deleted on the hot path: lookups check
    // expires_at, and the tables stay small for a development server.
    return R"SQL(
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT -1;
ALTER TABLE accounts ADD COLUMN oauth_only INTEGER NOT NULL DEFAULT 0;
CREATE TABLE token_families (
    family_id  TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
) WITHOUT ROWID;
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    family_id  TEXT NOT NULL REFERENCES token_families(family_id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    client_id  TEXT NOT NULL,
    scope      TEXT NOT NULL,
    auth_time  INTEGER NOT NULL,
    issued_at  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX refresh_tokens_by_family ON refresh_tokens(family_id);
CREATE TABLE access_tokens (
    token_hash TEXT PRIMARY KEY,
    family_id  TEXT NOT NULL REFERENCES token_families(family_id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    scope      TEXT NOT NULL,
    auth_time  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX access_tokens_by_family ON access_tokens(family_id);
CREATE TABLE authorization_codes (
    code_hash      TEXT PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts(id),
    client_id      TEXT NOT NULL,
    redirect_uri   TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    scope          TEXT NOT NULL,
    auth_time      INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    used           INTEGER NOT NULL DEFAULT 0,
    family_id      TEXT
) WITHOUT ROWID;
CREATE TABLE mfa_challenges (
    token_hash      TEXT PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts(id),
    expires_at      INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    used            INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE browser_sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    auth_time  INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
)SQL";
}

} // namespace plexe::sandbox
