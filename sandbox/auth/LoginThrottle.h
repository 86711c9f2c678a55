#pragma once

#include <QHash>
#include <QString>

#include <deque>
#include <functional>
#include <mutex>

namespace plexe::sandbox {

// Counts failed sign-ins per account and per client address in a sliding window (contract §4:
// 10 failures per 15 min → 429 with Retry-After). Thread-safe; the clock is injected.
//
// How the routes use it (/auth/login, /auth/login/mfa, the sign-in form, /auth/reauthenticate):
//  1. reserve(email, ip) BEFORE looking at the password or code: in one locked step it either
//     says "locked" (429 rate_limit_exceeded with Retry-After; nothing is checked and nothing
//     recorded, which would extend the lock for ever under a steady attack) or counts the
//     attempt as a failure already. Checking first and recording after the slow hash let 60
//     concurrent guesses all through a cap of 10 (issue 8).
//  2. A wrong password, unknown email or wrong code needs nothing more: it was counted. Unknown
//     emails are counted like known ones, so the lock does not reveal which emails exist.
//  3. On success: recordSuccess(email, ip, reservation) takes the reservation back.
//
// Decisions:
//  - Success clears the ACCOUNT's failures (its owner proved the password; an attacker cannot
//    clear a victim's count without that password) but NOT the ADDRESS's: otherwise an attacker
//    could interleave sign-ins to an account of their own and guess others' passwords for ever.
//  - Accounts are keyed by the email trimmed and lower-cased.
//  - The window slides: the lock lifts when enough of the oldest failures leave the window, and
//    Retry-After says exactly when (rounded up to whole seconds, at least 1).
class LoginThrottle
{
public:
    using Clock = std::function<qint64()>; // milliseconds since the Unix epoch

    static constexpr int kDefaultMaxFailures = 10;
    static constexpr qint64 kDefaultWindowSeconds = 15 * 60;

    struct Verdict
    {
        bool locked = false;
        qint64 retryAfterSeconds = 0; // > 0 when locked
        qint64 reservedAtMs = 0;      // reserve(): the failure counted for this attempt
    };

    // A null clock means the system clock.
    explicit LoginThrottle(int maxFailures = kDefaultMaxFailures,
                           qint64 windowSeconds = kDefaultWindowSeconds, Clock clock = {});

    // Locked when either the account or the address has maxFailures failures in the window; the
    // Retry-After is the longer of the two waits.
    Verdict check(const QString &email, const QString &address) const;

    // check(), and when not locked, recordFailure(), as one step (see above).
    Verdict reserve(const QString &email, const QString &address);

    void recordFailure(const QString &email, const QString &address);
    // Clears the account's failures; `reservedAtMs` (from reserve) is taken back from the
    // address's, the other failures of the address stay.
    void recordSuccess(const QString &email, const QString &address, qint64 reservedAtMs = 0);

    // Failures currently in the window (for tests and logs).
    int accountFailures(const QString &email) const;
    int addressFailures(const QString &address) const;
    // Accounts plus addresses currently held in memory (to test that old keys are forgotten).
    int trackedKeyCount() const;

private:
    using Times = std::deque<qint64>;

    qint64 now() const;
    static QString accountKey(const QString &email);
    void prune(Times &times, qint64 nowMs) const;
    qint64 waitMs(const Times &times, qint64 nowMs) const;
    void pruneAll(QHash<QString, Times> &table, qint64 nowMs);
    void recordLocked(const QString &email, const QString &address, qint64 nowMs);
    qint64 lockWaitLocked(const QString &email, const QString &address, qint64 nowMs) const;

    int m_maxFailures;
    qint64 m_windowMs;
    Clock m_clock;
    mutable std::mutex m_mutex;
    mutable QHash<QString, Times> m_accounts;
    mutable QHash<QString, Times> m_addresses;
    int m_recordsSincePrune = 0;
};

} // namespace plexe::sandbox
