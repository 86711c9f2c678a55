#include "auth/LoginThrottle.h"

#include <QDateTime>

#include <algorithm>

namespace plexe::sandbox {

namespace {
// Every so many failures, forget keys whose failures all left the window, so that a stream of
// made-up emails cannot grow memory without bound.
constexpr int kPruneEvery = 1024;
} // namespace

LoginThrottle::LoginThrottle(int maxFailures, qint64 windowSeconds, Clock clock)
    : m_maxFailures(qMax(1, maxFailures)), m_windowMs(qMax<qint64>(1, windowSeconds) * 1000),
      m_clock(std::move(clock))
{}

qint64 LoginThrottle::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString LoginThrottle::accountKey(const QString &email)
{
    return email.trimmed().toLower();
}

void LoginThrottle::prune(Times &times, qint64 nowMs) const
{
    while (!times.empty() && times.front() + m_windowMs <= nowMs)
        times.pop_front();
}

qint64 LoginThrottle::waitMs(const Times &times, qint64 nowMs) const
{
    const auto count = static_cast<qint64>(times.size());
    if (count < m_maxFailures)
        return 0;
    // The lock lifts when the failure at index (count - max) leaves the window: then only
    // max - 1 remain.
    return times[static_cast<size_t>(count - m_maxFailures)] + m_windowMs - nowMs;
}

// The *Locked helpers run with m_mutex held.
qint64 LoginThrottle::lockWaitLocked(const QString &email, const QString &address,
                                     qint64 nowMs) const
{
    qint64 wait = 0;
    const auto account = m_accounts.find(accountKey(email));
    if (account != m_accounts.end()) {
        prune(*account, nowMs);
        wait = qMax(wait, waitMs(*account, nowMs));
    }
    const auto addr = m_addresses.find(address);
    if (addr != m_addresses.end()) {
        prune(*addr, nowMs);
        wait = qMax(wait, waitMs(*addr, nowMs));
    }
    return wait;
}

LoginThrottle::Verdict LoginThrottle::check(const QString &email, const QString &address) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const qint64 wait = lockWaitLocked(email, address, now());
    Verdict verdict;
    if (wait > 0) {
        verdict.locked = true;
        verdict.retryAfterSeconds = qMax<qint64>(1, (wait + 999) / 1000);
    }
    return verdict;
}

LoginThrottle::Verdict LoginThrottle::reserve(const QString &email, const QString &address)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const qint64 t = now();
    Verdict verdict;
    if (const qint64 wait = lockWaitLocked(email, address, t); wait > 0) {
        verdict.locked = true;
        verdict.retryAfterSeconds = qMax<qint64>(1, (wait + 999) / 1000);
        return verdict;
    }
    recordLocked(email, address, t);
    verdict.reservedAtMs = m_addresses[address].back();
    return verdict;
}

void LoginThrottle::pruneAll(QHash<QString, Times> &table, qint64 nowMs)
{
    for (auto it = table.begin(); it != table.end();) {
        prune(*it, nowMs);
        it = it->empty() ? table.erase(it) : std::next(it);
    }
}

void LoginThrottle::recordFailure(const QString &email, const QString &address)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    recordLocked(email, address, now());
}

void LoginThrottle::recordLocked(const QString &email, const QString &address, qint64 t)
{
    for (Times *times : {&m_accounts[accountKey(email)], &m_addresses[address]}) {
        prune(*times, t);
        // A clock that steps back must not break the sorted order the window relies on.
        times->push_back(times->empty() ? t : qMax(t, times->back()));
        // Only the newest max failures decide the lock; older ones need not be kept.
        while (static_cast<qint64>(times->size()) > m_maxFailures * 2)
            times->pop_front();
    }
    if (++m_recordsSincePrune >= kPruneEvery) {
        m_recordsSincePrune = 0;
        pruneAll(m_accounts, t);
        pruneAll(m_addresses, t);
    }
}

void LoginThrottle::recordSuccess(const QString &email, const QString &address, qint64 reservedAtMs)
{
    // The address's other failures stay: see the class comment.
    std::lock_guard<std::mutex> lock(m_mutex);
    m_accounts.remove(accountKey(email));
    const auto addr = m_addresses.find(address);
    if (reservedAtMs == 0 || addr == m_addresses.end())
        return;
    // Times are sorted, so this attempt's reservation is found by its value.
    const auto it = std::lower_bound(addr->begin(), addr->end(), reservedAtMs);
    if (it != addr->end() && *it == reservedAtMs)
        addr->erase(it);
}

int LoginThrottle::accountFailures(const QString &email) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_accounts.find(accountKey(email));
    if (it == m_accounts.end())
        return 0;
    prune(*it, now());
    return static_cast<int>(it->size());
}

int LoginThrottle::addressFailures(const QString &address) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_addresses.find(address);
    if (it == m_addresses.end())
        return 0;
    prune(*it, now());
    return static_cast<int>(it->size());
}

int LoginThrottle::trackedKeyCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return static_cast<int>(m_accounts.size() + m_addresses.size());
}

} // namespace plexe::sandbox
