#pragma once

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <string>

namespace plexe::sandbox {

class Database;
class PasswordCheck;
class Router;
class SecretBox;
class TokenIssuer;
struct RequestContext;
struct SignInSettings;

// POST /auth/login, POST /auth/login/mfa and POST /auth/reauthenticate (contract §5): the
// console's own password sign-in, its TOTP second step and the step-up.
class LoginRoutes
{
public:
    LoginRoutes(Database &database, const PasswordCheck &passwords, const TokenIssuer &issuer,
                const SecretBox &secrets);

    void install(Router &router);

private:
    void login(RequestContext &context);
    void loginMfa(RequestContext &context);
    void reauthenticate(RequestContext &context);
    [[noreturn]] void failed(RequestContext &context, const char *event,
                             std::optional<int64_t> accountId, const std::string &actor,
                             const char *code, const char *message);

    Database &m_database;
    const PasswordCheck &m_passwords;
    const TokenIssuer &m_issuer;
    const SecretBox &m_secrets;
};

} // namespace plexe::sandbox
