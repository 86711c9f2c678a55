#include "logs/LogTableModel.h"

#include "core/DisplayText.h"
#include "logs/LogFormat.h"
#include "logs/LogStore.h"
#include "logs/LogTable.h"

#include <QDateTime>

#include <algorithm>

namespace plexe {

LogTableModel::LogTableModel(LogStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_zone(QTimeZone::systemTimeZone())
{
    connect(store, &LogStore::cleared, this, &LogTableModel::clear);
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_result ? 0 : int(m_result->rows.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(LogColumn::Count);
}

quint32 LogTableModel::tableRow(int row) const
{
    return m_result->rows[size_t(row)];
}

QString LogTableModel::display(quint32 r, LogColumn column) const
{
    const LogTable &t = *m_result->table;
    if (column == LogColumn::Outcome) {
        const QString &outcome = t.text(r, LogTable::Text::Outcome);
        if (outcome == QLatin1String("success"))
            return tr("Success");
        if (outcome == QLatin1String("failure"))
            return tr("Failure");
    }
    return LogFormat::cell(t, r, column, m_zone);
}

QString LogTableModel::toolTip(quint32 r, LogColumn column) const
{
    const LogTable &t = *m_result->table;
    using Text = LogTable::Text;
    switch (column) {
    case LogColumn::Time:
        return LogFormat::isoTime(t.timestampMs(r), m_zone);
    case LogColumn::Key:
        if (t.text(r, Text::KeyId).isEmpty())
            return {};
        return tr("Key id: %1").arg(DisplayText::neutralise(t.text(r, Text::KeyId)));
    case LogColumn::Request:
        return tr("User agent: %1").arg(DisplayText::neutralise(t.text(r, Text::UserAgent)));
    default:
        return {};
    }
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_result || index.row() >= rowCount() ||
        index.column() >= columnCount())
        return {};
    const LogTable &t = *m_result->table;
    const quint32 r = tableRow(index.row());
    const auto column = LogColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(r, column);
        return tip.isEmpty() ? QVariant() : DisplayText::forAutoText(tip); // Qt::AutoText
    }
    case Qt::TextAlignmentRole:
        if (column == LogColumn::Status)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (column == LogColumn::Time)
            return t.timestampMs(r);
        if (column == LogColumn::Status)
            return t.status(r);
        return display(r, column);
    case TableRowRole:
        return r;
    case EventIdRole:
        return t.id(r);
    case OutcomeRole:
        return t.text(r, LogTable::Text::Outcome);
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(t.timestampMs(r), Qt::UTC);
    default:
        return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        const auto column = LogColumn(section);
        if (column == LogColumn::Time)
            return tr("Time (%1)").arg(zoneName());
        return columnTitle(column);
    }
    return {};
}

QString LogTableModel::columnTitle(LogColumn column)
{
    switch (column) {
    case LogColumn::Time:
        return tr("Time");
    case LogColumn::Event:
        return tr("Event");
    case LogColumn::Outcome:
        return tr("Outcome");
    case LogColumn::Actor:
        return tr("Actor");
    case LogColumn::Key:
        return tr("Key");
    case LogColumn::Ip:
        return tr("IP address");
    case LogColumn::Request:
        return tr("Request");
    case LogColumn::Status:
        return tr("Status");
    case LogColumn::ErrorCode:
        return tr("Error code");
    case LogColumn::Count:
        break;
    }
    return {};
}

void LogTableModel::setResult(const LogQueryResultPtr &result)
{
    if (!result || (m_store && result->table != m_store->table()))
        return; // computed over rows dropped since (B17)
    if (m_result && result->table == m_result->table && result->query == m_result->query) {
        // The same question over more rows: when the old rows are the tail end of the new ones
        // (a live tail in newest-first order), insert the new rows above, so the view keeps its
        // scroll position and selection.
        const std::vector<quint32> &oldRows = m_result->rows;
        const std::vector<quint32> &newRows = result->rows;
        if (newRows.size() > oldRows.size() &&
            std::equal(oldRows.begin(), oldRows.end(),
                       newRows.begin() + qint64(newRows.size() - oldRows.size()))) {
            const int added = int(newRows.size() - oldRows.size());
            beginInsertRows({}, 0, added - 1);
            m_result = result;
            endInsertRows();
            emit rowsPrependedAtTop(added);
            return;
        }
        if (newRows == oldRows) {
            m_result = result; // same rows (e.g. the histogram's range moved on)
            return;
        }
    }
    beginResetModel();
    m_result = result;
    endResetModel();
}

void LogTableModel::clear()
{
    if (!m_result)
        return;
    beginResetModel();
    m_result.reset();
    endResetModel();
}

void LogTableModel::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    emit headerDataChanged(Qt::Horizontal, int(LogColumn::Time), int(LogColumn::Time));
    if (rowCount() > 0)
        emit dataChanged(index(0, int(LogColumn::Time)),
                         index(rowCount() - 1, int(LogColumn::Time)));
}

void LogTableModel::setUtc(bool utc)
{
    setTimeZone(utc ? QTimeZone::utc() : QTimeZone::systemTimeZone());
}

bool LogTableModel::isUtc() const
{
    return m_zone == QTimeZone::utc();
}

QString LogTableModel::zoneName() const
{
    return LogFormat::zoneName(m_zone, QDateTime::currentMSecsSinceEpoch());
}

QString LogTableModel::rowText(int row) const
{
    if (!m_result || row < 0 || row >= rowCount())
        return {};
    QStringList cells;
    for (int c = 0; c < int(LogColumn::Count); ++c)
        cells << display(tableRow(row), LogColumn(c));
    return cells.join(QLatin1Char('\t'));
}

} // namespace plexe
