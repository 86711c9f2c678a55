#pragma once

#include "accounts/Account.h"

#include <QByteArray>

#include <optional>
#include <string>

namespace plexe::sandbox {

class Connection;
class PasswordHasher;
class SecretBox;

// Creates accounts for `seed` and `user add`: password hashed (PasswordHasher), TOTP seed
// generated and sealed (SecretBox), or an OAuth-only account with neither. Returns the secrets
// to show once; nothing else keeps them.
class NewAccount
{
public:
    struct Request
    {
        std::string email;
        std::string name;
        std::optional<std::string> password; // absent and not oauthOnly: one is generated
        bool totp = false;
        bool oauthOnly = false;
        double credits = 0;
        double consumption = 0;
        int64_t createdAt = 0;
    };

    struct Created
    {
        Account account;
        std::string password;   // the generated one, else empty
        QByteArray totpSecret;  // raw seed, empty when TOTP is off
        std::string totpBase32; // as authenticator apps take it
        std::string totpUri;    // otpauth://…
    };

    // Validates (email shape, name length, password length, oauthOnly excludes password and
    // TOTP); nullopt + `error` when invalid or the email is taken.
    static std::optional<Created> create(Connection &connection, const PasswordHasher &hasher,
                                         const SecretBox &secrets, const Request &request,
                                         std::string *error);

    static const char *totpPurpose() { return "totp"; }
};

} // namespace plexe::sandbox
