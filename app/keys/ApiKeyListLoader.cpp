#include "keys/ApiKeyListLoader.h"

#include "api/ApiClient.h"

namespace plexe {

SessionRequest::Factory ApiKeyListLoader::pageRequest(int offset) const
{
    // No status parameter: the Show filter works on all keys locally, without a new fetch.
    return [offset](ApiClient &c) {
        return c.listApiKeys(QString(), kPageSize, offset);
    };
}

Pagination ApiKeyListLoader::keepPage(SessionRequest *request)
{
    const ApiKeyPage *page = request->result<ApiKeyPage>();
    if (!page)
        return Pagination();
    m_keys += page->keys;
    return page->pagination;
}

} // namespace plexe
