#include "accounts/NewAccount.h"

#include "accounts/AccountStore.h"
#include "auth/Base32.h"
#include "auth/PasswordHasher.h"
#include "auth/Totp.h"
#include "util/Random.h"
#include "util/SecretBox.h"

#include <QString>

namespace plexe::sandbox {

namespace {
bool plausibleEmail(const std::string &email)
{
    const size_t at = email.find('@');
    return email.size() <= 254 && at != std::string::npos && at > 0 && at + 1 < email.size() &&
           email.find('@', at + 1) == std::string::npos &&
           email.find_first_of(" \t\r\n") == std::string::npos;
}
} // namespace

std::optional<NewAccount::Created> NewAccount::create(Connection &connection,
                                                      const PasswordHasher &hasher,
                                                      const SecretBox &secrets,
                                                      const Request &request, std::string *error)
{
    const auto fail = [error](const std::string &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!plausibleEmail(request.email))
        return fail("--email must be an email address");
    if (request.name.empty() || request.name.size() > 200)
        return fail("--name must be 1-200 characters");
    if (request.oauthOnly && (request.password || request.totp))
        return fail("an OAuth-only account has no password and no TOTP");
    if (request.password && (request.password->size() < 8 || request.password->size() > 1024))
        return fail("the password must be 8-1024 characters");
    if (AccountStore::findByEmail(connection, request.email))
        return fail("an account with that email exists");

    Created out;
    Account &account = out.account;
    account.userId = "usr_" + Random::base62(16);
    account.email = request.email;
    account.name = request.name;
    account.createdAt = request.createdAt;
    account.credits = request.credits;
    account.consumption = request.consumption;
    account.oauthOnly = request.oauthOnly;
    if (!request.oauthOnly) {
        std::string password = request.password.value_or(std::string());
        if (!request.password) {
            password = Random::base62(20);
            out.password = password;
        }
        account.passwordHash = hasher.hash(QByteArray::fromStdString(password)).toStdString();
    }
    if (request.totp) {
        out.totpSecret = Totp::generateSecret();
        out.totpBase32 = Base32::encode(out.totpSecret).toStdString();
        out.totpUri = Totp::provisioningUri(QString::fromStdString(request.email), out.totpSecret)
                          .toStdString();
        account.totpSecretSealed = secrets.seal(out.totpSecret, totpPurpose()).toStdString();
    }
    account = AccountStore::insert(connection, account);
    return out;
}

} // namespace plexe::sandbox
