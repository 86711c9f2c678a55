#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace plexe::sandbox {

// One access-log event (contract section 6) as it is stored: who, what, from where, and how
// it ended. Never holds a secret: keys appear as key_id and key_prefix only, paths without
// their query string.
struct AccessEvent
{
    int64_t timestamp = 0;                // Unix seconds; AccessLogWriter never lets it go back
    std::string event;                    // "auth.login", "api_key.used", ...
    bool success = true;                  // outcome "success" / "failure"
    std::optional<int64_t> accountId;     // whose log shows it; none for unknown emails / keys
    std::string actor;                    // the account's email (or the email typed at sign-in)
    std::optional<std::string> keyId;     // the API key concerned, if any
    std::optional<std::string> keyPrefix; // "plx_sk_" + 4 characters, never more
    std::string ip;
    std::string userAgent;
    std::string method;
    std::string path; // without the query string
    int status = 0;   // the HTTP status of the answer
    std::optional<std::string> errorCode;
};

} // namespace plexe::sandbox
