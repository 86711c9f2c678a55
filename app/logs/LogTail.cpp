#include "logs/LogTail.h"

#include "api/ApiClient.h"
#include "logs/LogStore.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"

#include <algorithm>

namespace plexe {

LogTail::LogTail(SessionManager *session, LogStore *store, QObject *parent)
    : QObject(parent), m_session(session), m_store(store)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LogTail::poll);
    connect(store, &LogStore::cleared, this, [this] {
        m_after.clear();
        stop(); // B17: nothing polls for a session that ended
    });
}

LogTail::~LogTail()
{
    dropRequest();
}

void LogTail::setFilters(const AccessLogFilters &filters)
{
    m_filters = filters;
    m_filters.since = QDateTime();
    m_filters.until = QDateTime();
    m_after.clear(); // the server's next_after was for the old filters
}

void LogTail::start()
{
    m_delayMs = m_intervalMs;
    m_after.clear(); // the store may have been reloaded meanwhile: start from what it holds
    setState(State::Running);
    dropRequest();
    poll();
}

void LogTail::pause()
{
    if (m_state != State::Running)
        return;
    m_timer.stop();
    dropRequest();
    setState(State::Paused);
}

void LogTail::resume()
{
    if (m_state != State::Paused)
        return;
    setState(State::Running);
    poll();
}

void LogTail::stop()
{
    m_timer.stop();
    dropRequest();
    setState(State::Stopped);
}

void LogTail::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void LogTail::dropRequest()
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
}

void LogTail::schedule(int delayMs)
{
    if (m_state == State::Running)
        m_timer.start(delayMs);
}

void LogTail::poll()
{
    if (m_state != State::Running || m_request)
        return;
    if (!m_session || !m_session->isSignedIn() || !m_store)
        return stop();
    // Where the store already holds events, ask for what is newer; an empty store asks for the
    // newest page (after=0 would be the oldest events first).
    const QString storeNewest = m_store->table()->newestId();
    QString after = storeNewest;
    if (!m_after.isEmpty() && (after.isEmpty() || m_after.toLongLong() > after.toLongLong()))
        after = m_after;
    const AccessLogFilters filters = m_filters;
    m_request = m_session->run([after, filters](ApiClient &c) {
        return after.isEmpty() ? c.listAccessLogs(filters, QString(), 1000, true)
                               : c.tailAccessLogs(after, filters, 1000, true);
    });
    SessionRequest *request = m_request;
    connect(request, &SessionRequest::rateLimited, this, &LogTail::rateLimited);
    connect(request, &SessionRequest::finished, this, [this, request] { onAnswer(request); });
}

void LogTail::onAnswer(SessionRequest *request)
{
    m_request = nullptr; // done; it deletes itself
    if (m_state != State::Running)
        return;
    if (!request->isOk()) {
        const ApiError error = request->error();
        if (error.kind() == ApiError::Kind::Cancelled)
            return;
        if (error.kind() == ApiError::Kind::Http &&
            (error.httpStatus() == 403 || error.httpStatus() == 404) &&
            !error.needsReauthentication()) {
            stop();
            emit unsupported(error.httpStatus());
            return;
        }
        // Back off, doubling, so an outage is not hammered; the server's Retry-After wins.
        m_delayMs = std::min(std::max(m_delayMs, m_intervalMs) * 2, kMaxBackoffMs);
        if (error.retryAfter().isValid())
            m_delayMs =
                int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(error.retryAfter()),
                                       m_intervalMs, kMaxBackoffMs));
        emit failed(error);
        schedule(m_delayMs);
        return;
    }
    const QByteArray *body = request->result<QByteArray>();
    m_store->ingestJson(
        body ? *body : QByteArray(), this,
        [this](const LogStore::PageInfo &info) {
            if (!info.ok) {
                m_delayMs = std::min(std::max(m_delayMs, m_intervalMs) * 2, kMaxBackoffMs);
                emit failed(ApiError(ApiError::Kind::Parse, info.error));
                return schedule(m_delayMs);
            }
            m_delayMs = m_intervalMs;
            if (!info.nextAfter.isEmpty())
                m_after = info.nextAfter;
            // A full page: more are waiting; fetch them at once after this one is stored.
            m_morePending = info.events >= 1000;
        },
        [this](const LogStore::PageInfo &info) {
            if (!info.ok)
                return;
            if (info.stats.added > 0)
                emit eventsArrived(info.stats.added);
            schedule(m_morePending ? 0 : m_delayMs);
        });
}

} // namespace plexe
