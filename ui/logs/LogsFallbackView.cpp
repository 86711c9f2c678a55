#include "logs/LogsFallbackView.h"

#include "api/ApiClient.h"
#include "core/DisplayText.h"
#include "core/RelativeTime.h"
#include "keys/ApiKeyListLoader.h"
#include "keys/ApiKeyTableModel.h"
#include "logs/JournalTableModel.h"
#include "logs/RequestJournal.h"
#include "session/Clock.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace plexe {

namespace {

enum KeyColumn { KeyName, KeyMasked, KeyStatus, KeyLastUsed, Usage24h, Usage7d, Usage30d };
constexpr int kKeyIdRole = Qt::UserRole + 1;

QTableView *makeTable(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setAccessibleName(accessibleName);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setCornerButtonEnabled(false);
    for (QAbstractButton *corner : table->findChildren<QAbstractButton *>()) {
        corner->setObjectName(name + QStringLiteral("CornerButton"));
        corner->setAccessibleName(QCoreApplication::translate("LogsFallbackView", "Select all"));
    }
    return table;
}

} // namespace

LogsFallbackView::LogsFallbackView(const Clock *clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_explanation(new QLabel(this)),
      m_keysStatus(new QLabel(this)), m_keys(new QStandardItemModel(0, 7, this)),
      m_journalModel(new JournalTableModel(this)), m_journalCount(new QLabel(this)),
      m_clearJournal(new QPushButton(tr("Clear journal"), this)), m_journalReload(new QTimer(this))
{
    m_journalReload->setSingleShot(true);
    m_journalReload->setInterval(250);
    connect(m_journalReload, &QTimer::timeout, this, &LogsFallbackView::reloadJournal);
    setObjectName(QStringLiteral("logsFallbackView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_explanation->setObjectName(QStringLiteral("fallbackExplanation"));
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setWordWrap(true);
    auto *retry = new QPushButton(tr("Check again"), this);
    retry->setObjectName(QStringLiteral("fallbackRetryButton"));
    retry->setAccessibleName(tr("Check again"));
    connect(retry, &QPushButton::clicked, this, &LogsFallbackView::retryRequested);
    auto *top = new QHBoxLayout;
    top->addWidget(m_explanation, 1);
    top->addWidget(retry, 0, Qt::AlignTop);
    layout->addLayout(top);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("fallbackSplitter"));
    splitter->setChildrenCollapsible(false);

    auto *keysBox = new QWidget(splitter);
    auto *keysLayout = new QVBoxLayout(keysBox);
    keysLayout->setContentsMargins(0, 6, 0, 0);
    auto *keysHeading = new QLabel(tr("Key usage"), keysBox);
    QFont bold = keysHeading->font();
    bold.setBold(true);
    keysHeading->setFont(bold);
    m_keysStatus->setObjectName(QStringLiteral("keyUsageStatus"));
    m_keysStatus->setTextFormat(Qt::PlainText);
    auto *keysTop = new QHBoxLayout;
    keysTop->addWidget(keysHeading);
    keysTop->addStretch(1);
    keysTop->addWidget(m_keysStatus);
    keysLayout->addLayout(keysTop);
    m_keys->setHorizontalHeaderLabels({tr("Name"), tr("Key"), tr("Status"), tr("Last used"),
                                       tr("Requests 24 h"), tr("7 d"), tr("30 d")});
    m_keyTable = makeTable(QStringLiteral("keyUsageTable"), tr("Key usage"), keysBox);
    m_keyTable->setModel(m_keys);
    m_keyTable->setColumnWidth(KeyName, 200);
    m_keyTable->setColumnWidth(KeyMasked, 160);
    keysLayout->addWidget(m_keyTable);

    auto *journalBox = new QWidget(splitter);
    auto *journalLayout = new QVBoxLayout(journalBox);
    journalLayout->setContentsMargins(0, 6, 0, 0);
    auto *journalHeading = new QLabel(tr("Requests this console made in this profile"), journalBox);
    journalHeading->setFont(bold);
    m_journalCount->setObjectName(QStringLiteral("journalCount"));
    m_clearJournal->setObjectName(QStringLiteral("clearJournalButton"));
    m_clearJournal->setAccessibleName(tr("Clear journal"));
    m_clearJournal->setToolTip(tr("Delete this profile's request journal from this computer"));
    auto *journalTop = new QHBoxLayout;
    journalTop->addWidget(journalHeading);
    journalTop->addStretch(1);
    journalTop->addWidget(m_journalCount);
    journalTop->addWidget(m_clearJournal);
    journalLayout->addLayout(journalTop);
    m_journalTable = makeTable(QStringLiteral("journalTable"), tr("Request journal"), journalBox);
    m_journalTable->setModel(m_journalModel);
    m_journalTable->setColumnWidth(JournalTableModel::Time, 170);
    m_journalTable->horizontalHeader()->setStretchLastSection(false);
    m_journalTable->horizontalHeader()->setSectionResizeMode(JournalTableModel::Path,
                                                             QHeaderView::Stretch);
    m_journalTable->setColumnWidth(JournalTableModel::Status, 90);
    journalLayout->addWidget(m_journalTable);
    auto *note = new QLabel(tr("The journal keeps no secrets: no keys, tokens or query values, "
                               "only the parameter names. It stays on this computer."),
                            journalBox);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    journalLayout->addWidget(note);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_clearJournal, &QPushButton::clicked, this, [this] {
        if (m_journal)
            m_journal->clear();
        reloadJournal();
    });
}

LogsFallbackView::~LogsFallbackView() = default;

void LogsFallbackView::start(SessionManager *session, RequestJournal *journal, int status)
{
    clear();
    m_session = session;
    m_journal = journal;
    m_explanation->setText(
        tr("This server does not offer access logs (it answered %1 to the access-log request). "
           "Below is what the console can show instead: when each key was last used and how "
           "often, and the requests this console made in this profile.")
            .arg(status));
    // Coalesced: the usage requests below end one after another, each adding a line.
    if (m_journal)
        connect(m_journal, &RequestJournal::changed, m_journalReload, qOverload<>(&QTimer::start),
                Qt::UniqueConnection);
    reloadJournal();
    if (!m_session || !m_session->isSignedIn())
        return;
    m_keysStatus->setText(tr("Loading keys…"));
    m_loader = std::make_unique<ApiKeyListLoader>(m_session);
    connect(m_loader.get(), &ApiKeyListLoader::finished, this,
            [this](const QList<ApiKey> &keys, bool) { onKeys(keys); });
    connect(m_loader.get(), &ApiKeyListLoader::failed, this, [this](const ApiError &error) {
        m_keysStatus->setText(tr("The keys could not be loaded: %1").arg(error.userMessage()));
    });
    m_loader->start();
}

void LogsFallbackView::clear()
{
    if (m_loader) {
        m_loader->disconnect(this);
        m_loader->stop();
        m_loader.release()->deleteLater();
    }
    if (m_usageRequest) {
        m_usageRequest->disconnect(this);
        m_usageRequest->cancel();
    }
    if (m_journal)
        m_journal->disconnect(m_journalReload);
    m_journalReload->stop();
    m_usageQueue.clear();
    m_session = nullptr;
    m_journal = nullptr;
    m_keys->removeRows(0, m_keys->rowCount());
    m_journalModel->clear();
    m_keysStatus->clear();
    m_journalCount->clear();
}

void LogsFallbackView::setUtc(bool utc)
{
    m_utc = utc;
    m_journalModel->setUtc(utc);
}

void LogsFallbackView::onKeys(const QList<ApiKey> &keys)
{
    if (m_loader)
        m_loader.release()->deleteLater(); // after its signal returns
    const QDateTime now = m_clock->now();
    const QString dash = QStringLiteral("—");
    m_keys->removeRows(0, m_keys->rowCount());
    for (const ApiKey &key : keys) {
        QList<QStandardItem *> row;
        row << new QStandardItem(DisplayText::neutralise(key.name))
            << new QStandardItem(key.maskedKey())
            << new QStandardItem(ApiKeyTableModel::statusText(key.status))
            << new QStandardItem(key.lastUsedAt.isValid()
                                     ? RelativeTime::format(key.lastUsedAt, now)
                                     : tr("Never"));
        if (key.lastUsedAt.isValid())
            row.last()->setToolTip(RelativeTime::absolute(key.lastUsedAt, m_utc));
        for (int i = 0; i < 3; ++i)
            row << new QStandardItem(dash);
        row.first()->setData(key.keyId, kKeyIdRole);
        for (QStandardItem *item : row)
            item->setEditable(false);
        m_keys->appendRow(row);
        // Active keys first: they are the ones whose use matters now.
        if (key.status == QLatin1String("active") && m_usageQueue.size() < kMaxUsageRequests)
            m_usageQueue << key.keyId;
    }
    m_keysStatus->setText(keys.size() == 1 ? tr("1 key")
                                           : tr("%1 keys").arg(QLocale().toString(keys.size())));
    fetchNextUsage();
}

// One request at a time: an account with many keys must not spend its rate limit at once.
void LogsFallbackView::fetchNextUsage()
{
    if (m_usageQueue.isEmpty() || !m_session || !m_session->isSignedIn())
        return;
    const QString keyId = m_usageQueue.takeFirst();
    m_usageRequest = m_session->run([keyId](ApiClient &c) { return c.getApiKey(keyId); });
    SessionRequest *request = m_usageRequest;
    connect(request, &SessionRequest::finished, this, [this, request, keyId] {
        if (const ApiKey *key = request->result<ApiKey>(); request->isOk() && key) {
            for (int row = 0; row < m_keys->rowCount(); ++row) {
                if (m_keys->item(row, KeyName)->data(kKeyIdRole).toString() == keyId)
                    setUsage(row, *key);
            }
        }
        if (request->error().kind() != ApiError::Kind::Cancelled)
            fetchNextUsage();
    });
}

void LogsFallbackView::setUsage(int row, const ApiKey &key)
{
    if (key.lastUsedAt.isValid()) {
        m_keys->item(row, KeyLastUsed)
            ->setText(RelativeTime::format(key.lastUsedAt, m_clock->now()));
        m_keys->item(row, KeyLastUsed)->setToolTip(RelativeTime::absolute(key.lastUsedAt, m_utc));
    }
    if (!key.usage)
        return;
    const auto count = [](const std::optional<qint64> &n) {
        return n ? QLocale().toString(*n) : QStringLiteral("—");
    };
    m_keys->item(row, Usage24h)->setText(count(key.usage->last24h));
    m_keys->item(row, Usage7d)->setText(count(key.usage->last7d));
    m_keys->item(row, Usage30d)->setText(count(key.usage->last30d));
}

void LogsFallbackView::reloadJournal()
{
    // Reading a capped file of a few thousand short lines takes a few milliseconds; it happens
    // only while this view is up and a request ends.
    m_journalModel->setEntries(m_journal ? m_journal->entries() : QList<JournalEntry>());
    const int rows = m_journalModel->rowCount();
    m_journalCount->setText(rows == 1 ? tr("1 request")
                                      : tr("%1 requests").arg(QLocale().toString(rows)));
    m_clearJournal->setEnabled(m_journal && m_journalModel->rowCount() > 0);
}

} // namespace plexe
