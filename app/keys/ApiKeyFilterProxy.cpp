#include "keys/ApiKeyFilterProxy.h"

#include "keys/ApiKeyTableModel.h"

namespace plexe {

ApiKeyFilterProxy::ApiKeyFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ApiKeyTableModel::SortRole);
    // An edited or revoked key moves to where it now belongs and leaves a filter it no longer
    // matches.
    setDynamicSortFilter(true);
}

void ApiKeyFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status && m_pinned.isEmpty())
        return;
    m_status = filter;
    m_pinned.clear();
    invalidateFilter();
}

void ApiKeyFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

void ApiKeyFilterProxy::setPinnedKeyId(const QString &keyId)
{
    if (keyId == m_pinned)
        return;
    m_pinned = keyId;
    invalidateFilter();
}

bool ApiKeyFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto compare = [](const QVariant &a, const QVariant &b) {
        if (a.typeId() == QMetaType::QString)
            return a.toString().compare(b.toString(), Qt::CaseInsensitive);
        const qint64 x = a.toLongLong(), y = b.toLongLong();
        return x < y ? -1 : (x > y ? 1 : 0);
    };
    const int byColumn =
        compare(left.data(ApiKeyTableModel::SortRole), right.data(ApiKeyTableModel::SortRole));
    if (byColumn != 0)
        return byColumn < 0;
    // Ties (two active keys, two never used) are ordered by name, then id, so that the order
    // does not change from one sort to the next and descending is the exact reverse.
    const QModelIndex leftName = left.siblingAtColumn(ApiKeyTableModel::Name);
    const QModelIndex rightName = right.siblingAtColumn(ApiKeyTableModel::Name);
    const int byName = compare(leftName.data(ApiKeyTableModel::SortRole),
                               rightName.data(ApiKeyTableModel::SortRole));
    if (byName != 0)
        return byName < 0;
    return leftName.data(ApiKeyTableModel::KeyIdRole).toString() <
           rightName.data(ApiKeyTableModel::KeyIdRole).toString();
}

bool ApiKeyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex name = sourceModel()->index(sourceRow, ApiKeyTableModel::Name, sourceParent);
    if (!m_search.isEmpty() &&
        !name.data(ApiKeyTableModel::SortRole).toString().contains(m_search, Qt::CaseInsensitive))
        return false;
    if (!m_pinned.isEmpty() && name.data(ApiKeyTableModel::KeyIdRole).toString() == m_pinned)
        return true;
    const QString status = name.data(ApiKeyTableModel::StatusRole).toString();
    switch (m_status) {
    case StatusFilter::Active:
        return status == QLatin1String("active");
    case StatusFilter::Revoked:
        return status == QLatin1String("revoked");
    case StatusFilter::All:
        break;
    }
    return true;
}

QString ApiKeyFilterProxy::filterName(StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::Active:
        return QStringLiteral("active");
    case StatusFilter::Revoked:
        return QStringLiteral("revoked");
    case StatusFilter::All:
        break;
    }
    return QStringLiteral("all");
}

ApiKeyFilterProxy::StatusFilter ApiKeyFilterProxy::filterFromName(const QString &name)
{
    if (name == QLatin1String("revoked"))
        return StatusFilter::Revoked;
    if (name == QLatin1String("all"))
        return StatusFilter::All;
    return StatusFilter::Active;
}

} // namespace plexe
