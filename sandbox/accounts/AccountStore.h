#pragma once

#include "accounts/Account.h"

#include <optional>

namespace plexe::sandbox {

class Connection;

// SQL for the accounts table.
class AccountStore
{
public:
    // Inserts `account` (id ignored) and returns it with its row id.
    static Account insert(Connection &connection, Account account);
    static std::optional<Account> findById(Connection &connection, int64_t id);
    static std::optional<Account> findByEmail(Connection &connection, const std::string &email);
    static int64_t count(Connection &connection);
    // The first OAuth-only account: the one the Google/GitHub stand-ins sign in.
    static std::optional<Account> findOauthOnly(Connection &connection);
    // Records `step` as the last used TOTP step unless a step at or after it was used already
    // (then false: a replay, even by a racing request).
    static bool advanceTotpStep(Connection &connection, int64_t id, int64_t step);
};

} // namespace plexe::sandbox
