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
};

} // namespace plexe::sandbox
