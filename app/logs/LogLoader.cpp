#include "logs/LogLoader.h"

#include "api/ApiClient.h"
#include "logs/LogStore.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"

namespace plexe {

namespace {

// The server has no access-log API (the real api.plexe.ai today): 403/404 on the route, other
// than a step-up request (which the session handles).
bool routeMissing(const ApiError &e)
{
    return e.kind() == ApiError::Kind::Http && (e.httpStatus() == 403 || e.httpStatus() == 404) &&
           !e.needsReauthentication();
}

} // namespace

LogLoader::LogLoader(SessionManager *session, LogStore *store, QObject *parent)
    : QObject(parent), m_session(session), m_store(store)
{
    // End of session (B17): the store drops its rows; a load still running has nothing to add.
    connect(store, &LogStore::cleared, this, [this] {
        if (m_running)
            stop();
    });
}

LogLoader::~LogLoader()
{
    if (m_request) {
        m_request->disconnect(this); // its finished() must not reach a destroyed loader
        m_request->cancel();
    }
}

void LogLoader::start(const AccessLogFilters &filters, Mode mode)
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    ++m_load; // pages of an earlier load still in the ingest queue are ignored
    m_filters = filters;
    m_mode = mode;
    m_running = true;
    m_lastPageSeen = false;
    m_pagesInWorker = 0;
    m_events = 0;
    m_added = 0;
    m_pages = 0;
    emit progress(0, 0);
    fetch(QString());
}

void LogLoader::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_load;
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    emit finished(false);
}

void LogLoader::fetch(const QString &cursor)
{
    if (!m_session || !m_session->isSignedIn() || !m_store)
        return fail(ApiError(ApiError::Kind::Cancelled, tr("Not signed in.")));
    const AccessLogFilters filters = m_filters;
    m_request = m_session->run([filters, cursor](ApiClient &c) {
        return c.listAccessLogs(filters, cursor, kPageSize, /*rawBody=*/true);
    });
    SessionRequest *request = m_request;
    connect(request, &SessionRequest::rateLimited, this, &LogLoader::rateLimited);
    connect(request, &SessionRequest::finished, this, [this, request, cursor] {
        m_lastCursor = cursor;
        onPage(request);
    });
}

void LogLoader::onPage(SessionRequest *request)
{
    if (!m_running)
        return;
    if (!request->isOk()) {
        const ApiError error = request->error();
        if (routeMissing(error)) {
            m_running = false;
            ++m_load;
            emit unsupported(error.httpStatus());
            return;
        }
        return fail(error);
    }
    const QByteArray *body = request->result<QByteArray>();
    const quint64 load = m_load;
    const QString usedCursor = m_lastCursor;
    ++m_pagesInWorker;
    m_store->ingestJson(
        body ? *body : QByteArray(), this,
        [this, load, usedCursor](const LogStore::PageInfo &info) {
            if (load != m_load || !m_running)
                return;
            if (!info.ok) {
                ApiError e(ApiError::Kind::Parse, info.error);
                return fail(e);
            }
            // An empty page with a cursor is a bounded server scan (q): go on. The same cursor
            // again would loop forever: that ends the load.
            if (info.nextCursor.isEmpty() || info.nextCursor == usedCursor)
                m_lastPageSeen = true;
            else
                fetch(info.nextCursor);
        },
        [this, load](const LogStore::PageInfo &info) {
            if (load != m_load)
                return;
            --m_pagesInWorker;
            if (!m_running)
                return;
            m_events += quint64(info.events);
            m_added += info.stats.added;
            ++m_pages;
            emit progress(m_events, m_added);
            if (m_mode == Mode::NewerThanHeld && info.stats.added < quint32(info.events))
                return endComplete(); // reached what the store holds
            finishIfDone();
        });
}

void LogLoader::finishIfDone()
{
    if (!m_running || !m_lastPageSeen || m_pagesInWorker > 0)
        return;
    m_running = false;
    emit finished(true);
}

void LogLoader::endComplete()
{
    m_running = false;
    ++m_load; // a next page already in flight or in the ingest queue is not needed
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    emit finished(true);
}

void LogLoader::fail(const ApiError &error)
{
    m_running = false;
    ++m_load;
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    emit failed(error);
}

} // namespace plexe
