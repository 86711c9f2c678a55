#pragma once

#include "api/AccessLogFilters.h"
#include "api/ApiError.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <memory>

namespace plexe {

class LogStore;
class SessionManager;
class SessionRequest;

// Loads every page of GET /auth/access-logs (newest first, kPageSize a page) into the store,
// through the session (refresh on 401). The network stays on the GUI thread; each page's JSON
// bytes are parsed, decoded and ingested on the store's ingest thread (LogStore::ingestJson),
// which hands the next cursor back first, so the next page is on the wire while the previous one
// is ingested.
// Ends with exactly one of finished(), unsupported() or failed(); stop() ends it with
// finished(false). Duplicate rows (a tail racing the load) are skipped by the store.
class LogLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 1000;

    LogLoader(SessionManager *session, LogStore *store, QObject *parent = nullptr);
    ~LogLoader() override;

    // Everything: every page. NewerThanHeld: the store already holds a complete load with the
    // same filters, and the log only grows, so the load ends (complete) after the first page
    // that brings an event the store already has: everything older is held too.
    enum class Mode { Everything, NewerThanHeld };

    // Starts loading with these server-side filters (see LogQuery::serverFilters); a load
    // already running is stopped first (without its finished()).
    void start(const AccessLogFilters &filters = {}, Mode mode = Mode::Everything);
    // Drops the page in flight; finished(false) reports what was loaded.
    void stop();
    bool isRunning() const { return m_running; }
    const AccessLogFilters &filters() const { return m_filters; }
    // Events received so far in this load (duplicates included) and pages done.
    quint64 eventsLoaded() const { return m_events; }
    int pagesLoaded() const { return m_pages; }

signals:
    // After each ingested page: events received in this load, and rows added to the store.
    void progress(quint64 eventsLoaded, quint64 rowsAdded);
    void rateLimited(const QDateTime &deadline);
    // `complete`: every page was read (false after stop()).
    void finished(bool complete);
    // The server answered the route with 403/404: it has no access-log API (the fallback).
    void unsupported(int httpStatus);
    // Anything else (401 after refresh, 429 beyond waiting, offline, a bad page): ApiError.
    void failed(const plexe::ApiError &error);

private:
    void fetch(const QString &cursor);
    void onPage(SessionRequest *request);
    void finishIfDone();
    void fail(const ApiError &error);
    void endComplete();

    QPointer<SessionManager> m_session;
    QPointer<LogStore> m_store;
    QPointer<SessionRequest> m_request;
    AccessLogFilters m_filters;
    Mode m_mode = Mode::Everything;
    QString m_lastCursor; // the cursor of the page being handed to the store
    quint64 m_load = 0;   // bumped per start()/stop(): results of an older load are ignored
    bool m_running = false;
    bool m_lastPageSeen = false;
    int m_pagesInWorker = 0;
    quint64 m_events = 0;
    quint64 m_added = 0;
    int m_pages = 0;
};

} // namespace plexe
