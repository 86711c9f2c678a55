#include "models/ModelFilterProxy.h"

#include "api/Model.h"
#include "models/ModelTableModel.h"

#include <iterator>

namespace plexe {

namespace {

int compareValues(const QVariant &a, const QVariant &b)
{
    // A numeric version sorts before a textual one ("1" < "beta").
    const bool aText = a.typeId() == QMetaType::QString;
    const bool bText = b.typeId() == QMetaType::QString;
    if (aText != bText)
        return aText ? 1 : -1;
    if (aText)
        return a.toString().compare(b.toString(), Qt::CaseInsensitive);
    const qint64 x = a.toLongLong(), y = b.toLongLong();
    return x < y ? -1 : (x > y ? 1 : 0);
}

const char *const kNames[] = {"all", "ready", "building", "failed", "draft", "other"};

} // namespace

ModelFilterProxy::ModelFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ModelTableModel::SortRole);
    // A model whose build settles moves to where it now belongs and leaves a filter it no
    // longer matches ("Building").
    setDynamicSortFilter(true);
}

void ModelFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    invalidateFilter();
}

void ModelFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

bool ModelFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int byColumn =
        compareValues(left.data(ModelTableModel::SortRole), right.data(ModelTableModel::SortRole));
    if (byColumn != 0)
        return byColumn < 0;
    // Ties (two Ready models) by name, then model name and version, so that the order is stable
    // and descending is the exact reverse.
    const QModelIndex l = left.siblingAtColumn(ModelTableModel::Name);
    const QModelIndex r = right.siblingAtColumn(ModelTableModel::Name);
    const int byName =
        compareValues(l.data(ModelTableModel::SortRole), r.data(ModelTableModel::SortRole));
    if (byName != 0)
        return byName < 0;
    const int byId = l.data(ModelTableModel::ModelNameRole)
                         .toString()
                         .compare(r.data(ModelTableModel::ModelNameRole).toString());
    if (byId != 0)
        return byId < 0;
    return compareValues(
               left.siblingAtColumn(ModelTableModel::Version).data(ModelTableModel::SortRole),
               right.siblingAtColumn(ModelTableModel::Version).data(ModelTableModel::SortRole)) < 0;
}

bool ModelFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex name = sourceModel()->index(sourceRow, ModelTableModel::Name, sourceParent);
    if (!m_search.isEmpty()) {
        const auto has = [this](const QVariant &v) {
            return v.toString().contains(m_search, Qt::CaseInsensitive);
        };
        if (!has(name.data(ModelTableModel::SortRole)) &&
            !has(name.data(ModelTableModel::ModelNameRole)) &&
            !has(name.data(ModelTableModel::IntentRole)))
            return false;
    }
    const auto state = ModelState(name.data(ModelTableModel::StateRole).toInt());
    switch (m_status) {
    case StatusFilter::All:
        return true;
    case StatusFilter::Ready:
        return state == ModelState::Ready;
    case StatusFilter::Building:
        return state == ModelState::Building;
    case StatusFilter::Failed:
        return state == ModelState::Failed;
    case StatusFilter::Draft:
        return state == ModelState::Draft;
    case StatusFilter::Other:
        break;
    }
    return state == ModelState::Other || state == ModelState::Unknown;
}

QString ModelFilterProxy::filterName(StatusFilter filter)
{
    return QString::fromLatin1(kNames[int(filter)]);
}

ModelFilterProxy::StatusFilter ModelFilterProxy::filterFromName(const QString &name)
{
    for (int i = 0; i < int(std::size(kNames)); ++i) {
        if (name == QLatin1String(kNames[i]))
            return StatusFilter(i);
    }
    return StatusFilter::All;
}

} // namespace plexe
