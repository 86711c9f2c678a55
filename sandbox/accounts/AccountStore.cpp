#include "accounts/AccountStore.h"

#include "db/Connection.h"

namespace plexe::sandbox {

namespace {
const char kColumns[] =
    "id, user_id, email, name, password_hash, created_at, credits, consumption, is_active, "
    "totp_secret, totp_last_step, oauth_only";

Account read(const Statement &row)
{
    Account a;
    a.id = row.integer(0);
    a.userId = row.text(1);
    a.email = row.text(2);
    a.name = row.text(3);
    a.passwordHash = row.optionalText(4);
    a.createdAt = row.integer(5);
    a.credits = row.real(6);
    a.consumption = row.real(7);
    a.isActive = row.integer(8) != 0;
    a.totpSecretSealed = row.optionalText(9);
    a.totpLastStep = row.integer(10);
    a.oauthOnly = row.integer(11) != 0;
    return a;
}
} // namespace

Account AccountStore::insert(Connection &connection, Account account)
{
    auto insert = connection.prepare(
        "INSERT INTO accounts (user_id, email, name, password_hash, created_at, credits, "
        "consumption, is_active, totp_secret, totp_last_step, oauth_only) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, account.userId)
        .bind(2, account.email)
        .bind(3, account.name)
        .bind(4, account.passwordHash)
        .bind(5, account.createdAt)
        .bind(6, account.credits)
        .bind(7, account.consumption)
        .bind(8, int64_t(account.isActive ? 1 : 0))
        .bind(9, account.totpSecretSealed)
        .bind(10, account.totpLastStep)
        .bind(11, int64_t(account.oauthOnly ? 1 : 0))
        .run();
    account.id = connection.lastInsertId();
    return account;
}

std::optional<Account> AccountStore::findById(Connection &connection, int64_t id)
{
    auto query =
        connection.prepare(std::string("SELECT ") + kColumns + " FROM accounts WHERE id = ?");
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return read(query);
}

std::optional<Account> AccountStore::findByEmail(Connection &connection, const std::string &email)
{
    auto query =
        connection.prepare(std::string("SELECT ") + kColumns + " FROM accounts WHERE email = ?");
    query.bind(1, email);
    if (!query.step())
        return std::nullopt;
    return read(query);
}

int64_t AccountStore::count(Connection &connection)
{
    auto query = connection.prepare("SELECT COUNT(*) FROM accounts");
    return query.step() ? query.integer(0) : 0;
}

std::optional<Account> AccountStore::findOauthOnly(Connection &connection)
{
    auto query = connection.prepare(std::string("SELECT ") + kColumns +
                                    " FROM accounts WHERE oauth_only = 1 ORDER BY id LIMIT 1");
    if (!query.step())
        return std::nullopt;
    return read(query);
}

bool AccountStore::advanceTotpStep(Connection &connection, int64_t id, int64_t step)
{
    connection.prepare("UPDATE accounts SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
        .bind(1, step)
        .bind(2, id)
        .bind(3, step)
        .run();
    return connection.changes() == 1;
}

} // namespace plexe::sandbox
