#include "logs/AccessLogsPane.h"

#include "common/MessageWidget.h"
#include "common/OfflineBanner.h"
#include "logs/ActivityChart.h"
#include "logs/LogExportControl.h"
#include "logs/LogFilterBar.h"
#include "logs/LogLoader.h"
#include "logs/LogStore.h"
#include "logs/LogTableModel.h"
#include "logs/LogTableView.h"
#include "logs/LogTail.h"
#include "logs/LogsFallbackView.h"
#include "logs/RequestJournal.h"
#include "session/Clock.h"
#include "session/SessionManager.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace plexe {

namespace {

enum Page { TablePage, EmptyPage, FallbackPage };
// Fields that go with a load: they change rarely and narrow a lot. Event types, outcome, actor
// and text are toggled and typed while looking, so they stay local: instant, and no reload
// when they are loosened again.
constexpr LogQuery::Fields kLoadFields =
    LogQuery::Fields(LogQuery::Since | LogQuery::Until | LogQuery::Key | LogQuery::Ip);
// How far down a reset result is searched for the row that was first (new rows above it).
constexpr int kNewRowsScan = 20000;
const QString kFiltersKey = QStringLiteral("filters");
const QString kUtcKey = QStringLiteral("utc");

QString number(quint64 n)
{
    return QLocale().toString(n);
}

} // namespace

AccessLogsPane::AccessLogsPane(const Clock *clock, QWidget *parent)
    : Pane(parent), m_clock(clock), m_banner(new MessageWidget(this, clock)),
      m_filters(new LogFilterBar(clock, this)), m_chart(new ActivityChart(this)),
      m_countLabel(new QLabel(this)), m_filterLine(new QLabel(this)),
      m_progressLabel(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_stop(new QPushButton(tr("Stop loading"), this)), m_zone(new QComboBox(this)),
      m_live(new QToolButton(this)), m_pause(new QToolButton(this)),
      m_newBadge(new QPushButton(this)), m_stack(new QStackedWidget(this)),
      m_emptyLabel(new QLabel(this)), m_fallback(new LogsFallbackView(clock, this)),
      m_requery(new QTimer(this)), m_store(new LogStore(this)),
      m_engine(new QueryEngine(m_store, this)), m_model(new LogTableModel(m_store, this)),
      m_table(new LogTableView(m_model, this)), m_export(new LogExportControl(m_model, clock, this))
{
    setObjectName(QStringLiteral("accessLogsPane"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    m_banner->setObjectName(QStringLiteral("accessLogsMessage"));
    m_banner->hideMessage();
    buildToolbar();
    layout->addWidget(m_filters);
    m_chart->setFixedHeight(110);
    layout->addWidget(m_chart);

    auto *status = new QHBoxLayout;
    m_countLabel->setObjectName(QStringLiteral("logCountLabel"));
    m_filterLine->setObjectName(QStringLiteral("filterLocationLabel"));
    m_filterLine->setTextFormat(Qt::PlainText);
    m_progressLabel->setObjectName(QStringLiteral("loadProgressLabel"));
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setAccessibleName(tr("Loading events"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_stop->setObjectName(QStringLiteral("stopLoadingButton"));
    m_stop->setAccessibleName(tr("Stop loading"));
    m_newBadge->setObjectName(QStringLiteral("newEventsBadge"));
    m_newBadge->setToolTip(tr("New events arrived above; show them"));
    m_newBadge->setAccessibleName(tr("New events"));
    m_newBadge->hide();
    status->addWidget(m_countLabel);
    status->addSpacing(12);
    status->addWidget(m_filterLine, 1);
    status->addWidget(m_newBadge);
    status->addWidget(m_progressLabel);
    status->addWidget(m_progress);
    status->addWidget(m_stop);
    layout->addLayout(status);

    buildTable();
    m_emptyLabel->setObjectName(QStringLiteral("logsEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_fallback);
    layout->addWidget(m_stack, 1);

    m_requery->setSingleShot(true);
    m_requery->setInterval(250); // rows arriving during a load: a fresh answer 4 times a second
    connect(m_requery, &QTimer::timeout, this, &AccessLogsPane::runQuery);
    connect(m_filters, &LogFilterBar::changed, this, &AccessLogsPane::applyFilters);
    connect(m_chart, &ActivityChart::rangeClicked, m_filters, &LogFilterBar::setCustomRange);
    connect(m_engine, &QueryEngine::resultReady, this, &AccessLogsPane::onResult);
    connect(m_store, &LogStore::rowsAdded, this, [this] {
        if (!m_requery->isActive())
            m_requery->start();
        updateCount();
        updateTail(); // a tail waiting for the load's first page
    });
    connect(m_model, &LogTableModel::rowsPrependedAtTop, this, &AccessLogsPane::onRowsPrepended);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_loader)
            m_loader->stop();
    });
    connect(m_fallback, &LogsFallbackView::retryRequested, this, [this] {
        m_hasLoad = false;
        m_fallback->clear();
        m_stack->setCurrentIndex(TablePage);
        updateControls();
        applyFilters();
    });
    connect(m_export, &LogExportControl::message, this,
            [this](const QString &text, MessageWidget::Kind kind) {
                m_banner->showMessage(text, kind);
            });
    m_query = m_filters->query();
    setKeyboardOrder();
    updateControls();
    updateCount();
}

// Tab follows the screen: the title row's controls, the filters left to right, the chart, the
// status row, the table (the widgets were created in another order).
void AccessLogsPane::setKeyboardOrder()
{
    const QStringList names{
        QStringLiteral("timeZoneCombo"),     QStringLiteral("liveTailButton"),
        QStringLiteral("pauseButton"),       QStringLiteral("exportButton"),
        QStringLiteral("logSearchEdit"),     QStringLiteral("timeRangeCombo"),
        QStringLiteral("sinceEdit"),         QStringLiteral("untilEdit"),
        QStringLiteral("eventTypesButton"),  QStringLiteral("outcomeCombo"),
        QStringLiteral("keyFilterEdit"),     QStringLiteral("actorFilterEdit"),
        QStringLiteral("ipFilterEdit"),      QStringLiteral("clearFiltersButton"),
        QStringLiteral("activityChart"),     QStringLiteral("newEventsBadge"),
        QStringLiteral("stopLoadingButton"), QStringLiteral("logTable")};
    QWidget *previous = nullptr;
    for (const QString &name : names) {
        QWidget *w = findChild<QWidget *>(name);
        if (previous && w)
            setTabOrder(previous, w);
        previous = w ? w : previous;
    }
}

AccessLogsPane::~AccessLogsPane()
{
    // The loader and tail refer to the store; they go first.
    m_tail.reset();
    m_loader.reset();
}

void AccessLogsPane::buildToolbar()
{
    auto *row = new QHBoxLayout;
    auto *heading = new QLabel(title(), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    heading->setFont(font);
    row->addWidget(heading);
    row->addStretch(1);

    m_zone->setObjectName(QStringLiteral("timeZoneCombo"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_zone->addItems({tr("Local time (%1)").arg(m_model->zoneName()), tr("UTC")});
    connect(m_zone, &QComboBox::currentIndexChanged, this, [this](int i) { setUtc(i == 1); });
    row->addWidget(m_zone);

    m_live->setObjectName(QStringLiteral("liveTailButton"));
    m_live->setText(tr("Live tail"));
    m_live->setAccessibleName(tr("Live tail"));
    m_live->setToolTip(tr("Show new events as they happen"));
    m_live->setCheckable(true);
    m_live->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_live, &QToolButton::toggled, this, &AccessLogsPane::setLive);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setText(tr("Pause"));
    m_pause->setAccessibleName(tr("Pause"));
    m_pause->setCheckable(true);
    connect(m_pause, &QToolButton::toggled, this, &AccessLogsPane::updateTail);
    row->addWidget(m_live);
    row->addWidget(m_pause);

    row->addWidget(m_export);
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
}

void AccessLogsPane::buildTable()
{
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                m_query.sortColumn = LogColumn(column);
                m_query.sortOrder = order;
                runQuery();
            });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0)
            hideNewBadge();
    });
    connect(m_newBadge, &QPushButton::clicked, this, [this] {
        m_table->scrollToTop();
        hideNewBadge();
    });
}

QString AccessLogsPane::title() const
{
    return tr("Access Logs");
}

void AccessLogsPane::activateSession(const PaneContext &context)
{
    dropSessionData();
    m_parked.clear();
    m_session = context.session;
    m_journal = context.journal;
    m_loader = std::make_unique<LogLoader>(m_session, m_store);
    connect(m_loader.get(), &LogLoader::progress, this, [this](quint64 events) {
        m_progressLabel->setText(tr("Loading… %1 events").arg(number(events)));
        if (m_waitingOnRateLimit) // pages come again: the countdown is over
            m_banner->hideMessage();
        m_waitingOnRateLimit = false;
    });
    connect(m_loader.get(), &LogLoader::rateLimited, this, [this](const QDateTime &deadline) {
        m_waitingOnRateLimit = true;
        m_banner->showCountdown(tr("The server asks us to slow down; loading goes on in %1."),
                                deadline, MessageWidget::Kind::Warning);
    });
    connect(m_loader.get(), &LogLoader::finished, this, &AccessLogsPane::onLoadFinished);
    connect(m_loader.get(), &LogLoader::unsupported, this, &AccessLogsPane::showFallback);
    connect(m_loader.get(), &LogLoader::failed, this, &AccessLogsPane::onLoadFailed);
    m_tail = std::make_unique<LogTail>(m_session, m_store);
    connect(m_tail.get(), &LogTail::unsupported, this, &AccessLogsPane::showFallback);
    connect(m_tail.get(), &LogTail::failed, this, [this](const ApiError &error) {
        if (error.kind() == ApiError::Kind::Cancelled)
            return;
        m_banner->showMessage(tr("Live tail: %1 Trying again shortly.").arg(error.userMessage()),
                              MessageWidget::Kind::Warning);
    });
    connect(m_tail.get(), &LogTail::eventsArrived, this, [this] {
        if (m_banner->kind() == MessageWidget::Kind::Warning && !m_loader->isRunning())
            m_banner->hideMessage();
    });
    m_needsLoad = true;
    if (isVisible())
        QMetaObject::invokeMethod(this, &AccessLogsPane::applyFilters, Qt::QueuedConnection);
}

void AccessLogsPane::refresh()
{
    // The log only grows: after a complete load, F5 fetches what is newer and the rows stay in
    // view (offline, they stay "as of" that load). After a stopped or failed load, it all loads
    // again.
    if (m_loadComplete && !isLoading())
        m_catchUpNext = true;
    else
        m_hasLoad = false;
    applyFilters();
}

void AccessLogsPane::focusSearch()
{
    m_filters->focusSearch();
}

void AccessLogsPane::dropSessionData()
{
    if (m_session)
        m_parked = saveState();
    // B17: loads and tails stop, and every loaded row goes.
    m_tail.reset();
    m_loader.reset();
    m_export->cancel();
    m_engine->cancel();
    m_requery->stop();
    m_store->clear();
    m_model->clear();
    m_chart->setSeries({});
    m_fallback->clear();
    m_session = nullptr;
    m_journal = nullptr;
    m_hasLoad = false;
    m_loadComplete = false;
    m_loadFailed = false;
    m_catchUpNext = false;
    m_needsLoad = false;
    {
        const QSignalBlocker live(m_live);
        const QSignalBlocker pause(m_pause);
        m_live->setChecked(false);
        m_pause->setChecked(false);
    }
    hideNewBadge();
    m_banner->hideMessage();
    // The search may name a person or an address: parked above for the resume, not left shown.
    {
        const QSignalBlocker block(m_filters);
        m_filters->reset();
    }
    m_query = m_filters->query();
    m_stack->setCurrentIndex(TablePage);
    updateControls();
    updateCount();
}

QVariantMap AccessLogsPane::saveState() const
{
    if (!m_session)
        return m_parked;
    return {{kFiltersKey, m_filters->saveState()}, {kUtcKey, m_zone->currentIndex() == 1}};
}

void AccessLogsPane::restoreState(const QVariantMap &state)
{
    m_zone->setCurrentIndex(state.value(kUtcKey).toBool() ? 1 : 0);
    m_filters->restoreState(state.value(kFiltersKey).toMap());
}

void AccessLogsPane::showKeyActivity(const QString &keyId)
{
    m_banner->hideMessage();
    m_filters->setKey(keyId);
}

bool AccessLogsPane::isLoading() const
{
    return m_loader && m_loader->isRunning();
}

bool AccessLogsPane::isShowingFallback() const
{
    return m_stack->currentIndex() == FallbackPage;
}

void AccessLogsPane::showEvent(QShowEvent *event)
{
    Pane::showEvent(event);
    // Queued: "View activity" sets its key filter right after the pane is shown, and that is
    // what the first load should ask for.
    if (m_needsLoad)
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_needsLoad && isVisible())
                    applyFilters();
            },
            Qt::QueuedConnection);
    updateTail();
}

void AccessLogsPane::hideEvent(QHideEvent *event)
{
    Pane::hideEvent(event);
    updateTail();
}

void AccessLogsPane::applyFilters()
{
    const LogQuery previous = m_query;
    m_query = m_filters->query();
    m_query.sortColumn = previous.sortColumn;
    m_query.sortOrder = previous.sortOrder;
    if (!m_session || !m_session->isSignedIn() || isShowingFallback()) {
        updateFilterLine();
        return;
    }
    if (!isVisible()) {
        m_needsLoad = true; // loaded when the pane is shown, not behind the user's back
        return;
    }
    m_needsLoad = false;
    if (!m_hasLoad || !loadCovers(m_query))
        startLoad();
    else if (std::exchange(m_catchUpNext, false))
        catchUp();
    runQuery();
    updateFilterLine();
}

bool AccessLogsPane::loadCovers(const LogQuery &q) const
{
    const LogQuery &l = m_loadedQuery;
    if (m_serverFields & LogQuery::Since && (!q.since.isValid() || q.since < l.since))
        return false;
    if (m_serverFields & LogQuery::Until && (!q.until.isValid() || q.until > l.until))
        return false;
    if (m_serverFields & LogQuery::Key && q.keyId != l.keyId)
        return false;
    if (m_serverFields & LogQuery::Ip && q.ip != l.ip)
        return false;
    return true;
}

void AccessLogsPane::startLoad()
{
    if (!m_loader)
        return;
    m_banner->hideMessage();
    hideNewBadge();
    m_loadedQuery = m_query;
    m_serverFields = m_query.serverCapableFields() & kLoadFields;
    m_hasLoad = true;
    m_loadComplete = false;
    m_loadFailed = false;
    m_catchUpNext = false;
    if (m_tail)
        m_tail->stop();
    // Rows loaded for other server filters would answer the query wrongly. Clearing the store
    // also stops the loader (finished(false)): that is not the user's Stop.
    m_restarting = true;
    m_store->clear();
    m_restarting = false;
    m_model->clear();
    m_loader->start(m_query.serverFilters(m_serverFields));
    if (m_tail)
        m_tail->setFilters(m_query.serverFilters(
            m_serverFields & ~LogQuery::Fields(LogQuery::Since | LogQuery::Until)));
    m_progressLabel->setText(tr("Loading…"));
    updateControls();
    updateCount();
}

void AccessLogsPane::catchUp()
{
    m_banner->hideMessage();
    m_loadFailed = false;
    m_loader->start(m_loadedQuery.serverFilters(m_serverFields), LogLoader::Mode::NewerThanHeld);
    m_progressLabel->setText(tr("Checking for new events…"));
    updateControls();
}

void AccessLogsPane::runQuery()
{
    m_requery->stop();
    if (m_session)
        m_engine->run(m_query);
}

void AccessLogsPane::onResult(const LogQueryResultPtr &result)
{
    if (!result || !m_session)
        return;
    QScrollBar *bar = m_table->verticalScrollBar();
    const int scroll = bar->value();
    const LogQueryResultPtr previous = m_model->result();
    const QString oldTop = scroll > 0 && m_model->rowCount() > 0
                               ? m_model->index(0, 0).data(LogTableModel::EventIdRole).toString()
                               : QString();
    m_prepended = false;
    m_model->setResult(result);
    if (m_prepended) {
        // onRowsPrepended() kept the reader's place and raised the badge.
    } else if (!oldTop.isEmpty() && previous && previous->query == result->query) {
        // A reset for the same question (a load adds older rows below while the tail adds newer
        // ones above): the rows now above the old first row are new; keep the reader's place.
        const int limit = std::min(m_model->rowCount(), kNewRowsScan);
        int above = 0;
        while (above < limit &&
               m_model->index(above, 0).data(LogTableModel::EventIdRole).toString() != oldTop)
            ++above;
        if (above == limit)
            above = 0;
        bar->setValue(scroll + above);
        if (above > 0)
            addNewRows(above);
    } else if (bar->value() != scroll) {
        bar->setValue(scroll);
    }
    const LogHistogram &h = result->histogram;
    ActivitySeries series;
    series.from = h.start;
    series.bucketSeconds = h.bucketSeconds;
    for (int i = 0; i < h.bucketCount(); ++i)
        series.buckets.append({h.successes.at(i), h.failures.at(i)});
    m_chart->setSeries(series);
    const bool empty = m_model->rowCount() == 0 && !isShowingFallback();
    if (empty) {
        updateEmptyText();
        m_stack->setCurrentIndex(EmptyPage);
    } else if (!isShowingFallback()) {
        m_stack->setCurrentIndex(TablePage);
    }
    updateCount();
    updateControls();
}

void AccessLogsPane::updateEmptyText()
{
    if (isLoading())
        m_emptyLabel->setText(tr("Loading events…"));
    else if (m_loadFailed && m_store->size() == 0)
        m_emptyLabel->setText(tr("No events loaded: the access logs could not be loaded (see the "
                                 "message above)."));
    else
        m_emptyLabel->setText(tr("No events match these filters. Widen the time range or choose "
                                 "“Clear filters”."));
}

void AccessLogsPane::onLoadFinished(bool complete)
{
    if (m_restarting)
        return;
    m_loadComplete = complete;
    if (complete)
        m_loadedAt = m_clock->now();
    if (!complete) {
        m_banner->showMessage(tr("Stopped loading: %1 events loaded, older events are missing.")
                                  .arg(number(m_store->size())),
                              MessageWidget::Kind::Warning,
                              {{tr("Load all"), QStringLiteral("logsLoadAllButton"), [this] {
                                    refresh();
                                }}});
    }
    runQuery();
    updateTail();
    updateControls();
    updateCount();
}

void AccessLogsPane::onLoadFailed(const ApiError &error)
{
    updateControls();
    updateCount();
    if (error.kind() == ApiError::Kind::Cancelled)
        return;
    m_loadFailed = true;
    updateEmptyText();
    if (error.isUnreachable() && m_loadComplete && m_store->size() > 0) {
        // A refresh that could not reach the server: the rows of the last load stay.
        showOfflineBanner(m_banner, m_loadedAt, error, QStringLiteral("logsRetryButton"),
                          [this] { refresh(); });
        return;
    }
    const QList<MessageWidget::Action> retry{
        {tr("Retry"), QStringLiteral("logsRetryButton"), [this] {
             refresh();
         }}};
    const QString what = tr("The access logs could not be loaded");
    if (error.httpStatus() == 429 && error.retryAfter().isValid()) {
        m_banner->showCountdown(what + tr(": too many requests. You can try again in %1."),
                                error.retryAfter(), MessageWidget::Kind::Warning,
                                what + tr(": you can try again now."), retry);
        return;
    }
    m_banner->showMessage(QStringLiteral("%1: %2").arg(what, error.userMessage()),
                          MessageWidget::Kind::Error, retry);
}

void AccessLogsPane::showFallback(int status)
{
    if (m_tail)
        m_tail->stop();
    if (m_loader)
        m_loader->stop();
    {
        const QSignalBlocker live(m_live);
        m_live->setChecked(false);
    }
    m_store->clear();
    m_loadComplete = false;
    m_model->clear();
    m_chart->setSeries({});
    m_stack->setCurrentIndex(FallbackPage);
    m_fallback->start(m_session, m_journal, status);
    updateControls();
    updateCount();
}

void AccessLogsPane::setLive(bool live)
{
    if (!live) {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(false);
        hideNewBadge();
    }
    updateTail();
    updateControls();
}

// One place decides whether the tail polls: live on, not paused, the pane shown, and the load's
// first page in (the tail asks for what is newer than the newest row; a long load, which a
// rate limit can make minutes long, goes on underneath, and the store drops duplicates).
void AccessLogsPane::updateTail()
{
    if (!m_tail)
        return;
    const bool wanted =
        m_live->isChecked() && m_session && m_session->isSignedIn() && !isShowingFallback();
    const bool polling =
        wanted && !m_pause->isChecked() && isVisible() && (!isLoading() || m_store->size() > 0);
    if (!wanted) {
        m_tail->stop();
    } else if (polling) {
        if (m_tail->state() == LogTail::State::Stopped)
            m_tail->start();
        else if (m_tail->state() == LogTail::State::Paused)
            m_tail->resume();
    } else if (m_tail->state() == LogTail::State::Running) {
        m_tail->pause();
    }
}

void AccessLogsPane::onRowsPrepended(int count)
{
    QScrollBar *bar = m_table->verticalScrollBar();
    if (bar->value() == 0)
        return; // at the top: the new rows simply show
    // Away from the top: keep the rows the user is reading where they are, and say how many
    // arrived above.
    m_prepended = true;
    bar->setValue(bar->value() + count);
    addNewRows(count);
}

void AccessLogsPane::addNewRows(int count)
{
    m_newCount += count;
    m_newBadge->setText(tr("%1 new").arg(number(quint64(m_newCount))));
    m_newBadge->setAccessibleName(m_newBadge->text());
    m_newBadge->show();
}

void AccessLogsPane::hideNewBadge()
{
    m_newCount = 0;
    m_newBadge->hide();
}

void AccessLogsPane::updateCount()
{
    const quint64 total = m_store->size();
    const quint64 shown = quint64(m_model->rowCount());
    QString text = tr("%1 of %2 events").arg(number(shown), number(total));
    if (isShowingFallback())
        text.clear();
    else if (!m_session)
        text = tr("Sign in to see your access logs.");
    m_countLabel->setText(text);
}

void AccessLogsPane::updateFilterLine()
{
    const LogQuery::Fields active = m_query.activeFields();
    const LogQuery::Fields server = active & m_serverFields;
    LogQuery::Fields local = active & ~server;
    // One time range: a range narrowed here within what the server sent is still "the server's".
    const LogQuery::Fields range = LogQuery::Fields(LogQuery::Since | LogQuery::Until);
    if (server & range)
        local &= ~range;
    QStringList parts;
    if (server)
        parts << tr("Filtered on the server: %1")
                     .arg(LogQuery::fieldNames(server).join(QStringLiteral(", ")));
    if (local)
        parts << (server ? tr("here: %1") : tr("Filtered here: %1"))
                     .arg(LogQuery::fieldNames(local).join(QStringLiteral(", ")));
    m_filterLine->setText(parts.isEmpty() ? tr("No filters") : parts.join(QStringLiteral(" · ")));
}

void AccessLogsPane::updateControls()
{
    const bool signedIn = m_session && m_session->isSignedIn();
    const bool fallback = isShowingFallback();
    const bool loading = isLoading();
    m_progress->setVisible(loading);
    m_progressLabel->setVisible(loading);
    m_stop->setVisible(loading);
    // Without a log API the filters, the tail and export have nothing to work on: hidden.
    m_filters->setEnabled(signedIn);
    for (QWidget *w : std::initializer_list<QWidget *>{m_filters, m_chart, m_filterLine,
                                                       m_countLabel, m_live, m_pause, m_export})
        w->setVisible(!fallback);
    m_live->setEnabled(signedIn);
    m_pause->setEnabled(signedIn && m_live->isChecked());
    m_export->setAvailable(signedIn && m_model->result() != nullptr);
}

void AccessLogsPane::exportTo(const QString &path, LogExporter::Format format)
{
    m_export->exportTo(path, format);
}

void AccessLogsPane::setUtc(bool utc)
{
    m_model->setUtc(utc);
    m_chart->setUtc(utc);
    m_fallback->setUtc(utc);
    m_filters->setUtc(utc);
}

} // namespace plexe
