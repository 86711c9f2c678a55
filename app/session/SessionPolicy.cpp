#include "session/SessionPolicy.h"

#include "core/Logging.h"

#include <algorithm>

namespace plexe {

SessionPolicy::SessionPolicy(const Clock *clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    connect(&m_ticker, &QTimer::timeout, this, &SessionPolicy::tick);
}

void SessionPolicy::setIdleTimeoutMinutes(int minutes)
{
    m_idleMinutes = std::clamp(minutes, kMinIdleMinutes, kMaxIdleMinutes);
}

void SessionPolicy::begin(const SessionMeta &meta)
{
    m_meta = meta;
    const QDateTime now = m_clock->now();
    if (!m_meta.createdAt.isValid())
        m_meta.createdAt = now;
    if (!m_meta.lastActivity.isValid())
        m_meta.lastActivity = now;
    // No auth_time (an older or damaged record) stays invalid: needsStepUp() is then true, so
    // a restored session never gets a fresh step-up window it did not earn (B19).
    m_active = true;
    m_warned = false;
}

void SessionPolicy::end()
{
    m_active = false;
    m_warned = false;
    m_heldPastDeadline = false;
    m_ticker.stop();
}

void SessionPolicy::holdIdleSignOut(QObject *holder)
{
    if (!holder || m_holders.contains(holder))
        return;
    m_holders.append(holder);
    // A holder that goes away without releasing (deleted with its window) must not hold forever.
    connect(holder, &QObject::destroyed, this, [this, holder] { releaseIdleSignOut(holder); });
}

void SessionPolicy::releaseIdleSignOut(QObject *holder)
{
    // Counted with the entries of holders being destroyed (their QPointer is null already).
    const bool wasHeld = !m_holders.isEmpty();
    m_holders.removeAll(holder);
    m_holders.removeAll(nullptr);
    disconnect(holder, &QObject::destroyed, this, nullptr);
    if (!wasHeld || !m_holders.isEmpty())
        return;
    const bool pastDeadline = m_heldPastDeadline;
    m_heldPastDeadline = false;
    if (m_active && pastDeadline) {
        // The user was away while the secret was shown; closing it is the first sign of them.
        // A fresh idle period from now, rather than a sign-out the moment the key is put away.
        m_meta.lastActivity = m_clock->now();
        if (m_warned) {
            m_warned = false;
            emit idleWarningCleared();
        }
    }
}

bool SessionPolicy::isIdleSignOutHeld() const
{
    for (const QPointer<QObject> &holder : m_holders) {
        if (holder)
            return true;
    }
    return false;
}

bool SessionPolicy::canRestore(const SessionMeta &meta) const
{
    if (!meta.lastActivity.isValid() || !meta.createdAt.isValid())
        return false;
    const QDateTime now = m_clock->now();
    const qint64 idleMs = qint64(m_idleMinutes) * 60 * 1000;
    const qint64 absoluteMs = std::chrono::milliseconds(kAbsoluteLifetime).count();
    // A last activity in the future (clock moved back) is not trusted either.
    const qint64 sinceActivity = meta.lastActivity.msecsTo(now);
    return sinceActivity >= 0 && sinceActivity < idleMs && meta.createdAt.msecsTo(now) < absoluteMs;
}

void SessionPolicy::recordUserActivity()
{
    if (!m_active)
        return;
    m_meta.lastActivity = m_clock->now();
    m_heldPastDeadline = false;
    if (m_warned) {
        m_warned = false;
        emit idleWarningCleared();
    }
}

bool SessionPolicy::needsStepUp() const
{
    if (!m_meta.authTime.isValid())
        return true;
    const qint64 since = m_meta.authTime.msecsTo(m_clock->now());
    return since < 0 || since >= std::chrono::milliseconds(kStepUpWindow).count();
}

void SessionPolicy::setAuthTime(const QDateTime &authTime)
{
    m_meta.authTime = authTime;
}

QDateTime SessionPolicy::idleDeadline() const
{
    return m_meta.lastActivity.addSecs(qint64(m_idleMinutes) * 60);
}

QDateTime SessionPolicy::absoluteDeadline() const
{
    return m_meta.createdAt.addSecs(std::chrono::seconds(kAbsoluteLifetime).count());
}

void SessionPolicy::tick()
{
    if (!m_active)
        return;
    const QDateTime now = m_clock->now();
    if (now >= absoluteDeadline()) {
        end();
        qCInfo(lcSession) << "session reached its absolute lifetime";
        emit expired(ExpiryReason::Absolute);
        return;
    }
    const qint64 leftMs = now.msecsTo(idleDeadline());
    if (leftMs <= 0 && isIdleSignOutHeld()) {
        if (!m_heldPastDeadline) {
            m_heldPastDeadline = true;
            qCInfo(lcSession) << "idle timeout held while a secret is shown";
            emit idleSignOutHeld();
        }
        return;
    }
    if (leftMs <= 0) {
        end();
        qCInfo(lcSession) << "session idle timeout";
        emit expired(ExpiryReason::Idle);
        return;
    }
    if (!m_warned && leftMs <= std::chrono::milliseconds(kWarningLead).count()) {
        m_warned = true;
        emit idleWarning(int((leftMs + 999) / 1000));
    }
}

void SessionPolicy::startTicking(std::chrono::milliseconds interval)
{
    m_ticker.start(interval);
}

} // namespace plexe
