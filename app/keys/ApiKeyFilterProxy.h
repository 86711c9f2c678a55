#pragma once

#include <QSortFilterProxyModel>

namespace plexe {

// What the API Keys table shows of ApiKeyTableModel: the Show filter (Active / Revoked / All),
// a search in the names, and sorting on any column by the model's raw sort values.
class ApiKeyFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StatusFilter { Active, Revoked, All };
    Q_ENUM(StatusFilter)

    explicit ApiKeyFilterProxy(QObject *parent = nullptr);

    StatusFilter statusFilter() const { return m_status; }
    void setStatusFilter(StatusFilter filter);
    QString searchText() const { return m_search; }
    void setSearchText(const QString &text);
    // A key that stays shown whatever the Show filter, until the filter changes: the key the
    // user just revoked shows "Revoked" in place instead of vanishing from "Active".
    void setPinnedKeyId(const QString &keyId);

    static QString filterName(StatusFilter filter);
    static StatusFilter filterFromName(const QString &name);

protected:
    // Text case-insensitively, dates and counts as numbers; ties by name, then id.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StatusFilter m_status = StatusFilter::Active;
    QString m_search;
    QString m_pinned;
};

} // namespace plexe
