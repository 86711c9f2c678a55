#pragma once

#include <QSortFilterProxyModel>

namespace plexe {

// What the Models table shows of ModelTableModel: the status filter (on the display set, so both
// vocabularies filter alike), a search over display name, model name and intent, and sorting
// on any column by the model's raw sort values.
class ModelFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StatusFilter { All, Ready, Building, Failed, Draft, Other };
    Q_ENUM(StatusFilter)

    explicit ModelFilterProxy(QObject *parent = nullptr);

    StatusFilter statusFilter() const { return m_status; }
    void setStatusFilter(StatusFilter filter);
    QString searchText() const { return m_search; }
    void setSearchText(const QString &text);

    static QString filterName(StatusFilter filter);
    static StatusFilter filterFromName(const QString &name);

protected:
    // Text case-insensitively, numbers and dates as numbers; ties by name, then model name.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StatusFilter m_status = StatusFilter::All;
    QString m_search;
};

} // namespace plexe
