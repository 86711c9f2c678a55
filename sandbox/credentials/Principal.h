#pragma once

#include <cstdint>
#include <string>

namespace plexe::sandbox {

// Who is calling, as the Authenticator established it. Session tokens (a later feature) fill
// the same fields, so handlers never care how the caller proved who they are.
struct Principal
{
    enum class Kind { ApiKey, Session };

    int64_t accountId = 0;
    Kind kind = Kind::ApiKey;
    std::string keyId;      // the API key's public id, empty for sessions
    int64_t keyRow = 0;     // its row, for usage counting
    std::string permission; // "read_only" or "read_write"
    int64_t authTime = 0;   // when the credential was last proven (sessions: sign-in time)
    std::string credential; // a stable, non-secret id for rate limiting ("key:<key_id>",
                            // "session:<family id>")
    std::string familyId;   // sessions: the refresh-token family the access token belongs to

    bool mayWrite() const { return permission == "read_write"; }
};

} // namespace plexe::sandbox
