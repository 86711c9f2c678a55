#pragma once

#include "session/Clock.h"
#include "session/SessionMeta.h"

#include <QDateTime>
#include <QObject>
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

private:
    const Clock *m_clock;
    QTimer m_ticker;
    SessionMeta m_meta;
    int m_idleMinutes = kDefaultIdleMinutes;
    bool m_active = false;
    bool m_warned = false;
};

} // namespace plexe
