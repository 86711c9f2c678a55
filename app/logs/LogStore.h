#pragma once

#include "api/AccessLogPage.h"
#include "logs/LogTable.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace plexe {

// The access events of the signed-in session: owns the current LogTable and says when rows
// arrive or everything is dropped. Lives on the GUI thread; ingest() may be called from a
// worker (the table is thread-safe, the signals reach the GUI thread queued).
// End of session (B17): clear() replaces the table with an empty one and emits cleared(); the
// old rows are freed as soon as the last worker or model holding them lets go.
class LogStore : public QObject
{
    Q_OBJECT

public:
    explicit LogStore(QObject *parent = nullptr);
    ~LogStore() override;

    // The current table, for a worker or a model to hold while it reads.
    std::shared_ptr<LogTable> table() const;
    quint32 size() const;
    // Bumped by clear(): work started on an older epoch is stale.
    quint64 epoch() const;

    // Any thread: appends into the table of `epoch` (skipping duplicates) unless the store has
    // been cleared since; then rowsAdded() follows on the GUI thread. Returns the rows added.
    LogTable::AppendStats ingest(const QList<AccessEvent> &events, quint64 epoch);

    // What the ingest thread made of one raw page.
    struct PageInfo
    {
        bool ok = false;
        QString error;      // why the page was refused (not JSON, not the contract's shape)
        QString nextCursor; // empty on the last page
        QString nextAfter;  // a tail answer's next_after, when the server sent one
        int events = 0;     // events in the page
        LogTable::AppendStats stats;
    };
    // GUI thread: parses and decodes the JSON bytes of an access-log page and ingests it, on the
    // store's one ingest thread (pages are ingested in the order given). `parsed` runs on the GUI
    // thread as soon as the JSON is read (with the cursors, so the next page can be fetched
    // while this one is ingested), `ingested` once its rows are in the table; neither runs after
    // `context` is destroyed, nor when the store was cleared meanwhile.
    void ingestJson(QByteArray json, QObject *context, std::function<void(const PageInfo &)> parsed,
                    std::function<void(const PageInfo &)> ingested);
    // Pages handed to ingestJson() and not ingested yet.
    int pendingPages() const { return m_pending; }

    // GUI thread: drops every row (B17) and emits cleared().
    void clear();

signals:
    // GUI thread, after an ingest added rows: `total` is the table's size afterwards.
    void rowsAdded(quint32 added, quint32 total);
    void cleared();

private:
    mutable QMutex m_mutex; // guards m_table and m_epoch (a pointer swap)
    std::shared_ptr<LogTable> m_table;
    quint64 m_epoch = 1;
    QThreadPool m_ingest; // one thread
    int m_pending = 0;
};

} // namespace plexe
