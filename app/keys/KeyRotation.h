#pragma once

#include "api/ApiError.h"
#include "api/ApiKey.h"

#include <QByteArray>
#include <QDate>
#include <QObject>
#include <QPointer>

#include <optional>

namespace plexe {

class ApiCall;
class Clock;
class ScheduledRevocations;
class SessionManager;
class SessionRequest;

// One guided rotation of an API key (issue 10 item 6), the documented recipe with no widget:
//   1. Creating: POST /auth/api-keys with the old key's permission, a name derived from the old
//      one (replacementName) and, if the old key expires, the same lifetime. Sensitive (B19):
//      the window's step-up prompt may appear.
//   2. The new key is handed out once, through replacementCreated().
//   3. Verifying: GET /auth/user made with the new key (ApiClient::getUserWith). The rotation
//      keeps its own copy of the key only until that answer (and, for the console's own
//      credential, until the session has it); then it is wiped.
//   4. SwitchingSession, only when the key rotated is the one the console signed in with: the
//      session's keychain entry gets the new key and the session uses it
//      (SessionManager::replaceApiKey), all before the old key can be revoked.
//   5. ReadyToRevoke: revokeNow() (Revoking, then Revoked) or scheduleRevocation() (Scheduled).
// cancel() works at any point before the revocation was sent: the old key keeps working, and
// the message says whether a new key exists. A failed revocation returns to ReadyToRevoke (try
// again, schedule or cancel); any other failure ends the rotation (Failed). The end of the
// session (B17) ends the rotation as Failed.
// One rotation per object; start() again only after it ended.
// Deleting from a slot: allowed from finished() only (emitted last). Not from stateChanged(),
// replacementCreated() or failed(), which come in the middle of a step (use deleteLater()).
class KeyRotation : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle,
        Creating,
        Verifying,
        SwitchingSession,
        ReadyToRevoke,
        Revoking,
        Revoked,   // end: the old key is revoked
        Scheduled, // end: the old key's revocation is scheduled
        Failed,    // end: see the message; the old key was not revoked
        Cancelled, // end: the old key was not revoked
    };
    Q_ENUM(State)
    enum class Step { Create, Verify, SwitchSession, Revoke };
    Q_ENUM(Step)

    // The server's rule for a key name (contract §2; counted in characters, not UTF-16 units).
    static constexpr int kMaxNameLength = 100;
    // Creation is tried again with a numbered name this many times when the name is taken (409:
    // the old key itself when it was rotated earlier the same day).
    static constexpr int kMaxNameAttempts = 5;

    // `session` and `clock` must outlive this object; `schedule` (may be null: no scheduling)
    // too. The clock gives the date in the name and "now" for scheduling.
    KeyRotation(SessionManager *session, ScheduledRevocations *schedule, const Clock *clock,
                QObject *parent = nullptr);
    ~KeyRotation() override; // aborts what is in flight and wipes the key

    // "<old name> (rotated 2026-11-27)", or "(rotated 2026-11-27, 2)" for attempt 2: without
    // control, format or separator characters the server refuses, without an earlier
    // "(rotated …)", shortened with "…" to at most kMaxNameLength characters.
    static QString replacementName(const QString &oldName, const QDate &date, int attempt = 1);

    // Starts rotating `oldKey` (a listed key: id, name, prefix, suffix, permission). False with a
    // reason when a rotation is under way, the session is signed out or the key is not active.
    bool start(const ApiKey &oldKey, QString *error = nullptr);
    // ReadyToRevoke only: revokes the old key now (sensitive: may prompt for step-up).
    void revokeNow();
    // ReadyToRevoke only: schedules the old key's revocation at `due` (UTC) in the profile's
    // ScheduledRevocations; false with a reason (in the past, no schedule).
    bool scheduleRevocation(const QDateTime &due, QString *error = nullptr);
    // Stops the rotation before the revocation; does nothing once Revoking or ended.
    void cancel();

    State state() const { return m_state; }
    bool isRunning() const;
    bool canCancel() const;
    const ApiKey &oldKey() const { return m_old; }
    // The replacement as listed (no secret); empty before creation.
    const ApiKey &newKey() const { return m_new; }
    bool rotatesOwnCredential() const { return m_own; }

signals:
    void stateChanged(plexe::KeyRotation::State state);
    // Emitted exactly once per rotation, right after creation. The receiver must be connected
    // directly (a reference cannot be queued), shows the key and wipes `key` (key.wipe(), e.g.
    // RevealKeyDialog takes it over and wipes it). Whatever is left is wiped when the slot
    // returns; the rotation never hands the key out again.
    void replacementCreated(plexe::CreatedApiKey &key);
    // A 429 while creating: `deadline` (UTC) for a countdown; the request waits and retries.
    void rateLimited(const QDateTime &deadline);
    // A step failed. `message` is the sentence to show (plain text); it says which keys work.
    void failed(plexe::KeyRotation::Step step, const plexe::ApiError &error,
                const QString &message);
    // The rotation ended: Revoked, Scheduled, Failed or Cancelled, with a summary to show.
    void finished(plexe::KeyRotation::State state, const QString &message);

private:
    void create();
    void onCreated(SessionRequest *request);
    void verify();
    void switchSession();
    void fail(Step step, const ApiError &error, const QString &message);
    void end(State state, const QString &message);
    void setState(State state);
    void wipeSecret();
    QString bothKeysWork() const;

    SessionManager *m_session;
    QPointer<ScheduledRevocations> m_schedule;
    const Clock *m_clock;
    State m_state = State::Idle;
    ApiKey m_old;
    ApiKey m_new;
    bool m_own = false;
    int m_nameAttempt = 1;
    std::optional<int> m_expirationDays;
    QByteArray m_secret; // the new key, from creation until verified (and adopted)
    QPointer<SessionRequest> m_request;
    QPointer<ApiCall> m_verifyCall;
};

} // namespace plexe
