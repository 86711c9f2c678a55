#include "models/ModelsPane.h"

#include "api/ApiClient.h"
#include "common/MessageWidget.h"
#include "common/OfflineBanner.h"
#include "models/ModelDetailsPanel.h"
#include "models/ModelFilterProxy.h"
#include "models/ModelListLoader.h"
#include "models/ModelStatusPoller.h"
#include "models/ModelStatusText.h"
#include "models/ModelTableModel.h"
#include "models/StatusBadgeDelegate.h"
#include "session/Clock.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"
#include "ui_ModelsPane.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLocale>
#include <QTimer>

namespace plexe {

namespace {

enum Page { LoadingPage, EmptyPage, TablePage };

const QString kFilterKey = QStringLiteral("filter");
const QString kSearchKey = QStringLiteral("search");
const QString kSelectedNameKey = QStringLiteral("selectedName");
const QString kSelectedVersionKey = QStringLiteral("selectedVersion");

} // namespace

ModelsPane::ModelsPane(const Clock *clock, QWidget *parent)
    : Pane(parent), m_ui(std::make_unique<Ui::ModelsPane>()), m_clock(clock),
      m_model(new ModelTableModel(clock, this)), m_proxy(new ModelFilterProxy(this)),
      m_details(new ModelDetailsPanel), m_poller(new ModelStatusPoller(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("modelsPane"));
    QFont font = m_ui->modelHeading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_ui->modelHeading->setFont(font);
    QFont emptyFont = m_ui->modelEmptyTitle->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    emptyFont.setBold(true);
    m_ui->modelEmptyTitle->setFont(emptyFont);
    // Opening the pane puts the cursor in the search field, not on a row the user did not pick.
    setFocusProxy(m_ui->modelSearchEdit);
    m_banner = new MessageWidget(this, clock);
    m_banner->setObjectName(QStringLiteral("modelsMessage"));
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_banner);
    m_ui->modelSplitter->addWidget(m_details);
    m_ui->modelSplitter->setStretchFactor(0, 1);
    m_ui->modelSplitter->setStretchFactor(1, 1);
    m_ui->modelSplitter->setSizes({250, 370});

    m_proxy->setSourceModel(m_model);
    QTableView *table = m_ui->modelTable;
    table->setModel(m_proxy);
    table->setItemDelegateForColumn(ModelTableModel::Status, new StatusBadgeDelegate(table));
    table->verticalHeader()->hide();
    table->setCornerButtonEnabled(false);
    for (QAbstractButton *corner : table->findChildren<QAbstractButton *>()) {
        corner->setObjectName(QStringLiteral("modelTableCornerButton"));
        corner->setAccessibleName(tr("Select all models"));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->setColumnWidth(ModelTableModel::Name, 240);
    table->setColumnWidth(ModelTableModel::Version, 70);
    table->setColumnWidth(ModelTableModel::Status, 150);
    table->setColumnWidth(ModelTableModel::Deployment, 120);
    table->setColumnWidth(ModelTableModel::Created, 120);
    table->sortByColumn(ModelTableModel::Created, Qt::DescendingOrder);

    connect(m_ui->modelRefreshButton, &QPushButton::clicked, this, &ModelsPane::reload);
    connect(m_ui->modelStopButton, &QPushButton::clicked, this, [this] {
        if (m_loader)
            m_loader->stop();
    });
    connect(m_ui->modelSearchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
    });
    connect(m_ui->modelStatusCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setStatusFilter(ModelFilterProxy::StatusFilter(index));
        updateCount();
    });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (const std::optional<Model> model = selectedModel())
            m_selected = Key(model->modelName, model->modelVersion);
        showDetails();
    });
    // Tabbing into the table makes a row current without selecting it: select it, so that the
    // keyboard user sees its details.
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                QItemSelectionModel *selection = m_ui->modelTable->selectionModel();
                if (current.isValid() && !selection->isRowSelected(current.row()))
                    selection->select(current, QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
            });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ModelsPane::showDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ModelsPane::showDetails);
    connect(m_poller, &ModelStatusPoller::statusReceived, this, &ModelsPane::onStatus);
    connect(m_poller, &ModelStatusPoller::settled, this,
            [this](const QString &name, const QString &version) {
                // A settled build has an endpoint and metrics now: fetch the details again.
                const int row = m_model->rowOf(name, version);
                if (row >= 0 && m_detailsKey == Key(name, version))
                    loadDetails(m_model->model(row));
            });
    connect(m_details, &ModelDetailsPanel::copied, this, [this](const QString &what) {
        m_banner->showMessage(tr("Copied the %1 to the clipboard.").arg(what),
                              MessageWidget::Kind::Positive);
    });

    // "3 min ago" moves on while the pane is open.
    auto *tick = new QTimer(this);
    tick->setInterval(std::chrono::minutes(1));
    connect(tick, &QTimer::timeout, m_model, &ModelTableModel::timePassed);
    tick->start();

    resetView();
}

ModelsPane::~ModelsPane() = default;

QString ModelsPane::title() const
{
    return tr("Models");
}

void ModelsPane::activateSession(const PaneContext &context)
{
    dropSessionData();
    m_parked.clear();
    resetView();
    m_session = context.session;
    m_poller->setSession(context.session);
    reload();
}

void ModelsPane::resetView()
{
    const QSignalBlocker blockSearch(m_ui->modelSearchEdit);
    const QSignalBlocker blockCombo(m_ui->modelStatusCombo);
    m_ui->modelSearchEdit->clear();
    m_ui->modelStatusCombo->setCurrentIndex(int(ModelFilterProxy::StatusFilter::All));
    m_proxy->setSearchText(QString());
    m_proxy->setStatusFilter(ModelFilterProxy::StatusFilter::All);
    m_selected = Key();
    showContent();
}

void ModelsPane::focusSearch()
{
    m_ui->modelSearchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->modelSearchEdit->selectAll();
}

void ModelsPane::dropSessionData()
{
    if (m_session)
        m_parked = saveState();
    m_loader.reset();
    if (m_detailsRequest) {
        m_detailsRequest->disconnect(this);
        m_detailsRequest->cancel();
    }
    m_poller->setSession(nullptr);
    m_session = nullptr;
    m_detailsKey = Key();
    m_model->clear();
    m_banner->hideMessage();
    m_loaded = false;
    m_offline = false;
    m_loadedAt = QDateTime();
    const QSignalBlocker block(m_ui->modelSearchEdit);
    m_ui->modelSearchEdit->clear();
    m_proxy->setSearchText(QString());
    m_selected = Key();
    showContent();
}

QVariantMap ModelsPane::saveState() const
{
    if (!m_session)
        return m_parked;
    return {{kFilterKey, ModelFilterProxy::filterName(m_proxy->statusFilter())},
            {kSearchKey, m_ui->modelSearchEdit->text()},
            {kSelectedNameKey, m_selected.first},
            {kSelectedVersionKey, m_selected.second}};
}

void ModelsPane::restoreState(const QVariantMap &state)
{
    m_ui->modelStatusCombo->setCurrentIndex(
        int(ModelFilterProxy::filterFromName(state.value(kFilterKey).toString())));
    m_ui->modelSearchEdit->setText(state.value(kSearchKey).toString());
    m_selected =
        Key(state.value(kSelectedNameKey).toString(), state.value(kSelectedVersionKey).toString());
    if (m_loaded)
        selectModel(m_selected);
}

void ModelsPane::reload()
{
    if (!m_session || !m_session->isSignedIn())
        return;
    m_loader = std::make_unique<ModelListLoader>(m_session);
    ModelListLoader *loader = m_loader.get();
    connect(loader, &ModelListLoader::progress, this, [this](int loaded, qint64 total) {
        m_ui->modelLoadingProgress->setRange(0, total > 0 ? int(total) : 0);
        m_ui->modelLoadingProgress->setValue(loaded);
        const QString text = total > 0
                                 ? tr("Loading models… %1 of %2")
                                       .arg(QLocale().toString(loaded), QLocale().toString(total))
                                 : tr("Loading models… %1").arg(QLocale().toString(loaded));
        m_ui->modelLoadingLabel->setText(text);
        // With rows already shown (a refresh) the count line carries the progress.
        m_ui->modelCountLabel->setText(text);
    });
    connect(loader, &ModelListLoader::rateLimited, this, [this](const QDateTime &deadline) {
        m_banner->showCountdown(tr("The server asks us to slow down; trying again in %1."),
                                deadline, MessageWidget::Kind::Warning);
    });
    connect(loader, &ModelListLoader::finished, this, &ModelsPane::onLoaded);
    connect(loader, &ModelListLoader::failed, this, &ModelsPane::onLoadFailed);
    loader->start();
    showContent();
}

void ModelsPane::retireLoader()
{
    // The loader is done; it goes once its signal has returned, not from inside it.
    ModelListLoader *done = m_loader.release();
    if (!done)
        return;
    done->setParent(this);
    done->deleteLater();
}

void ModelsPane::onLoaded(const QList<Model> &models, bool complete)
{
    retireLoader();
    m_banner->hideMessage();
    const Key selected = m_selected;
    m_detailsKey = Key(); // a refresh fetches the selected model's details again
    m_model->setModels(models);
    m_loaded = true;
    m_offline = false;
    m_loadedAt = m_clock->now();
    if (!complete) {
        m_banner->showMessage(tr("Stopped loading: %n model(s) shown, the list is incomplete.",
                                 nullptr, int(models.size())),
                              MessageWidget::Kind::Warning,
                              {{tr("Load all"), QStringLiteral("modelsLoadAllButton"), [this] {
                                    reload();
                                }}});
    }
    m_poller->sync(models);
    updatePolling();
    showContent();
    selectModel(selected);
}

void ModelsPane::onLoadFailed(const ApiError &error)
{
    retireLoader();
    if (error.isUnreachable() && m_loaded) {
        // Keep what we have and say how old it is.
        m_offline = true;
        showOfflineBanner(m_banner, m_loadedAt, error, QStringLiteral("modelsRetryButton"),
                          [this] { reload(); });
        showContent();
        return;
    }
    showError(error, tr("The models could not be loaded"), [this] { reload(); });
    showContent();
}

void ModelsPane::onStatus(const ModelStatus &status)
{
    if (!m_model->applyStatus(status))
        return;
    const int row = m_model->rowOf(status.modelName, status.modelVersion);
    if (m_detailsKey == Key(status.modelName, status.modelVersion))
        m_details->showStatus(m_model->model(row), m_model->progress(row));
}

void ModelsPane::showEvent(QShowEvent *event)
{
    Pane::showEvent(event);
    updatePolling();
}

void ModelsPane::hideEvent(QHideEvent *event)
{
    Pane::hideEvent(event);
    updatePolling();
}

void ModelsPane::updatePolling()
{
    m_poller->setActive(isVisible() && m_session && m_session->isSignedIn() && m_loaded);
}

void ModelsPane::showContent()
{
    if (m_loader && !m_loaded) {
        m_ui->modelContentStack->setCurrentIndex(LoadingPage);
    } else if (m_model->rowCount() == 0) {
        if (m_loaded) {
            m_ui->modelEmptyTitle->setText(tr("No models yet"));
            m_ui->modelEmptyLabel->setText(
                tr("Models are made with the Plexe API or SDK: describe what the model should "
                   "predict and give it a dataset, and Plexe builds it. New models show here "
                   "while they build."));
        } else {
            m_ui->modelEmptyTitle->setText(QString());
            m_ui->modelEmptyLabel->setText(tr("Sign in to see your models."));
        }
        m_ui->modelContentStack->setCurrentIndex(EmptyPage);
    } else {
        m_ui->modelContentStack->setCurrentIndex(TablePage);
    }
    m_ui->modelRefreshButton->setEnabled(bool(m_session));
    updateCount();
    showDetails();
}

void ModelsPane::updateCount()
{
    if (!m_loaded) {
        m_ui->modelCountLabel->setText(m_loader ? tr("Loading…") : QString());
        return;
    }
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    QString text = all == 1 ? tr("1 model") : tr("%1 models").arg(QLocale().toString(all));
    if (shown != all)
        text = tr("%1 of %2 models").arg(QLocale().toString(shown), QLocale().toString(all));
    m_ui->modelCountLabel->setText(text);
}

std::optional<Model> ModelsPane::selectedModel() const
{
    const QModelIndexList rows = m_ui->modelTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const int row = m_model->rowOf(rows.first().data(ModelTableModel::ModelNameRole).toString(),
                                   rows.first().data(ModelTableModel::ModelVersionRole).toString());
    if (row < 0)
        return std::nullopt;
    return m_model->model(row);
}

void ModelsPane::selectModel(const Key &key)
{
    const int row = key.first.isEmpty() ? -1 : m_model->rowOf(key.first, key.second);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        showDetails();
        return;
    }
    m_ui->modelTable->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
    m_ui->modelTable->scrollTo(index);
}

void ModelsPane::showDetails()
{
    const std::optional<Model> model = selectedModel();
    if (!model) {
        if (m_detailsRequest) {
            m_detailsRequest->disconnect(this);
            m_detailsRequest->cancel();
        }
        m_detailsKey = Key();
        m_details->showNothing();
        return;
    }
    const Key key(model->modelName, model->modelVersion);
    const int row = m_model->rowOf(key.first, key.second);
    if (key == m_detailsKey) {
        m_details->showStatus(*model, m_model->progress(row));
        return;
    }
    m_details->showSummary(*model, m_model->progress(row));
    loadDetails(*model);
}

void ModelsPane::loadDetails(const Model &model)
{
    if (m_detailsRequest) {
        m_detailsRequest->disconnect(this);
        m_detailsRequest->cancel();
    }
    const Key key(model.modelName, model.modelVersion);
    m_detailsKey = key;
    if (!m_session || !m_session->isSignedIn())
        return;
    const QString name = model.modelName;
    m_detailsRequest = m_session->run([name](ApiClient &c) { return c.getModel(name); });
    SessionRequest *request = m_detailsRequest;
    connect(request, &SessionRequest::finished, this, [this, request, key] {
        if (m_detailsKey != key)
            return;
        const int row = m_model->rowOf(key.first, key.second);
        if (row < 0)
            return;
        const ModelDetails *details = request->result<ModelDetails>();
        if (!request->isOk() || !details) {
            if (request->error().kind() != ApiError::Kind::Cancelled)
                m_details->showDetailsError(request->isOk() ? tr("the answer was empty")
                                                            : request->error().userMessage());
            return;
        }
        m_details->showDetails(*details, m_model->progress(row));
        // The list row (perhaps newer, from the status route) is what the table shows.
        m_details->showStatus(m_model->model(row), m_model->progress(row));
    });
}

void ModelsPane::showError(const ApiError &error, const QString &what, std::function<void()> retry)
{
    if (error.kind() == ApiError::Kind::Cancelled)
        return;
    QList<MessageWidget::Action> actions;
    if (retry)
        actions.append({tr("Retry"), QStringLiteral("modelsRetryButton"), retry});
    if (error.httpStatus() == 429 && error.retryAfter().isValid()) {
        m_banner->showCountdown(what + tr(": too many requests. You can try again in %1."),
                                error.retryAfter(), MessageWidget::Kind::Warning,
                                what + tr(": you can try again now."), actions);
        return;
    }
    m_banner->showMessage(QStringLiteral("%1: %2").arg(what, error.userMessage()),
                          MessageWidget::Kind::Error, actions);
}

} // namespace plexe
