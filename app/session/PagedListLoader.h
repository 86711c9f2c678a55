#pragma once

#include "api/ApiError.h"
#include "api/Pagination.h"
#include "session/SessionRequest.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace plexe {

class SessionManager;

// Fetches every page of an offset-paged list route (API keys, models) through the session
// (refresh on 401), reporting progress; stop() ends it with what it has. An answer without
// `pagination` is the whole list (contract §3 tolerance); an empty page, or kMaxPages pages, end
// it too, so that a server that always says has_more cannot keep us looping. A subclass says how
// to ask for a page and keeps the items; its typed finished(items, complete) comes from
// finish(). Emits exactly one of finished or failed(), then is done (the owner deletes it).
class PagedListLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100;
    static constexpr int kMaxPages = 1000;

    ~PagedListLoader() override;

    void start();
    // Drops the page in flight; finished reports the items loaded so far, `complete` false.
    void stop();
    bool isRunning() const { return m_running; }
    int pagesFetched() const { return m_pages; }

signals:
    // `total` is -1 while the server has not said.
    void progress(int loaded, qint64 total);
    void rateLimited(const QDateTime &deadline);
    void failed(const plexe::ApiError &error);

protected:
    PagedListLoader(SessionManager *session, QObject *parent);

    // The request for the page at `offset` (kPageSize items).
    virtual SessionRequest::Factory pageRequest(int offset) const = 0;
    // Appends the items of a successful answer and returns its pagination.
    virtual Pagination keepPage(SessionRequest *request) = 0;
    virtual int loadedCount() const = 0;
    virtual void clearItems() = 0;
    // Emits the subclass's finished(items, complete).
    virtual void finish(bool complete) = 0;

private:
    void fetch();
    void onPage(SessionRequest *request);

    QPointer<SessionManager> m_session;
    QPointer<SessionRequest> m_request;
    int m_pages = 0;
    bool m_running = false;
};

} // namespace plexe
