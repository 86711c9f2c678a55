#pragma once

#include "api/ApiKey.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace plexe {

class ApiKeyListLoader;
class Clock;
class JournalTableModel;
class RequestJournal;
class SessionManager;
class SessionRequest;

// What the Access Logs pane shows when the server has no access-log API (it answered the route
// with 403 or 404, as api.plexe.ai does today): a plain sentence saying so, each key's last use
// and usage counts, and the console's own journal of its requests in this profile.
class LogsFallbackView : public QWidget
{
    Q_OBJECT

public:
    // How many keys get their usage counts fetched (one request each): enough for any real
    // account, and well inside the 100 requests a minute the server allows.
    static constexpr int kMaxUsageRequests = 25;

    LogsFallbackView(const Clock *clock, QWidget *parent = nullptr);
    ~LogsFallbackView() override;

    // Fills the view for this session; `status` is what the logs route answered.
    void start(SessionManager *session, RequestJournal *journal, int status);
    // B17: every row goes, requests stop.
    void clear();
    void setUtc(bool utc);

    QTableView *keyTable() const { return m_keyTable; }
    QTableView *journalTable() const { return m_journalTable; }

signals:
    // "Check again": ask the server for access logs once more.
    void retryRequested();

private:
    void onKeys(const QList<ApiKey> &keys);
    void fetchNextUsage();
    void reloadJournal();
    void setUsage(int row, const ApiKey &key);

    const Clock *m_clock;
    QLabel *m_explanation;
    QLabel *m_keysStatus;
    QTableView *m_keyTable;
    QStandardItemModel *m_keys;
    QTableView *m_journalTable;
    JournalTableModel *m_journalModel;
    QLabel *m_journalCount;
    QPushButton *m_clearJournal;
    QTimer *m_journalReload;
    QPointer<SessionManager> m_session;
    QPointer<RequestJournal> m_journal;
    std::unique_ptr<ApiKeyListLoader> m_loader;
    QPointer<SessionRequest> m_usageRequest;
    QStringList m_usageQueue; // key ids still to ask for usage
    bool m_utc = false;
};

} // namespace plexe
