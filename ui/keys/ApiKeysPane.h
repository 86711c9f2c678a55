#pragma once

#include "api/ApiError.h"
#include "api/ApiKey.h"
#include "shell/Pane.h"

#include <QDateTime>
#include <QPointer>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class ApiKeysPane;
}

namespace plexe {

class ApiKeyFilterProxy;
class ApiKeyListLoader;
class ApiKeyTableModel;
class Clock;
class MessageWidget;
class SessionManager;
class SessionRequest;

// API Keys: every key of the account (all pages), the Show filter, search and sort, a details
// panel with usage, and the changing actions — Revoke (with a confirmation naming account,
// profile and key, C23) and Edit here; Create and Rotate are asked of the window, which owns
// those dialogs. A read-only API-key session sees the list with the changing actions disabled.
class ApiKeysPane : public Pane
{
    Q_OBJECT

public:
    explicit ApiKeysPane(const Clock *clock, QWidget *parent = nullptr);
    ~ApiKeysPane() override;

    QString title() const override;
    void activateSession(const PaneContext &context) override;
    void refresh() override { reload(); }
    void focusSearch() override;
    void dropSessionData() override;
    QVariantMap saveState() const override;
    void restoreState(const QVariantMap &state) override;

    // The key selected in the table, if any.
    std::optional<ApiKey> selectedKey() const;
    MessageWidget *banner() const { return m_banner; }
    // The scheduled revocations' reminder (KeyActions): a banner of its own, which the list's
    // loading does not hide; the end of the session does.
    MessageWidget *reminderBanner() const { return m_reminder; }

public slots:
    // A key was created (or a rotation made one): show and select its row.
    void keyCreated(const plexe::ApiKey &key);
    // Fetches the whole list again (after a rotation, or F5).
    void reload();

signals:
    void createRequested();
    void rotateRequested(const plexe::ApiKey &key);
    // "View activity" (button or context menu): the window shows Access Logs for this key.
    void viewActivityRequested(const QString &keyId);

private:
    void retireLoader();
    void onLoaded(const QList<ApiKey> &keys, bool complete);
    void onLoadFailed(const ApiError &error);
    void showContent();
    void updateCount();
    void updateActions();
    void showDetails();
    void loadUsage(const QString &keyId);
    void selectKey(const QString &keyId);
    void askRevoke();
    void revoke(const ApiKey &key);
    void openEdit();
    void viewActivity();
    void showContextMenu(const QPoint &position);
    void showError(const ApiError &error, const QString &what, std::function<void()> retry);
    void setReadOnly(bool readOnly);
    bool signedInWithReadOnlyKey() const;
    void resetView();
    bool canChange() const;

    std::unique_ptr<Ui::ApiKeysPane> m_ui;
    const Clock *m_clock;
    MessageWidget *m_banner;
    MessageWidget *m_reminder;
    ApiKeyTableModel *m_model;
    ApiKeyFilterProxy *m_proxy;
    QPointer<SessionManager> m_session;
    QString m_profile;
    QString m_account;
    std::unique_ptr<ApiKeyListLoader> m_loader;
    QPointer<SessionRequest> m_usageRequest;
    QString m_selectedId; // kept across reloads and the idle-timeout resume
    QDateTime m_loadedAt; // when the rows were fetched ("showing data as of HH:MM")
    bool m_loaded = false;
    bool m_offline = false;
    bool m_readOnly = false;
    // The view (filter, search, selection) at the end of a session, for the same account's
    // resume; the rows themselves are gone (B17).
    QVariantMap m_parked;
};

} // namespace plexe
