#pragma once

#include "session/Clock.h"
#include "session/SessionMeta.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace plexe {

// Idle timeout, absolute lifetime, restore-at-start and step-up rules of a session (B16, B19).
class SessionPolicy : public QObject
{
    Q_OBJECT

public:
    enum class ExpiryReason { Idle, Absolute };
    Q_ENUM(ExpiryReason)

    static constexpr int kDefaultIdleMinutes = 15;
    static constexpr int kMinIdleMinutes = 1;
    static constexpr int kMaxIdleMinutes = 120;
    static constexpr std::chrono::seconds kWarningLead{60};
    static constexpr std::chrono::hours kAbsoluteLifetime{12};
    static constexpr std::chrono::minutes kStepUpWindow{10};

    // `clock` must outlive the policy.
    explicit SessionPolicy(const Clock *clock, QObject *parent = nullptr);

    // Clamped to 1–120 minutes; takes effect from the last activity.
    void setIdleTimeoutMinutes(int minutes);
    int idleTimeoutMinutes() const { return m_idleMinutes; }

    // A new session (after sign-in) or a restored one (its stored meta); starts checking.
    void begin(const SessionMeta &meta);
    void end(); // stops checking; no signal
    bool isActive() const { return m_active; }

    // Restore-at-start rule: false when the last activity is older than the idle timeout or the
    // session is past its absolute lifetime (or the meta is incomplete).
    bool canRestore(const SessionMeta &meta) const;

    // User input (from UserActivityFilter) and the warning's "Stay signed in".
    void recordUserActivity();
    void staySignedIn() { recordUserActivity(); }

    // Sensitive actions need a sign-in within the last 10 minutes.
    bool needsStepUp() const;
    void setAuthTime(const QDateTime &authTime); // after a successful step-up

    // While a one-time secret is on screen (RevealKeyDialog), the idle timeout must not end the
    // session: that would close the dialog and lose a key that is active on the server (C20).
    // `holder` holds the idle sign-out until it is released or destroyed; past the idle deadline
    // the session then waits (idleSignOutHeld()) instead of expiring. When the last hold goes
    // after the deadline, the idle period starts again from then. The absolute lifetime is
    // never held.
    void holdIdleSignOut(QObject *holder);
    void releaseIdleSignOut(QObject *holder);
    bool isIdleSignOutHeld() const;

    // The current meta with the latest activity, for saving.
    SessionMeta meta() const { return m_meta; }
    QDateTime idleDeadline() const;
    QDateTime absoluteDeadline() const;

    // Checks deadlines against the clock now. Called by the internal timer (see startTicking)
    // or directly by tests after moving a ManualClock.
    void tick();
    // Production: tick every `interval` of real time while a session is active.
    void startTicking(std::chrono::milliseconds interval = std::chrono::seconds(1));

signals:
    void idleWarning(int secondsLeft); // once, 60 s before idle expiry
    void idleWarningCleared();         // user activity after a warning
    void expired(plexe::SessionPolicy::ExpiryReason reason);
    // The idle deadline passed while held: the sign-out waits until the last hold is released.
    void idleSignOutHeld();

private:
    const Clock *m_clock;
    QTimer m_ticker;
    SessionMeta m_meta;
    int m_idleMinutes = kDefaultIdleMinutes;
    bool m_active = false;
    bool m_warned = false;
    bool m_heldPastDeadline = false;
    QList<QPointer<QObject>> m_holders;
};

} // namespace plexe
