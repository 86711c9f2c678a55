#pragma once

#include "api/ApiError.h"
#include "api/Model.h"
#include "shell/Pane.h"

#include <QDateTime>
#include <QPair>
#include <QPointer>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class ModelsPane;
}

namespace plexe {

class Clock;
class MessageWidget;
class ModelDetailsPanel;
class ModelFilterProxy;
class ModelListLoader;
class ModelStatusPoller;
class ModelTableModel;
class SessionManager;
class SessionRequest;

// Models: every model of the account (all pages, loaded in the background), a status badge,
// status filter, search over names and intents, sort by any column, and the details of the
// selected model with its schemas and a sample call. Building models follow their status route
// (ModelStatusPoller) while the pane is shown; their rows change in place. Errors go to the
// pane's banner with Retry, a 429 counts down, and offline keeps the last list "as of HH:MM".
class ModelsPane : public Pane
{
    Q_OBJECT

public:
    explicit ModelsPane(const Clock *clock, QWidget *parent = nullptr);
    ~ModelsPane() override;

    QString title() const override;
    void activateSession(const PaneContext &context) override;
    void refresh() override { reload(); }
    void focusSearch() override;
    void dropSessionData() override;
    QVariantMap saveState() const override;
    void restoreState(const QVariantMap &state) override;

    std::optional<Model> selectedModel() const;
    MessageWidget *banner() const { return m_banner; }
    ModelStatusPoller *poller() const { return m_poller; }
    ModelDetailsPanel *details() const { return m_details; }

public slots:
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    using Key = QPair<QString, QString>; // model_name, model_version

    void retireLoader();
    void onLoaded(const QList<Model> &models, bool complete);
    void onLoadFailed(const ApiError &error);
    void onStatus(const ModelStatus &status);
    void showContent();
    void updateCount();
    void showDetails();
    void loadDetails(const Model &model);
    void selectModel(const Key &key);
    void showError(const ApiError &error, const QString &what, std::function<void()> retry);
    void updatePolling();
    void resetView();

    std::unique_ptr<Ui::ModelsPane> m_ui;
    const Clock *m_clock;
    MessageWidget *m_banner;
    ModelTableModel *m_model;
    ModelFilterProxy *m_proxy;
    ModelDetailsPanel *m_details;
    ModelStatusPoller *m_poller;
    QPointer<SessionManager> m_session;
    std::unique_ptr<ModelListLoader> m_loader;
    QPointer<SessionRequest> m_detailsRequest;
    Key m_detailsKey;     // whose details the panel shows or loads
    Key m_selected;       // kept across reloads and the idle-timeout resume
    QDateTime m_loadedAt; // when the rows were fetched ("showing data as of HH:MM")
    bool m_loaded = false;
    bool m_offline = false;
    QVariantMap m_parked; // the view at the end of a session, for the same account's resume
};

} // namespace plexe
