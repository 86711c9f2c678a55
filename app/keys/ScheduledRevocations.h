#pragma once

#include "api/ApiError.h"
#include "keys/ScheduledRevocation.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

class QSettings;

namespace plexe {

struct ApiKey;
class Clock;
class SessionManager;

// The revocations one profile scheduled at the end of key rotations (issue 10 item 6): kept in
// QSettings under "scheduledRevocations/<profile>" (key id, listed prefix and suffix, name, due
// time; never a secret) and carried out through the profile's session when due.
//
// When a due revocation runs on its own (tick(): the timer while the console runs, a sign-in,
// start() at the next start), it is carried out only if the session can do it without asking
// anything: signed in, and no step-up needed (B19). Otherwise, or when the revocation fails, the
// user is reminded (reminder(), a banner whose "Revoke now" calls revokeOverdueNow()). A
// password prompt that appears out of nowhere, minutes after the rotation dialog closed, would
// look like phishing and teach people to type their password into whatever asks; from the
// banner the user asked for it, so revokeOverdueNow() may prompt. (A server whose clock
// disagrees may still answer 403 reauthentication_required to an automatic revocation; then the
// window's step-up prompt appears, as for any request.)
// Deleting from a slot: allowed from revoked(), revokeFailed() and reminder() (each is emitted
// last, and requests in flight are owned by the session and end with this object).
class ScheduledRevocations : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds kDefaultInterval{30};

    // None of them owned; all must outlive this object. The profile is session->profile().
    ScheduledRevocations(QSettings *settings, SessionManager *session, const Clock *clock,
                         QObject *parent = nullptr);
    ~ScheduledRevocations() override;

    QString profile() const { return m_profile; }
    // The signed-in account (its email), once known: new schedules record it, and only its
    // own schedules are carried out. Cleared whenever a session begins or ends, so that a
    // schedule never runs in another account's session while the window still loads who it is.
    void setAccount(const QString &email) { m_account = email; }
    // Every scheduled revocation of the profile, soonest first.
    QList<ScheduledRevocation> entries() const { return m_entries; }
    // Those whose due time has come (due <= the clock's now).
    QList<ScheduledRevocation> overdue() const;

    // Schedules (or moves) the revocation of `key` at `due`; false with a reason when the key has
    // no id or `due` is not in the future.
    bool schedule(const ApiKey &key, const QDateTime &due, QString *error = nullptr);
    // Forgets a scheduled revocation (the key stays as it is); false when there was none.
    bool unschedule(const QString &keyId);

    // Starts the timer (every `interval` of real time it calls tick()) and looks at once, or
    // once a restore under way has finished: at start overdue ones are carried out or reminded.
    void start(std::chrono::milliseconds interval = kDefaultInterval);
    // The automatic pass: carries out what is due if it can without asking (see above), else
    // reminds, once per key until the situation changes (a sign-in, a failed revocation).
    void tick();
    // Whether a revocation of `keyId` has been sent and not yet answered.
    bool isRevoking(const QString &keyId) const { return m_inFlight.contains(keyId); }
    // The user asked (the banner's "Revoke now"): revokes everything due; may prompt for step-up.
    void revokeOverdueNow();

    // The profile was removed: its schedules go with it (checked: false when the settings
    // could not be written).
    static bool removeForProfile(QSettings *settings, const QString &profile);

signals:
    void changed();
    // Carried out (or found already gone: 404); the entry is no longer scheduled.
    void revoked(const plexe::ScheduledRevocation &entry);
    // The revocation was refused or failed; the entry stays scheduled and is reminded.
    void revokeFailed(const plexe::ScheduledRevocation &entry, const plexe::ApiError &error,
                      const QString &message);
    // Revocations overdue that were not carried out; the window shows `message` as a banner
    // with "Revoke now" (revokeOverdueNow). `overdue` lists all of them.
    void reminder(const QString &message, const QList<plexe::ScheduledRevocation> &overdue);

private:
    enum class Mode { Automatic, UserAsked };
    void carryOut(Mode mode);
    void revoke(const ScheduledRevocation &entry);
    void remind(const QString &why);
    int indexOf(const QString &keyId) const;
    bool ownedBySignedInAccount(const ScheduledRevocation &entry) const;
    void load();
    void save();

    QSettings *m_settings;
    SessionManager *m_session;
    const Clock *m_clock;
    QString m_profile;
    QString m_account;
    QList<ScheduledRevocation> m_entries;
    QSet<QString> m_inFlight; // key ids being revoked now
    QSet<QString> m_reminded; // key ids the user was reminded of (reset by a sign-in)
    QTimer m_timer;
};

} // namespace plexe
