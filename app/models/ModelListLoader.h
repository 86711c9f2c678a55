#pragma once

#include "api/Model.h"
#include "session/PagedListLoader.h"

#include <QList>

namespace plexe {

// Every model of the account, page after page; a bare-array answer or one without `pagination`
// is the whole list (contract §3 tolerance). See PagedListLoader for progress, stop() and the
// end of the list.
class ModelListLoader : public PagedListLoader
{
    Q_OBJECT

public:
    explicit ModelListLoader(SessionManager *session, QObject *parent = nullptr)
        : PagedListLoader(session, parent)
    {}

signals:
    void finished(const QList<plexe::Model> &models, bool complete);

private:
    SessionRequest::Factory pageRequest(int offset) const override;
    Pagination keepPage(SessionRequest *request) override;
    int loadedCount() const override { return int(m_models.size()); }
    void clearItems() override { m_models.clear(); }
    void finish(bool complete) override { emit finished(m_models, complete); }

    QList<Model> m_models;
};

} // namespace plexe
