#include "session/PagedListLoader.h"

#include "session/SessionManager.h"

namespace plexe {

PagedListLoader::PagedListLoader(SessionManager *session, QObject *parent)
    : QObject(parent), m_session(session)
{}

PagedListLoader::~PagedListLoader()
{
    if (m_request) {
        m_request->disconnect(this); // its finished() must not reach a destroyed loader
        m_request->cancel();
    }
}

void PagedListLoader::start()
{
    clearItems();
    m_pages = 0;
    m_running = true;
    emit progress(0, -1);
    fetch();
}

void PagedListLoader::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    finish(false);
}

void PagedListLoader::fetch()
{
    if (!m_session || !m_session->isSignedIn()) {
        m_running = false;
        emit failed(ApiError(ApiError::Kind::Cancelled, tr("Not signed in.")));
        return;
    }
    m_request = m_session->run(pageRequest(loadedCount()));
    SessionRequest *request = m_request;
    connect(request, &SessionRequest::rateLimited, this, &PagedListLoader::rateLimited);
    connect(request, &SessionRequest::finished, this, [this, request] { onPage(request); });
}

void PagedListLoader::onPage(SessionRequest *request)
{
    if (!m_running)
        return;
    if (!request->isOk()) {
        m_running = false;
        emit failed(request->error());
        return;
    }
    ++m_pages;
    const int before = loadedCount();
    const Pagination pagination = keepPage(request);
    emit progress(loadedCount(), pagination.present ? pagination.total : -1);
    const bool more = pagination.present && pagination.hasMore && loadedCount() > before;
    if (more && m_pages < kMaxPages) {
        fetch();
        return;
    }
    m_running = false;
    finish(!more);
}

} // namespace plexe
