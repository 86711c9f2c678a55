#include "cli/UserAddCommand.h"

#include "accounts/NewAccount.h"
#include "auth/PasswordHasher.h"
#include "db/Database.h"
#include "util/Clock.h"
#include "util/SecretBox.h"

#include <cstdio>
#include <iostream>

namespace plexe::sandbox {

int UserAddCommand::run(const Options &options)
{
    try {
        NewAccount::Request request;
        request.email = options.email;
        request.name =
            options.name.empty() ? options.email.substr(0, options.email.find('@')) : options.name;
        request.totp = options.totp;
        request.oauthOnly = options.oauthOnly;
        request.createdAt = Clock::now();
        if (options.passwordStdin) {
            // One line; the newline is not part of the password.
            std::string line;
            std::getline(std::cin, line);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            request.password = line;
        }
        const SecretBox secrets = SecretBox::forDataFolder(options.dataDir);
        const PasswordHasher hasher;
        Database database(options.dataDir + "/sandbox.db");
        auto connection = database.acquire();
        Transaction transaction(*connection);
        std::string error;
        const auto created = NewAccount::create(*connection, hasher, secrets, request, &error);
        if (!created) {
            std::fprintf(stderr, "plexe-sandbox: %s\n", error.c_str());
            return error == "an account with that email exists" ? 1 : 2;
        }
        transaction.commit();
        std::printf("email: %s\n", created->account.email.c_str());
        std::printf("user_id: %s\n", created->account.userId.c_str());
        if (!created->password.empty())
            std::printf("password: %s\n", created->password.c_str());
        if (!created->totpBase32.empty()) {
            std::printf("totp_secret: %s\n", created->totpBase32.c_str());
            std::printf("totp_uri: %s\n", created->totpUri.c_str());
        }
        if (options.oauthOnly)
            std::printf("oauth_only: true\n");
        std::fflush(stdout);
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "plexe-sandbox: user add failed: %s\n", e.what());
        return 1;
    }
}

} // namespace plexe::sandbox
