#include "logs/LogFilterBar.h"

#include "core/DisplayText.h"
#include "session/Clock.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>

namespace plexe {

namespace {

const QString kRangeKey = QStringLiteral("range");
const QString kSinceKey = QStringLiteral("since");
const QString kUntilKey = QStringLiteral("until");
const QString kEventsKey = QStringLiteral("events");
const QString kOutcomeKey = QStringLiteral("outcome");
const QString kKeyKey = QStringLiteral("key");
const QString kActorKey = QStringLiteral("actor");
const QString kIpKey = QStringLiteral("ip");
const QString kTextKey = QStringLiteral("text");

QLineEdit *makeEdit(const QString &name, const QString &accessible, const QString &placeholder,
                    int width, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessible);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setMaxLength(200);
    if (width > 0)
        edit->setMaximumWidth(width);
    return edit;
}

} // namespace

LogFilterBar::LogFilterBar(const Clock *clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("logFilterBar"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &LogFilterBar::changed);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search =
        makeEdit(QStringLiteral("logSearchEdit"), tr("Search logs"), tr("Search logs…"), 0, this);
    m_search->setToolTip(tr("Matches the event, actor, key, IP address, user agent, request and "
                            "error code"));
    m_search->setMinimumWidth(160);
    layout->addWidget(m_search, 2);

    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("timeRangeCombo"));
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItems({tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"),
                       tr("All time"), tr("Custom…")});
    layout->addWidget(m_range);
    m_since = new QDateTimeEdit(this);
    m_since->setObjectName(QStringLiteral("sinceEdit"));
    m_since->setAccessibleName(tr("From"));
    m_until = new QDateTimeEdit(this);
    m_until->setObjectName(QStringLiteral("untilEdit"));
    m_until->setAccessibleName(tr("To"));
    for (QDateTimeEdit *edit : {m_since, m_until}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->hide();
        layout->addWidget(edit);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &LogFilterBar::emitSoon);
    }

    m_events = new QToolButton(this);
    m_events->setObjectName(QStringLiteral("eventTypesButton"));
    m_events->setAccessibleName(tr("Event types"));
    m_events->setPopupMode(QToolButton::InstantPopup);
    m_eventsMenu = new QMenu(m_events);
    m_eventsMenu->setObjectName(QStringLiteral("eventTypesMenu"));
    for (const QString &name : eventNames()) {
        QAction *action = m_eventsMenu->addAction(name);
        action->setObjectName(QStringLiteral("eventType_") + name);
        action->setCheckable(true);
        action->setData(name);
        connect(action, &QAction::toggled, this, [this] {
            updateEventsButton();
            emit changed();
        });
    }
    m_eventsMenu->addSeparator();
    QAction *all = m_eventsMenu->addAction(tr("All events"));
    all->setObjectName(QStringLiteral("eventTypesAll"));
    connect(all, &QAction::triggered, this, [this] {
        bool any = false;
        for (QAction *action : m_eventsMenu->actions()) {
            const QSignalBlocker block(action);
            any = any || action->isChecked();
            action->setChecked(false);
        }
        updateEventsButton();
        if (any)
            emit changed();
    });
    m_events->setMenu(m_eventsMenu);
    layout->addWidget(m_events);

    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("outcomeCombo"));
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->addItems({tr("Any outcome"), tr("Successes"), tr("Failures")});
    layout->addWidget(m_outcome);

    m_key =
        makeEdit(QStringLiteral("keyFilterEdit"), tr("Key"), tr("Key id or plx_sk_…"), 190, this);
    m_key->setToolTip(tr("A key id (key_…) or the start of a key as shown (plx_sk_9f3a)"));
    m_actor = makeEdit(QStringLiteral("actorFilterEdit"), tr("Actor"), tr("Actor"), 180, this);
    m_ip = makeEdit(QStringLiteral("ipFilterEdit"), tr("IP address"), tr("IP address"), 140, this);
    m_ip->setToolTip(tr("An exact address, or a prefix ending in * (203.0.113.*)"));
    for (QLineEdit *edit : {m_key, m_actor, m_ip})
        layout->addWidget(edit, 1);
    for (QLineEdit *edit : {m_search, m_key, m_actor, m_ip})
        connect(edit, &QLineEdit::textChanged, this, &LogFilterBar::emitSoon);

    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));
    m_clear->setText(tr("Clear filters"));
    m_clear->setAccessibleName(tr("Clear filters"));
    connect(m_clear, &QToolButton::clicked, this, [this] {
        reset();
        emit changed();
    });
    layout->addWidget(m_clear);

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        updateCustomEdits();
        emit changed();
    });
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &LogFilterBar::changed);
    reset();
}

LogFilterBar::~LogFilterBar() = default;

QStringList LogFilterBar::eventNames()
{
    return {QStringLiteral("auth.login"),
            QStringLiteral("auth.login_failed"),
            QStringLiteral("auth.mfa"),
            QStringLiteral("auth.oauth"),
            QStringLiteral("auth.refresh"),
            QStringLiteral("auth.logout"),
            QStringLiteral("auth.reauthenticate"),
            QStringLiteral("api_key.created"),
            QStringLiteral("api_key.updated"),
            QStringLiteral("api_key.revoked"),
            QStringLiteral("api_key.used"),
            QStringLiteral("api_key.rejected")};
}

void LogFilterBar::emitSoon()
{
    m_debounce->start();
}

LogFilterBar::Range LogFilterBar::range() const
{
    return Range(m_range->currentIndex());
}

void LogFilterBar::setRange(Range range)
{
    m_range->setCurrentIndex(int(range));
}

LogQuery LogFilterBar::query() const
{
    LogQuery q;
    const QDateTime now = m_clock->now();
    switch (range()) {
    case Range::LastHour:
        q.since = now.addSecs(-3600);
        break;
    case Range::Last24Hours:
        q.since = now.addDays(-1);
        break;
    case Range::Last7Days:
        q.since = now.addDays(-7);
        break;
    case Range::Last30Days:
        q.since = now.addDays(-30);
        break;
    case Range::AllTime:
        break;
    case Range::Custom:
        q.since = m_since->dateTime().toUTC();
        q.until = m_until->dateTime().toUTC();
        break;
    }
    for (QAction *action : m_eventsMenu->actions()) {
        if (action->isCheckable() && action->isChecked())
            q.events << action->data().toString();
    }
    q.outcome = LogQuery::Outcome(m_outcome->currentIndex());
    q.keyId = m_key->text().trimmed();
    q.actor = m_actor->text().trimmed();
    q.ip = m_ip->text().trimmed();
    q.text = m_search->text().trimmed();
    return q;
}

void LogFilterBar::setCustomRange(const QDateTime &from, const QDateTime &until)
{
    {
        const QSignalBlocker a(m_range);
        const QSignalBlocker b(m_since);
        const QSignalBlocker c(m_until);
        m_range->setCurrentIndex(int(Range::Custom));
        const QTimeZone zone = m_utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
        m_since->setDateTime(from.toTimeZone(zone));
        m_until->setDateTime(until.toTimeZone(zone));
        updateCustomEdits();
    }
    m_debounce->stop();
    emit changed();
}

void LogFilterBar::setKey(const QString &keyId)
{
    {
        const QSignalBlocker a(m_key);
        const QSignalBlocker b(m_range);
        m_key->setText(keyId);
        m_range->setCurrentIndex(int(Range::AllTime));
        updateCustomEdits();
    }
    m_debounce->stop();
    emit changed();
}

void LogFilterBar::setUtc(bool utc)
{
    if (m_utc == utc)
        return;
    m_utc = utc;
    const QTimeZone zone = utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    for (QDateTimeEdit *edit : {m_since, m_until}) {
        const QSignalBlocker block(edit);
        const QDateTime value = edit->dateTime().toUTC();
        edit->setTimeSpec(utc ? Qt::UTC : Qt::LocalTime);
        edit->setDateTime(value.toTimeZone(zone));
    }
}

void LogFilterBar::reset()
{
    const QList<QObject *> widgets{m_search,  m_range, m_since, m_until,
                                   m_outcome, m_key,   m_actor, m_ip};
    QList<std::shared_ptr<QSignalBlocker>> blocks;
    for (QObject *w : widgets)
        blocks << std::make_shared<QSignalBlocker>(w);
    for (QAction *action : m_eventsMenu->actions()) {
        const QSignalBlocker block(action);
        action->setChecked(false);
    }
    for (QLineEdit *edit : {m_search, m_key, m_actor, m_ip})
        edit->clear();
    m_outcome->setCurrentIndex(0);
    m_range->setCurrentIndex(int(Range::Last7Days));
    const QDateTime now = m_clock->now();
    m_since->setDateTime(now.addDays(-1).toLocalTime());
    m_until->setDateTime(now.toLocalTime());
    m_debounce->stop();
    updateEventsButton();
    updateCustomEdits();
}

void LogFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogFilterBar::updateEventsButton()
{
    QStringList chosen;
    for (QAction *action : m_eventsMenu->actions()) {
        if (action->isCheckable() && action->isChecked())
            chosen << action->data().toString();
    }
    if (chosen.isEmpty())
        m_events->setText(tr("All events"));
    else if (chosen.size() == 1)
        m_events->setText(chosen.first());
    else
        m_events->setText(tr("%n event type(s)", nullptr, int(chosen.size())));
    // Event types come from the server, and a tooltip is Qt::AutoText.
    m_events->setToolTip(chosen.isEmpty()
                             ? tr("Every event type")
                             : DisplayText::forAutoText(chosen.join(QStringLiteral(", "))));
}

void LogFilterBar::updateCustomEdits()
{
    const bool custom = range() == Range::Custom;
    m_since->setVisible(custom);
    m_until->setVisible(custom);
}

QVariantMap LogFilterBar::saveState() const
{
    const LogQuery q = query();
    return {{kRangeKey, int(range())},
            {kSinceKey, m_since->dateTime().toUTC()},
            {kUntilKey, m_until->dateTime().toUTC()},
            {kEventsKey, q.events},
            {kOutcomeKey, int(q.outcome)},
            {kKeyKey, q.keyId},
            {kActorKey, q.actor},
            {kIpKey, q.ip},
            {kTextKey, m_search->text()}};
}

void LogFilterBar::restoreState(const QVariantMap &state)
{
    if (state.isEmpty())
        return;
    reset();
    const QList<QObject *> widgets{m_search,  m_range, m_since, m_until,
                                   m_outcome, m_key,   m_actor, m_ip};
    QList<std::shared_ptr<QSignalBlocker>> blocks;
    for (QObject *w : widgets)
        blocks << std::make_shared<QSignalBlocker>(w);
    const QStringList events = state.value(kEventsKey).toStringList();
    for (QAction *action : m_eventsMenu->actions()) {
        const QSignalBlocker block(action);
        action->setChecked(action->isCheckable() && events.contains(action->data().toString()));
    }
    const QTimeZone zone = m_utc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    m_since->setDateTime(state.value(kSinceKey).toDateTime().toTimeZone(zone));
    m_until->setDateTime(state.value(kUntilKey).toDateTime().toTimeZone(zone));
    m_range->setCurrentIndex(std::clamp(state.value(kRangeKey).toInt(), 0, int(Range::Custom)));
    m_outcome->setCurrentIndex(std::clamp(state.value(kOutcomeKey).toInt(), 0, 2));
    m_key->setText(state.value(kKeyKey).toString());
    m_actor->setText(state.value(kActorKey).toString());
    m_ip->setText(state.value(kIpKey).toString());
    m_search->setText(state.value(kTextKey).toString());
    updateEventsButton();
    updateCustomEdits();
    blocks.clear();
    emit changed();
}

} // namespace plexe
