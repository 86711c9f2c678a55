#pragma once

#include <QString>

#include <string>

namespace plexe::sandbox {

class Database;
class FormBody;
class Router;
class TokenIssuer;
struct RequestContext;

// POST /oauth/token (authorization_code with PKCE, refresh_token with rotation and reuse
// detection) and POST /oauth/revoke (RFC 7009). Errors are RFC 6749 §5.2 bodies, not the
// sandbox's error shape, as OAuth clients expect.
class TokenRoutes
{
public:
    TokenRoutes(Database &database, const TokenIssuer &issuer);

    void install(Router &router);

private:
    void token(RequestContext &context);
    void revoke(RequestContext &context);
    void exchangeCode(RequestContext &context, const FormBody &form);
    void refresh(RequestContext &context, const FormBody &form);

    Database &m_database;
    const TokenIssuer &m_issuer;
};

} // namespace plexe::sandbox
