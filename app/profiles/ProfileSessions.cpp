#include "profiles/ProfileSessions.h"

#include "session/SessionManager.h"
#include "session/SessionPolicy.h"

namespace plexe {

namespace {

bool sameEndpoint(const ApiEndpoint &a, const ApiEndpoint &b)
{
    return a.baseUrl == b.baseUrl && a.extraCaFile == b.extraCaFile;
}

} // namespace

ProfileSessions::ProfileSessions(SessionStore *store, const Clock *clock, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock)
{}

ProfileSessions::~ProfileSessions() = default;

SessionManager *ProfileSessions::sessionFor(const Profile &profile)
{
    const ApiEndpoint endpoint = profile.endpoint();
    SessionManager *existing = m_sessions.value(profile.name);
    if (existing) {
        if (sameEndpoint(m_endpoints.value(profile.name), endpoint) || existing->isSignedIn())
            return existing;
        m_sessions.remove(profile.name);
        existing->deleteLater(); // signed out: nothing to end
    }
    auto *session = new SessionManager(profile.name, endpoint, m_store, m_clock, this);
    if (m_idleMinutes > 0)
        session->policy()->setIdleTimeoutMinutes(m_idleMinutes);
    m_sessions.insert(profile.name, session);
    m_endpoints.insert(profile.name, endpoint);
    emit createdSession(session);
    return session;
}

SessionManager *ProfileSessions::find(const QString &profileName) const
{
    return m_sessions.value(profileName);
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

void ProfileSessions::discard(const QString &profileName)
{
    SessionManager *session = m_sessions.take(profileName);
    m_endpoints.remove(profileName);
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
