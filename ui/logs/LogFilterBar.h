#pragma once

#include "logs/LogQuery.h"

#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;

namespace plexe {

class Clock;

// The Access Logs filter row: free-text search, time range (presets and a custom range with two
// date-time edits), event types (a checkable menu), outcome, key, actor and IP. Every filter
// combines. Typing is debounced; every change ends in one changed(). query() turns the row into
// a LogQuery with the time range resolved against the clock at that moment.
class LogFilterBar : public QWidget
{
    Q_OBJECT

public:
    enum class Range { LastHour, Last24Hours, Last7Days, Last30Days, AllTime, Custom };
    Q_ENUM(Range)

    static constexpr int kDebounceMs = 200;

    explicit LogFilterBar(const Clock *clock, QWidget *parent = nullptr);
    ~LogFilterBar() override;

    // The filters (not the sort order) as of now.
    LogQuery query() const;
    Range range() const;
    void setRange(Range range);
    // A custom range [from, until) (a chart bar); shows the two edits.
    void setCustomRange(const QDateTime &from, const QDateTime &until);
    // The key filter (View activity); the time range widens to all time so that a key's whole
    // history shows.
    void setKey(const QString &keyId);
    // Times in the custom edits follow the pane's zone.
    void setUtc(bool utc);
    // Every filter back to its default (the last 7 days, nothing else).
    void reset();
    void focusSearch();

    // The filters, for the same account's resume after an idle timeout. Never a secret.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

    // The event names the menu offers (contract §6).
    static QStringList eventNames();

signals:
    void changed();

private:
    void emitSoon();
    void updateEventsButton();
    void updateCustomEdits();

    const Clock *m_clock;
    QLineEdit *m_search;
    QComboBox *m_range;
    QDateTimeEdit *m_since;
    QDateTimeEdit *m_until;
    QToolButton *m_events;
    QMenu *m_eventsMenu;
    QComboBox *m_outcome;
    QLineEdit *m_key;
    QLineEdit *m_actor;
    QLineEdit *m_ip;
    QToolButton *m_clear;
    QTimer *m_debounce;
    bool m_utc = false;
};

} // namespace plexe
