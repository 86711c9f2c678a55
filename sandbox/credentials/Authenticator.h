#pragma once

#include "credentials/Principal.h"

#include <string>

namespace httplib {
struct Request;
}

namespace plexe::sandbox {

class Database;

// The one place that turns a request's credentials into a Principal, or throws the contract's
// 401 (invalid_key, expired_key, revoked_key, invalid_token, unauthorized). Accepts
// `x-api-key: plx_sk_…` and `Authorization: Bearer plx_sk_…`; a Bearer value that is not an
// API key is a console session's access token (plx_at_…, looked up by its SHA-256 hash).
class Authenticator
{
public:
    explicit Authenticator(Database &database);

    Principal authenticate(const httplib::Request &req, int64_t now) const;

    // The credential a request presents: x-api-key's value, else the value of an
    // `Authorization: Bearer …` header (the scheme in any case, RFC 9110 §11.1), else "".
    // The one reader of these headers, for authentication and for the api_key.rejected log.
    static std::string presentedCredential(const httplib::Request &req);

private:
    Principal authenticateApiKey(const std::string &secret, int64_t now) const;
    Principal authenticateSession(const std::string &token, int64_t now) const;

    Database &m_database;
};

} // namespace plexe::sandbox
