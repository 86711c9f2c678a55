#pragma once

#include "accounts/Account.h"

#include <QByteArray>

#include <optional>
#include <string>

namespace plexe::sandbox {

class Database;
class LoginThrottle;
class PasswordHasher;

// The password step shared by POST /auth/login, the sign-in form and /auth/reauthenticate:
// the lockout check first, then the account lookup and the slow hash check, with the same
// work and the same answer for an unknown email, an OAuth-only account and a wrong password.
// Runs outside any transaction (the hash takes ~0.2 s; no write lock is held meanwhile).
class PasswordCheck
{
public:
    enum class Result { Ok, Locked, Invalid };

    struct Outcome
    {
        Result result = Result::Invalid;
        // Set for Ok; for Invalid too when the email exists (only so that the failure shows in
        // that account's access log; the answer must not differ).
        std::optional<Account> account;
        int retryAfterSeconds = 0; // set for Locked
    };

    PasswordCheck(Database &database, const PasswordHasher &hasher, LoginThrottle &throttle);

    // `address` is the client's IP address; failures and successes are counted in the throttle.
    Outcome check(const std::string &email, const QByteArray &password,
                  const std::string &address) const;

    // The throttle verdict alone (for the TOTP step, which has no password).
    std::optional<int> lockedFor(const std::string &email, const std::string &address) const;
    // A wrong TOTP code counts like a wrong password.
    void recordTotpFailure(const std::string &email, const std::string &address) const;

private:
    Database &m_database;
    const PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
};

} // namespace plexe::sandbox
