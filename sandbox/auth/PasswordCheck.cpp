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

std::optional<int> PasswordCheck::lockedFor(const std::string &email,
                                            const std::string &address) const
{
    const auto verdict =
        m_throttle.check(QString::fromStdString(email), QString::fromStdString(address));
    if (!verdict.locked)
        return std::nullopt;
    return int(qMax<qint64>(1, verdict.retryAfterSeconds));
}

void PasswordCheck::recordTotpFailure(const std::string &email, const std::string &address) const
{
    m_throttle.recordFailure(QString::fromStdString(email), QString::fromStdString(address));
}

PasswordCheck::Outcome PasswordCheck::check(const std::string &email, const QByteArray &password,
                                            const std::string &address) const
{
    Outcome out;
    if (const auto wait = lockedFor(email, address)) {
        out.result = Result::Locked;
        out.retryAfterSeconds = *wait;
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
    const QString qEmail = QString::fromStdString(email);
    const QString qAddress = QString::fromStdString(address);
    if (!ok) {
        m_throttle.recordFailure(qEmail, qAddress);
        out.result = Result::Invalid;
        out.account = std::move(account);
        return out;
    }
    m_throttle.recordSuccess(qEmail, qAddress);
    out.result = Result::Ok;
    out.account = std::move(account);
    return out;
}

} // namespace plexe::sandbox
