#pragma once

#include "logs/RequestJournal.h"

#include <QAbstractTableModel>

namespace plexe {

// The request journal as a table (time, method, path, status), newest first. A journal holds at
// most a few thousand lines (its cap), so the rows are a plain copy.
class JournalTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Method, Path, Status, ColumnCount };

    explicit JournalTableModel(QObject *parent = nullptr);
    ~JournalTableModel() override;

    void setEntries(const QList<JournalEntry> &entries);
    void clear() { setEntries({}); }
    void setUtc(bool utc);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<JournalEntry> m_entries;
    bool m_utc = false;
};

} // namespace plexe
