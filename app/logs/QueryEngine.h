#pragma once

#include "logs/LogHistogram.h"
#include "logs/LogQuery.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace plexe {

class LogStore;
class LogTable;

// The answer to one LogQuery: the matching rows of `table` in the query's sort order, and the
// chart's histogram over the query's time range (or the matches' span when it is open).
struct LogQueryResult
{
    quint64 generation = 0;
    LogQuery query;
    std::shared_ptr<const LogTable> table; // the rows below refer to it; kept alive by this
    std::vector<quint32> rows;             // table row numbers, in display order
    quint32 scanned = 0;                   // the table's size when the query ran
    LogHistogram histogram;
    qint64 elapsedUs = 0;
};
using LogQueryResultPtr = std::shared_ptr<const LogQueryResult>;

// Runs queries over the store's table on one worker thread; never blocks the GUI thread.
// A newer run() makes the older one stale: the worker checks the generation inside its loops and
// drops it, and only the newest result is delivered. resultReady() comes on the GUI thread.
class QueryEngine : public QObject
{
    Q_OBJECT

public:
    explicit QueryEngine(LogStore *store, QObject *parent = nullptr);
    ~QueryEngine() override; // cancels, then waits for the worker (a stale query stops quickly)

    // Starts `query` over the current table; returns its generation.
    quint64 run(const LogQuery &query);
    // Makes the query in flight stale; nothing is delivered for it.
    void cancel();
    bool isRunning() const { return m_running > 0; }
    quint64 generation() const { return m_generation.load(); }
    LogQueryResultPtr lastResult() const { return m_last; }

    // The evaluation itself, synchronous, any thread (tests, the benchmark). Returns nothing when
    // `*current` moved away from `generation` while it ran (a newer query).
    static std::optional<LogQueryResult> evaluate(const std::shared_ptr<const LogTable> &table,
                                                  const LogQuery &query,
                                                  const std::atomic<quint64> *current = nullptr,
                                                  quint64 generation = 0);

signals:
    void resultReady(plexe::LogQueryResultPtr result);
    // A query was dropped because a newer one started (for tests and a busy indicator).
    void queryCancelled(quint64 generation);

private:
    void deliver(quint64 generation, std::shared_ptr<LogQueryResult> result);

    QPointer<LogStore> m_store;
    QThreadPool m_pool;
    std::atomic<quint64> m_generation{0};
    int m_running = 0; // GUI thread
    LogQueryResultPtr m_last;
};

} // namespace plexe

Q_DECLARE_METATYPE(plexe::LogQueryResultPtr)
