#include "profiles/ProfileSessions.h"

#include "session/SessionManager.h"
#include "session/SessionPolicy.h"
#include "session/SessionStore.h"

namespace plexe {

namespace {

bool sameEndpoint(const ApiEndpoint &a, const ApiEndpoint &b)
{
    return a.baseUrl == b.baseUrl && a.extraCaFile == b.extraCaFile &&
           a.identityIssuer == b.identityIssuer;
}

} // namespace

ProfileSessions::ProfileSessions(SessionStore *store, const Clock *clock, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock)
{}

ProfileSessions::~ProfileSessions() = default;

SessionManager *ProfileSessions::sessionFor(const Profile &profile)
{
    const ApiEndpoint endpoint = profile.endpoint();
    SessionManager *existing = m_sessions.value(profile.id);
    if (existing) {
        if (sameEndpoint(m_endpoints.value(profile.id), endpoint) || existing->isSignedIn()) {
            existing->setProfileName(profile.name); // renamed meanwhile
            return existing;
        }
        m_sessions.remove(profile.id);
        existing->deleteLater(); // signed out: nothing to end
    }
    auto *session = new SessionManager(profile.id, endpoint, m_store, m_clock, this);
    session->setProfileName(profile.name);
    if (m_idleMinutes > 0)
        session->policy()->setIdleTimeoutMinutes(m_idleMinutes);
    m_sessions.insert(profile.id, session);
    m_endpoints.insert(profile.id, endpoint);
    emit createdSession(session);
    return session;
}

SessionManager *ProfileSessions::find(const QString &profileId) const
{
    return m_sessions.value(profileId);
}

QList<SessionManager *> ProfileSessions::all() const
{
    QList<SessionManager *> sessions;
    for (const auto &session : m_sessions) {
        if (session)
            sessions << session;
    }
    return sessions;
}

void ProfileSessions::forget(const QString &profileId)
{
    SessionManager *session = find(profileId);
    if (session && session->isSignedIn())
        return discard(profileId); // the sign-out revokes and deletes the keychain entries
    discard(profileId);
    // Not signed in in this run (never opened, or restored nothing yet): what the keychain holds
    // for the id goes without a request. Sending a stored token to revoke it would first need
    // the origin check of a restore; deleting it is what keeps it from ever being used.
    m_store->removeAll(profileId, this, [](const SessionStore::Outcome &) {});
}

void ProfileSessions::discard(const QString &profileId)
{
    SessionManager *session = m_sessions.take(profileId);
    m_endpoints.remove(profileId);
    if (!session)
        return;
    session->signOut();
    // Later: the sign-out's keychain removal and revocation still answer to it.
    session->deleteLater();
}

void ProfileSessions::setIdleTimeoutMinutes(int minutes)
{
    m_idleMinutes = minutes;
    for (SessionManager *session : all())
        session->policy()->setIdleTimeoutMinutes(minutes);
}

void ProfileSessions::persistActivity()
{
    for (SessionManager *session : all())
        session->persistActivity();
}

} // namespace plexe
