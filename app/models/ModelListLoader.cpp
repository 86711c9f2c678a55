#include "models/ModelListLoader.h"

#include "api/ApiClient.h"

namespace plexe {

SessionRequest::Factory ModelListLoader::pageRequest(int offset) const
{
    // No status parameter: the filter works on every model locally (and on both vocabularies,
    // which a server-side filter would not).
    return [offset](ApiClient &c) {
        return c.listModels(kPageSize, offset);
    };
}

Pagination ModelListLoader::keepPage(SessionRequest *request)
{
    const ModelPage *page = request->result<ModelPage>();
    if (!page)
        return Pagination();
    m_models += page->models;
    return page->pagination;
}

} // namespace plexe
