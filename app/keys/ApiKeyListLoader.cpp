#include "keys/ApiKeyListLoader.h"

#include "api/ApiClient.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"

namespace plexe {

ApiKeyListLoader::ApiKeyListLoader(SessionManager *session, QObject *parent)
    : QObject(parent), m_session(session)
{}

ApiKeyListLoader::~ApiKeyListLoader()
{
    if (m_request) {
        m_request->disconnect(this); // its finished() must not reach a destroyed loader
        m_request->cancel();
    }
}

void ApiKeyListLoader::start()
{
    m_keys.clear();
    m_running = true;
    emit progress(0, -1);
    fetch();
}

void ApiKeyListLoader::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    emit finished(m_keys, false);
}

void ApiKeyListLoader::fetch()
{
    if (!m_session || !m_session->isSignedIn()) {
        m_running = false;
        emit failed(ApiError(ApiError::Kind::Cancelled, tr("Not signed in.")));
        return;
    }
    const int offset = int(m_keys.size());
    // No status parameter: the Show filter works on all keys locally, without a new fetch.
    m_request = m_session->run(
        [offset](ApiClient &c) { return c.listApiKeys(QString(), kPageSize, offset); });
    SessionRequest *request = m_request;
    connect(request, &SessionRequest::rateLimited, this, &ApiKeyListLoader::rateLimited);
    connect(request, &SessionRequest::finished, this, [this, request] { onPage(request); });
}

void ApiKeyListLoader::onPage(SessionRequest *request)
{
    if (!m_running)
        return;
    if (!request->isOk()) {
        m_running = false;
        emit failed(request->error());
        return;
    }
    const ApiKeyPage *page = request->result<ApiKeyPage>();
    const QList<ApiKey> keys = page ? page->keys : QList<ApiKey>();
    m_keys += keys;
    const Pagination pagination = page ? page->pagination : Pagination();
    emit progress(int(m_keys.size()), pagination.total);
    // An answer without pagination is the whole list (contract §3 tolerance); an empty page
    // ends it too, so that a server that always says has_more cannot keep us looping.
    const bool more = pagination.present && pagination.hasMore && !keys.isEmpty();
    if (more) {
        fetch();
        return;
    }
    m_running = false;
    emit finished(m_keys, true);
}

} // namespace plexe
