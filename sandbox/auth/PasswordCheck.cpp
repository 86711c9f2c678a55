#include "auth/PasswordCheck.h"

#include "accounts/AccountStore.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "db/Database.h"

#include <QString>

namespace plexe::sandbox {

PasswordCheck::PasswordCheck(Database &database, const PasswordHasher &hasher,
                             LoginThrottle &throttle)
    : m_database(database), m_hasher(hasher), m_throttle(throttle)
{}

std::optional<qint64> PasswordCheck::reserve(const std::string &email, const std::string &address,
                                             int *retryAfterSeconds) const
{
    const auto verdict =
        m_throttle.reserve(QString::fromStdString(email), QString::fromStdString(address));
    if (verdict.locked) {
        *retryAfterSeconds = int(qMax<qint64>(1, verdict.retryAfterSeconds));
        return std::nullopt;
    }
    return verdict.reservedAtMs;
}

void PasswordCheck::succeeded(const std::string &email, const std::string &address,
                              qint64 reservation) const
{
    m_throttle.recordSuccess(QString::fromStdString(email), QString::fromStdString(address),
                             reservation);
}

PasswordCheck::Outcome PasswordCheck::check(const std::string &email, const QByteArray &password,
                                            const std::string &address) const
{
    Outcome out;
    const auto reservation = reserve(email, address, &out.retryAfterSeconds);
    if (!reservation) {
        out.result = Result::Locked;
        return out;
    }
    std::optional<Account> account;
    {
        auto connection = m_database.acquire();
        account = AccountStore::findByEmail(*connection, email);
    }
    bool ok = false;
    if (account && account->isActive && !account->oauthOnly && account->passwordHash)
        ok = m_hasher.verify(password, QString::fromStdString(*account->passwordHash));
    else
        m_hasher.dummyVerify(password); // the same cost, so timing does not tell emails apart
    if (!ok) {                          // already counted by the reservation
        out.result = Result::Invalid;
        out.account = std::move(account);
        return out;
    }
    succeeded(email, address, *reservation);
    out.result = Result::Ok;
    out.account = std::move(account);
    return out;
}

} // namespace plexe::sandbox
