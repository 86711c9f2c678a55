#include "logs/JournalTableModel.h"

#include "core/DisplayText.h"

#include <QLocale>
#include <QTimeZone>

namespace plexe {

JournalTableModel::JournalTableModel(QObject *parent) : QAbstractTableModel(parent) {}

JournalTableModel::~JournalTableModel() = default;

void JournalTableModel::setEntries(const QList<JournalEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void JournalTableModel::setUtc(bool utc)
{
    if (utc == m_utc)
        return;
    m_utc = utc;
    emit headerDataChanged(Qt::Horizontal, Time, Time);
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DisplayRole});
}

int JournalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JournalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const JournalEntry &entry = m_entries.at(index.row());
    switch (index.column()) {
    case Time: {
        const QDateTime t = m_utc ? entry.time.toUTC() : entry.time.toLocalTime();
        return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    case Method:
        return entry.method;
    case Path:
        return DisplayText::neutralise(entry.path);
    case Status:
        return entry.status > 0 ? QString::number(entry.status) : tr("no answer");
    }
    return {};
}

QVariant JournalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return m_utc ? tr("Time (UTC)")
                     : tr("Time (%1)")
                           .arg(QTimeZone::systemTimeZone().abbreviation(
                               QDateTime::currentDateTime()));
    case Method:
        return tr("Method");
    case Path:
        return tr("Path");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace plexe
