#pragma once

#include "api/ApiKey.h"
#include "session/PagedListLoader.h"

#include <QList>

namespace plexe {

// Every API key of the account, page after page (the server gives at most 100 a page); see
// PagedListLoader for progress, stop() and the end of the list.
class ApiKeyListLoader : public PagedListLoader
{
    Q_OBJECT

public:
    explicit ApiKeyListLoader(SessionManager *session, QObject *parent = nullptr)
        : PagedListLoader(session, parent)
    {}

signals:
    void finished(const QList<plexe::ApiKey> &keys, bool complete);

private:
    SessionRequest::Factory pageRequest(int offset) const override;
    Pagination keepPage(SessionRequest *request) override;
    int loadedCount() const override { return int(m_keys.size()); }
    void clearItems() override { m_keys.clear(); }
    void finish(bool complete) override { emit finished(m_keys, complete); }

    QList<ApiKey> m_keys;
};

} // namespace plexe
