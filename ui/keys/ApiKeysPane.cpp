#include "keys/ApiKeysPane.h"

#include "api/ApiClient.h"
#include "common/Confirmation.h"
#include "common/MessageWidget.h"
#include "common/OfflineBanner.h"
#include "core/DisplayText.h"
#include "core/RelativeTime.h"
#include "keys/ApiKeyFilterProxy.h"
#include "keys/ApiKeyListLoader.h"
#include "keys/ApiKeyTableModel.h"
#include "keys/EditKeyDialog.h"
#include "session/Clock.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"
#include "ui_ApiKeysPane.h"

#include <QAbstractButton>
#include <QAction>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QTimer>

namespace plexe {

namespace {

enum Page { LoadingPage, EmptyPage, TablePage };

const QString kFilterKey = QStringLiteral("filter");
const QString kSearchKey = QStringLiteral("search");
const QString kSelectedKey = QStringLiteral("selected");

QString objectText(const ApiKey &key)
{
    return QStringLiteral("%1 (%2)").arg(DisplayText::neutralise(key.name), key.maskedKey());
}

} // namespace

ApiKeysPane::ApiKeysPane(const Clock *clock, QWidget *parent)
    : Pane(parent), m_ui(std::make_unique<Ui::ApiKeysPane>()), m_clock(clock),
      m_model(new ApiKeyTableModel(clock, this)), m_proxy(new ApiKeyFilterProxy(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("apiKeysPane"));
    QFont font = m_ui->heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_ui->heading->setFont(font);
    m_banner = new MessageWidget(this, clock);
    m_banner->setObjectName(QStringLiteral("apiKeysMessage"));
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_banner);
    m_reminder = new MessageWidget(this, clock);
    m_reminder->setObjectName(QStringLiteral("apiKeysReminder"));
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_reminder);
    m_reminder->hideMessage();

    m_proxy->setSourceModel(m_model);
    m_ui->keyTable->setModel(m_proxy);
    m_ui->keyTable->verticalHeader()->hide();
    // The table's "select all" corner button means nothing with one selected row at a time.
    m_ui->keyTable->setCornerButtonEnabled(false);
    for (QAbstractButton *corner : m_ui->keyTable->findChildren<QAbstractButton *>()) {
        corner->setObjectName(QStringLiteral("keyTableCornerButton"));
        corner->setAccessibleName(tr("Select all keys"));
    }
    m_ui->keyTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->keyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->keyTable->setColumnWidth(ApiKeyTableModel::Name, 220);
    m_ui->keyTable->setColumnWidth(ApiKeyTableModel::Key, 170);
    m_ui->keyTable->sortByColumn(ApiKeyTableModel::Created, Qt::DescendingOrder);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->viewActivityButton->setEnabled(false);
    m_ui->viewActivityButton->setToolTip(tr("Show this key's events in Access Logs"));
    m_ui->readOnlyLabel->hide();

    connect(m_ui->createKeyButton, &QPushButton::clicked, this, &ApiKeysPane::createRequested);
    connect(m_ui->revokeButton, &QPushButton::clicked, this, &ApiKeysPane::askRevoke);
    connect(m_ui->editButton, &QPushButton::clicked, this, &ApiKeysPane::openEdit);
    connect(m_ui->rotateButton, &QPushButton::clicked, this, [this] {
        if (const std::optional<ApiKey> key = selectedKey())
            emit rotateRequested(*key);
    });
    connect(m_ui->viewActivityButton, &QPushButton::clicked, this, &ApiKeysPane::viewActivity);
    m_ui->keyTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->keyTable, &QWidget::customContextMenuRequested, this,
            &ApiKeysPane::showContextMenu);
    connect(m_ui->stopButton, &QPushButton::clicked, this, [this] {
        if (m_loader)
            m_loader->stop();
    });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
    });
    connect(m_ui->statusCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setStatusFilter(ApiKeyFilterProxy::StatusFilter(index));
        updateCount();
    });
    // Selection, not the current index: a current row is set before it is selected.
    connect(m_ui->keyTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (const std::optional<ApiKey> key = selectedKey())
            m_selectedId = key->keyId;
        showDetails();
    });
    // Tabbing into the table makes a row current without selecting it; select it, so that
    // the keyboard user sees its details and Delete acts on what the cursor shows.
    connect(m_ui->keyTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                QItemSelectionModel *selection = m_ui->keyTable->selectionModel();
                if (current.isValid() && !selection->isRowSelected(current.row()))
                    selection->select(current, QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
            });
    // A row that leaves the filter (revoked elsewhere, a new search) takes the details with it.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ApiKeysPane::showDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ApiKeysPane::showDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ApiKeysPane::updateActions);

    const auto addShortcut = [this](const QString &name, const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addShortcut(QStringLiteral("createKeyAction"), QKeySequence::New, [this] {
        if (m_ui->createKeyButton->isEnabled())
            emit createRequested();
    });
    // On the table only: Delete in the search field deletes text.
    auto *revokeAction = new QAction(m_ui->keyTable);
    revokeAction->setObjectName(QStringLiteral("revokeKeyAction"));
    revokeAction->setShortcut(QKeySequence::Delete);
    revokeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(revokeAction, &QAction::triggered, this, [this] {
        if (m_ui->revokeButton->isEnabled())
            askRevoke();
    });
    m_ui->keyTable->addAction(revokeAction);

    // "3 min ago" moves on while the pane is open.
    auto *tick = new QTimer(this);
    tick->setInterval(std::chrono::minutes(1));
    connect(tick, &QTimer::timeout, m_model, &ApiKeyTableModel::timePassed);
    tick->start();

    resetView();
}

ApiKeysPane::~ApiKeysPane() = default;

QString ApiKeysPane::title() const
{
    return tr("API Keys");
}

void ApiKeysPane::activateSession(const PaneContext &context)
{
    dropSessionData();
    // A new session starts with a fresh view; restoreState() follows for the same account.
    m_parked.clear();
    resetView();
    m_session = context.session;
    m_profile = context.profile;
    m_account = context.user.email;
    reload();
}

void ApiKeysPane::resetView()
{
    const QSignalBlocker blockSearch(m_ui->searchEdit);
    const QSignalBlocker blockCombo(m_ui->statusCombo);
    m_ui->searchEdit->clear();
    m_ui->statusCombo->setCurrentIndex(int(ApiKeyFilterProxy::StatusFilter::Active));
    m_proxy->setSearchText(QString());
    m_proxy->setStatusFilter(ApiKeyFilterProxy::StatusFilter::Active);
    m_selectedId.clear();
    setReadOnly(false);
    showContent();
}

void ApiKeysPane::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void ApiKeysPane::dropSessionData()
{
    if (m_session)
        m_parked = saveState();
    m_loader.reset();
    if (m_usageRequest) {
        m_usageRequest->disconnect(this);
        m_usageRequest->cancel();
    }
    m_session = nullptr;
    m_account.clear();
    m_ui->usageValue->setProperty("keyId", QString());
    m_model->clear();
    m_banner->hideMessage();
    m_reminder->hideMessage();
    m_loaded = false;
    m_offline = false;
    m_loadedAt = QDateTime();
    // The search may name a key: it is parked (above) for the resume, not left on screen.
    const QSignalBlocker block(m_ui->searchEdit);
    m_ui->searchEdit->clear();
    m_proxy->setSearchText(QString());
    m_selectedId.clear();
    showContent();
}

QVariantMap ApiKeysPane::saveState() const
{
    if (!m_session)
        return m_parked;
    return {{kFilterKey, ApiKeyFilterProxy::filterName(m_proxy->statusFilter())},
            {kSearchKey, m_ui->searchEdit->text()},
            {kSelectedKey, m_selectedId}};
}

void ApiKeysPane::restoreState(const QVariantMap &state)
{
    m_ui->statusCombo->setCurrentIndex(
        int(ApiKeyFilterProxy::filterFromName(state.value(kFilterKey).toString())));
    m_ui->searchEdit->setText(state.value(kSearchKey).toString());
    m_selectedId = state.value(kSelectedKey).toString();
    if (m_loaded)
        selectKey(m_selectedId);
}

void ApiKeysPane::reload()
{
    if (!m_session || !m_session->isSignedIn())
        return;
    m_loader = std::make_unique<ApiKeyListLoader>(m_session);
    ApiKeyListLoader *loader = m_loader.get();
    connect(loader, &ApiKeyListLoader::progress, this, [this](int loaded, qint64 total) {
        m_ui->loadingProgress->setRange(0, total > 0 ? int(total) : 0);
        m_ui->loadingProgress->setValue(loaded);
        m_ui->loadingLabel->setText(
            total > 0 ? tr("Loading keys… %1 of %2")
                            .arg(QLocale().toString(loaded), QLocale().toString(total))
                      : tr("Loading keys…"));
        if (!m_loaded)
            m_ui->countLabel->setText(tr("Loading…"));
    });
    connect(loader, &ApiKeyListLoader::rateLimited, this, [this](const QDateTime &deadline) {
        m_banner->showCountdown(tr("The server asks us to slow down; trying again in %1."),
                                deadline, MessageWidget::Kind::Warning);
    });
    connect(loader, &ApiKeyListLoader::finished, this, &ApiKeysPane::onLoaded);
    connect(loader, &ApiKeyListLoader::failed, this, &ApiKeysPane::onLoadFailed);
    loader->start();
    showContent();
}

void ApiKeysPane::retireLoader()
{
    // The loader is done; it goes once its signal has returned, not from inside it. As a child
    // of the pane it also goes with the pane if no event loop runs again (a closing window).
    ApiKeyListLoader *done = m_loader.release();
    if (!done)
        return;
    done->setParent(this);
    done->deleteLater();
}

void ApiKeysPane::onLoaded(const QList<ApiKey> &keys, bool complete)
{
    retireLoader();
    m_banner->hideMessage();
    const QString selected = m_selectedId;
    m_proxy->setPinnedKeyId(QString()); // a fresh list shows what the filter says
    m_model->setKeys(keys);
    m_loaded = true;
    m_offline = false;
    m_loadedAt = m_clock->now();
    if (!complete) {
        m_banner->showMessage(tr("Stopped loading: %n key(s) shown, the list is incomplete.",
                                 nullptr, int(keys.size())),
                              MessageWidget::Kind::Warning,
                              {{tr("Load all"), QStringLiteral("apiKeysLoadAllButton"), [this] {
                                    reload();
                                }}});
    }
    setReadOnly(m_readOnly || signedInWithReadOnlyKey());
    showContent();
    selectKey(selected);
}

void ApiKeysPane::onLoadFailed(const ApiError &error)
{
    retireLoader();
    if (error.isUnreachable() && m_loaded) {
        // Keep what we have, say how old it is, and change nothing until we are back.
        m_offline = true;
        showOfflineBanner(m_banner, m_loadedAt, error, QStringLiteral("apiKeysRetryButton"),
                          [this] { reload(); });
        showContent();
        return;
    }
    showError(error, tr("The API keys could not be loaded"), [this] { reload(); });
    showContent();
}

void ApiKeysPane::showContent()
{
    if (m_loader && !m_loaded) {
        m_ui->contentStack->setCurrentIndex(LoadingPage);
    } else if (m_model->rowCount() == 0) {
        m_ui->emptyLabel->setText(
            !m_loaded ? tr("Sign in to see your API keys.")
                      : tr("You have no API keys yet. Choose “Create key” (Ctrl+N) to make one "
                           "for your scripts and services."));
        m_ui->contentStack->setCurrentIndex(EmptyPage);
    } else {
        m_ui->contentStack->setCurrentIndex(TablePage);
    }
    updateCount();
    showDetails();
}

void ApiKeysPane::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    QString text = shown == 1 ? tr("1 key") : tr("%1 keys").arg(QLocale().toString(shown));
    if (shown != all)
        text = tr("%1 of %2 keys").arg(QLocale().toString(shown), QLocale().toString(all));
    m_ui->countLabel->setText(m_loaded ? text : QString());
}

bool ApiKeysPane::canChange() const
{
    return m_session && m_session->isSignedIn() && m_loaded && !m_offline && !m_readOnly;
}

void ApiKeysPane::updateActions()
{
    const std::optional<ApiKey> key = selectedKey();
    const bool active = key && key->status == QLatin1String("active");
    m_ui->createKeyButton->setEnabled(canChange());
    // Revoked and expired keys have a history too.
    m_ui->viewActivityButton->setEnabled(bool(key) && m_session && m_session->isSignedIn());
    for (QPushButton *button : {m_ui->rotateButton, m_ui->editButton, m_ui->revokeButton})
        button->setEnabled(canChange() && active);
}

void ApiKeysPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_ui->readOnlyLabel->setVisible(readOnly);
    updateActions();
}

bool ApiKeysPane::signedInWithReadOnlyKey() const
{
    if (!m_session || m_session->sessionKind() != QLatin1String("api_key"))
        return false;
    // Only the shown parts of the signed-in key are compared (plx_sk_ + 4 and the last 4), the
    // way the list shows them; the secret itself is not copied.
    const QByteArray &secret = m_session->apiClient()->credential().secret();
    if (secret.size() < 15)
        return false;
    const QString prefix = QString::fromLatin1(secret.left(11));
    const QString suffix = QString::fromLatin1(secret.right(4));
    for (const ApiKey &key : m_model->keys()) {
        if (key.keyPrefix == prefix && key.keySuffix == suffix)
            return key.permissionLevel == QLatin1String("read_only");
    }
    return false;
}

std::optional<ApiKey> ApiKeysPane::selectedKey() const
{
    const QModelIndexList rows = m_ui->keyTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const int row = m_model->rowOf(rows.first().data(ApiKeyTableModel::KeyIdRole).toString());
    if (row < 0)
        return std::nullopt;
    return m_model->key(row);
}

void ApiKeysPane::selectKey(const QString &keyId)
{
    const int row = keyId.isEmpty() ? -1 : m_model->rowOf(keyId);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        showDetails();
        return;
    }
    m_ui->keyTable->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
    m_ui->keyTable->scrollTo(index);
}

void ApiKeysPane::showDetails()
{
    const std::optional<ApiKey> key = selectedKey();
    m_ui->detailsBox->setEnabled(bool(key));
    const QString dash = QStringLiteral("—");
    if (!key) {
        for (QLabel *label : {m_ui->keyIdValue, m_ui->permissionValue, m_ui->createdByValue,
                              m_ui->expiresValue, m_ui->usageValue})
            label->setText(dash);
        updateActions();
        return;
    }
    m_ui->keyIdValue->setText(DisplayText::neutralise(key->keyId));
    m_ui->permissionValue->setText(ApiKeyTableModel::permissionText(key->permissionLevel));
    m_ui->createdByValue->setText(
        key->createdBy.isEmpty() ? dash : DisplayText::neutralise(key->createdBy));
    m_ui->expiresValue->setText(
        key->expiresAt.isValid()
            ? QStringLiteral("%1 (%2)").arg(RelativeTime::absolute(key->expiresAt),
                                            RelativeTime::format(key->expiresAt, m_clock->now()))
            : tr("Never"));
    updateActions();
    if (m_ui->usageValue->property("keyId").toString() != key->keyId)
        loadUsage(key->keyId);
}

void ApiKeysPane::loadUsage(const QString &keyId)
{
    if (m_usageRequest) {
        m_usageRequest->disconnect(this);
        m_usageRequest->cancel();
    }
    m_ui->usageValue->setProperty("keyId", keyId);
    m_ui->usageValue->setText(tr("Loading…"));
    if (!m_session || !m_session->isSignedIn())
        return;
    m_usageRequest = m_session->run([keyId](ApiClient &c) { return c.getApiKey(keyId); });
    SessionRequest *request = m_usageRequest;
    connect(request, &SessionRequest::finished, this, [this, request, keyId] {
        if (m_ui->usageValue->property("keyId").toString() != keyId)
            return;
        const ApiKey *key = request->result<ApiKey>();
        if (!request->isOk() || !key || !key->usage) {
            m_ui->usageValue->setText(request->isOk() ? tr("not reported by the server")
                                                      : request->error().userMessage());
            return;
        }
        const auto count = [](const std::optional<qint64> &n) {
            return n ? QLocale().toString(*n) : QStringLiteral("—");
        };
        m_ui->usageValue->setText(tr("24 h: %1 · 7 d: %2 · 30 d: %3")
                                      .arg(count(key->usage->last24h), count(key->usage->last7d),
                                           count(key->usage->last30d)));
    });
}

void ApiKeysPane::keyCreated(const ApiKey &key)
{
    m_model->upsert(key);
    if (m_proxy->statusFilter() == ApiKeyFilterProxy::StatusFilter::Revoked)
        m_ui->statusCombo->setCurrentIndex(int(ApiKeyFilterProxy::StatusFilter::Active));
    m_loaded = true;
    showContent();
    selectKey(key.keyId);
}

void ApiKeysPane::askRevoke()
{
    const std::optional<ApiKey> key = selectedKey();
    if (!key || !canChange())
        return;
    Confirmation::Request request;
    request.title = tr("Revoke API key?");
    request.question =
        m_session->isOwnApiKey(*key)
            ? tr("This is the key you are signed in with: revoking it signs you out of this "
                 "profile. Anything else that uses it stops working at once. Revoking cannot be "
                 "undone.")
            : tr("Anything that uses this key stops working at once. Revoking cannot be undone.");
    request.account = m_account.isEmpty() ? tr("the signed-in account") : m_account;
    request.profile = m_profile;
    request.object = objectText(*key);
    request.verb = tr("Revoke key");
    const ApiKey chosen = *key;
    Confirmation::ask(this, request, this, [this, chosen](bool confirmed) {
        if (confirmed)
            revoke(chosen);
    });
}

void ApiKeysPane::revoke(const ApiKey &key)
{
    if (!m_session || !m_session->isSignedIn())
        return;
    const QString keyId = key.keyId;
    const bool ownKey = m_session->isOwnApiKey(key);
    // Sensitive (B19): outside the step-up window the window's prompt asks first.
    SessionRequest *request =
        m_session->run([keyId](ApiClient &c) { return c.revokeApiKey(keyId); }, true);
    connect(request, &SessionRequest::finished, this, [this, request, key, ownKey] {
        if (!request->isOk()) {
            showError(request->error(), tr("“%1” was not revoked").arg(objectText(key)),
                      [this, key] { revoke(key); });
            return;
        }
        if (ownKey && m_session)
            m_session->ownApiKeyRevoked();
        const RevokedApiKey *revoked = request->result<RevokedApiKey>();
        m_proxy->setPinnedKeyId(key.keyId); // stays in view, showing Revoked
        m_model->markRevoked(key.keyId, revoked ? revoked->revokedAt : m_clock->now());
        m_banner->showMessage(tr("Revoked “%1”.").arg(objectText(key)),
                              MessageWidget::Kind::Positive);
        updateCount();
        updateActions();
    });
}

void ApiKeysPane::openEdit()
{
    const std::optional<ApiKey> key = selectedKey();
    if (!key || !canChange())
        return;
    auto *dialog = new EditKeyDialog(m_session, *key, this);
    connect(dialog, &EditKeyDialog::saved, this, [this](const ApiKey &edited) {
        m_model->upsert(edited);
        m_banner->showMessage(tr("Saved “%1”.").arg(objectText(edited)),
                              MessageWidget::Kind::Positive);
        showDetails();
    });
    connect(dialog, &EditKeyDialog::permissionDenied, this,
            [this](const ApiError &error) { showError(error, tr("The key was not changed"), {}); });
    dialog->open();
}

void ApiKeysPane::showError(const ApiError &error, const QString &what, std::function<void()> retry)
{
    if (error.kind() == ApiError::Kind::Cancelled)
        return;
    if (error.isPermissionDenied() && error.code() == QLatin1String("insufficient_permissions")) {
        // The credential may only read: say so and keep the session (contract §4).
        setReadOnly(true);
        m_banner->showMessage(QStringLiteral("%1: %2").arg(what, error.userMessage()),
                              MessageWidget::Kind::Warning);
        return;
    }
    QList<MessageWidget::Action> actions;
    if (retry)
        actions.append({tr("Retry"), QStringLiteral("apiKeysRetryButton"), retry});
    if (error.httpStatus() == 429 && error.retryAfter().isValid()) {
        // One sentence per string for the translators. `what` may name a key: the time goes in
        // with it in one arg() call, never into a %1 of the key's name.
        m_banner->showCountdown(
            [what](const QString &left) {
                return tr("%1: too many requests. You can try again in %2.").arg(what, left);
            },
            error.retryAfter(), MessageWidget::Kind::Warning,
            tr("%1: you can try again now.").arg(what), actions);
        return;
    }
    m_banner->showMessage(QStringLiteral("%1: %2").arg(what, error.userMessage()),
                          MessageWidget::Kind::Error, actions);
}

void ApiKeysPane::viewActivity()
{
    if (const std::optional<ApiKey> key = selectedKey())
        emit viewActivityRequested(key->keyId);
}

void ApiKeysPane::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_ui->keyTable->indexAt(position);
    if (index.isValid())
        m_ui->keyTable->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selectedKey())
        return;
    // The same actions as the buttons under the table, in the same state.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("keyContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const auto add = [menu](QPushButton *button, const QString &name, auto slot) {
        QAction *action = menu->addAction(button->text(), slot);
        action->setObjectName(name);
        action->setEnabled(button->isEnabled());
    };
    add(m_ui->viewActivityButton, QStringLiteral("viewActivityAction"), [this] { viewActivity(); });
    add(m_ui->rotateButton, QStringLiteral("rotateKeyMenuAction"), [this] {
        if (const std::optional<ApiKey> key = selectedKey())
            emit rotateRequested(*key);
    });
    add(m_ui->editButton, QStringLiteral("editKeyMenuAction"), [this] { openEdit(); });
    add(m_ui->revokeButton, QStringLiteral("revokeKeyMenuAction"), [this] { askRevoke(); });
    menu->popup(m_ui->keyTable->viewport()->mapToGlobal(position));
}

} // namespace plexe
