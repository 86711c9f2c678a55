#pragma once

#include "logs/LogColumn.h"
#include "logs/QueryEngine.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimeZone>

namespace plexe {

class LogStore;

// The Access Logs table: one row per event of the current query result, read from the store
// through the result's row vector (no proxy over a million rows). Columns are LogColumn.
// Server text is plain text, neutralised (DisplayText). The time is shown in timeZone(), and the
// Time header names the zone ("Time (UTC)", "Time (CET)").
class LogTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        SortRole = Qt::UserRole + 1, // raw values (time in UTC ms, status as int)
        TableRowRole,                // the row's number in the LogTable
        EventIdRole,                 // the event's id
        OutcomeRole,                 // "success" | "failure" as the server sent it
        TimestampRole,               // QDateTime (UTC)
    };

    // Follows `store`: cleared() empties the model (B17).
    explicit LogTableModel(LogStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shows `result`. When it is the shown result with rows added at the top (a tail), those
    // rows are inserted (rowsInserted at 0, rowsPrependedAtTop()), so the view keeps its place;
    // otherwise the model resets. A result for a cleared table is ignored.
    void setResult(const LogQueryResultPtr &result);
    LogQueryResultPtr result() const { return m_result; }
    void clear();

    // Local time by default (QTimeZone::systemTimeZone()).
    void setTimeZone(const QTimeZone &zone);
    void setUtc(bool utc);
    bool isUtc() const;
    QTimeZone timeZone() const { return m_zone; }
    // The zone's short name now, as in the header.
    QString zoneName() const;

    // The table row number of a model row.
    quint32 tableRow(int row) const;
    // "copy row": the row's cells as shown, tab-separated, in column order.
    QString rowText(int row) const;
    static QString columnTitle(LogColumn column);

signals:
    // `count` rows were inserted at the top (a live tail).
    void rowsPrependedAtTop(int count);

private:
    QString display(quint32 tableRow, LogColumn column) const;
    QString toolTip(quint32 tableRow, LogColumn column) const;

    QPointer<LogStore> m_store;
    LogQueryResultPtr m_result;
    QTimeZone m_zone;
};

} // namespace plexe
