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
// the attempt reserved in the lockout first (LoginThrottle::reserve: refused when locked,
// counted as a failure until it succeeds), then the account lookup and the slow hash check, with
// the same work and the same answer for an unknown email, an OAuth-only account and a wrong
// password. Runs outside any transaction (the hash takes ~0.2 s; no write lock is held meanwhile).
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

    // For the TOTP step, which has no password: reserve an attempt (a wrong code counts like a
    // wrong password); nullopt with `retryAfterSeconds` set when locked. On a right code, give
    // the reservation back with succeeded().
    std::optional<qint64> reserve(const std::string &email, const std::string &address,
                                  int *retryAfterSeconds) const;
    void succeeded(const std::string &email, const std::string &address, qint64 reservation) const;

private:
    Database &m_database;
    const PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
};

} // namespace plexe::sandbox
