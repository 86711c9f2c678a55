#include "models/ModelListLoader.h"

#include "api/ApiClient.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"

namespace plexe {

ModelListLoader::ModelListLoader(SessionManager *session, QObject *parent)
    : QObject(parent), m_session(session)
{}

ModelListLoader::~ModelListLoader()
{
    if (m_request) {
        m_request->disconnect(this); // its finished() must not reach a destroyed loader
        m_request->cancel();
    }
}

void ModelListLoader::start()
{
    m_models.clear();
    m_pages = 0;
    m_running = true;
    emit progress(0, -1);
    fetch();
}

void ModelListLoader::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
    emit finished(m_models, false);
}

void ModelListLoader::fetch()
{
    if (!m_session || !m_session->isSignedIn()) {
        m_running = false;
        emit failed(ApiError(ApiError::Kind::Cancelled, tr("Not signed in.")));
        return;
    }
    const int offset = int(m_models.size());
    // No status parameter: the filter works on every model locally (and on both vocabularies,
    // which a server-side filter would not).
    m_request = m_session->run([offset](ApiClient &c) { return c.listModels(kPageSize, offset); });
    SessionRequest *request = m_request;
    connect(request, &SessionRequest::rateLimited, this, &ModelListLoader::rateLimited);
    connect(request, &SessionRequest::finished, this, [this, request] { onPage(request); });
}

void ModelListLoader::onPage(SessionRequest *request)
{
    if (!m_running)
        return;
    if (!request->isOk()) {
        m_running = false;
        emit failed(request->error());
        return;
    }
    ++m_pages;
    const ModelPage *page = request->result<ModelPage>();
    const QList<Model> models = page ? page->models : QList<Model>();
    m_models += models;
    const Pagination pagination = page ? page->pagination : Pagination();
    emit progress(int(m_models.size()), pagination.present ? pagination.total : -1);
    // Without pagination the answer is the whole list; an empty page ends it too.
    const bool more = pagination.present && pagination.hasMore && !models.isEmpty();
    if (more && m_pages < kMaxPages) {
        fetch();
        return;
    }
    m_running = false;
    emit finished(m_models, !more);
}

} // namespace plexe
