#pragma once

#include "api/ApiError.h"
#include "logs/LogExporter.h"
#include "logs/LogQuery.h"
#include "logs/QueryEngine.h"
#include "shell/Pane.h"

#include <QDateTime>
#include <QPointer>
#include <QVariantMap>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace plexe {

class ActivityChart;
class Clock;
class LogExportControl;
class LogFilterBar;
class LogLoader;
class LogStore;
class LogTableModel;
class LogTableView;
class LogTail;
class LogsFallbackView;
class MessageWidget;
class RequestJournal;
class SessionManager;

// Access Logs: every event of the account loaded into memory (LogStore) in the background, the
// filter row (every filter combines; those the server can apply go with the load, the rest run
// locally, and a line says which), the chart above the table, a QTableView over the query
// result (no proxy model), sort by column, copy row, local/UTC, live tail with Pause and an
// "N new" badge, and export of exactly the rows shown. A server without the access-log route
// gets the fallback view (key usage and the console's own request journal). Loading starts the
// first time the pane is shown; the tail never polls while the pane is hidden.
class AccessLogsPane : public Pane
{
    Q_OBJECT

public:
    explicit AccessLogsPane(const Clock *clock, QWidget *parent = nullptr);
    ~AccessLogsPane() override;

    QString title() const override;
    void activateSession(const PaneContext &context) override;
    void refresh() override;
    void focusSearch() override;
    void dropSessionData() override;
    QVariantMap saveState() const override;
    void restoreState(const QVariantMap &state) override;

    // "View activity" from the API Keys pane: every event of this key.
    void showKeyActivity(const QString &keyId);
    // Writes the rows shown to `path` (the Export menu's save dialog ends here).
    void exportTo(const QString &path, LogExporter::Format format);

    MessageWidget *banner() const { return m_banner; }
    LogTableModel *model() const { return m_model; }
    LogStore *store() const { return m_store; }
    LogFilterBar *filterBar() const { return m_filters; }
    ActivityChart *chart() const { return m_chart; }
    LogsFallbackView *fallbackView() const { return m_fallback; }
    // The query the shown rows answer (filters and sort).
    const LogQuery &currentQuery() const { return m_query; }
    bool isLoading() const;
    const LogLoader *loader() const { return m_loader.get(); }
    bool isShowingFallback() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildToolbar();
    void buildTable();
    void setKeyboardOrder();
    void applyFilters();
    void startLoad();
    void catchUp();
    void updateEmptyText();
    void runQuery();
    bool loadCovers(const LogQuery &query) const;
    void onResult(const LogQueryResultPtr &result);
    void onLoadFinished(bool complete);
    void onLoadFailed(const ApiError &error);
    void showFallback(int status);
    void setLive(bool live);
    void updateTail();
    void onRowsPrepended(int count);
    void addNewRows(int count);
    void hideNewBadge();
    void updateCount();
    void updateFilterLine();
    void updateControls();
    void setUtc(bool utc);

    const Clock *m_clock;
    MessageWidget *m_banner;
    LogFilterBar *m_filters;
    ActivityChart *m_chart;
    QLabel *m_countLabel;
    QLabel *m_filterLine;
    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    QPushButton *m_stop;
    QComboBox *m_zone;
    QToolButton *m_live;
    QToolButton *m_pause;
    QPushButton *m_newBadge;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    LogsFallbackView *m_fallback;
    QTimer *m_requery;

    LogStore *m_store;
    QueryEngine *m_engine;
    LogTableModel *m_model;
    LogTableView *m_table;
    LogExportControl *m_export;
    std::unique_ptr<LogLoader> m_loader;
    std::unique_ptr<LogTail> m_tail;

    QPointer<SessionManager> m_session;
    QPointer<RequestJournal> m_journal;
    LogQuery m_query;       // filters as of their last change, plus the sort order
    LogQuery m_loadedQuery; // the server-side part the store's rows were loaded with
    LogQuery::Fields m_serverFields;
    bool m_hasLoad = false;            // the store holds (or is receiving) a load for m_loadedQuery
    bool m_loadComplete = false;       // ... and it holds every page of that load
    bool m_catchUpNext = false;        // refresh(): fetch only what is newer than the rows held
    bool m_loadFailed = false;         // the last load or catch-up failed (the banner says why)
    QDateTime m_loadedAt;              // when the store last caught up with the server
    bool m_needsLoad = false;          // a session began while the pane was hidden
    bool m_prepended = false;          // the last setResult() inserted rows at the top
    bool m_restarting = false;         // startLoad() clears the store, which stops the loader
    bool m_waitingOnRateLimit = false; // the banner counts down a 429
    int m_newCount = 0;
    QVariantMap m_parked; // the filters at the end of a session, for the same account's resume
};

} // namespace plexe
