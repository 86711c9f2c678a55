#pragma once

#include "profiles/Profile.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace plexe {

class Clock;
class SessionManager;
class SessionStore;

// One SessionManager per profile, as the core requires (each has its own network manager and
// trust), keyed by the profile's id so that a rename keeps the session. Created when a profile is
// first used; a signed-out manager whose endpoint changed (a new sandbox port, an edited
// profile) is replaced.
class ProfileSessions : public QObject
{
    Q_OBJECT

public:
    // `store` and `clock` are not owned and must outlive this object.
    ProfileSessions(SessionStore *store, const Clock *clock, QObject *parent = nullptr);
    ~ProfileSessions() override;

    // The profile's manager, created on first use (createdSession() is emitted before return);
    // it carries the profile's current name (SessionManager::profileName).
    SessionManager *sessionFor(const Profile &profile);
    SessionManager *find(const QString &profileId) const;
    QList<SessionManager *> all() const;
    // Signs out (if needed) and forgets the profile's manager.
    void discard(const QString &profileId);
    // The profile was removed (issue 21 item 4): its session is signed out (revoking what it
    // can) if this run has one, and its keychain entries are deleted either way, also when the
    // profile was never opened in this run.
    void forget(const QString &profileId);

    void setIdleTimeoutMinutes(int minutes);
    // On quit: each signed-in session writes its latest activity to the keychain (B16 restore).
    void persistActivity();

signals:
    void createdSession(plexe::SessionManager *session);

private:
    SessionStore *m_store;
    const Clock *m_clock;
    QHash<QString, QPointer<SessionManager>> m_sessions;
    QHash<QString, ApiEndpoint> m_endpoints;
    int m_idleMinutes = 0;
};

} // namespace plexe
