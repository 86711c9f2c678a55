#include "models/ModelTableModel.h"

#include "core/DisplayText.h"
#include "core/RelativeTime.h"
#include "models/ModelStatusText.h"
#include "session/Clock.h"

#include <limits>

namespace plexe {

namespace {

const QString kDash = QStringLiteral("\u2014");

// A server clock a little ahead of ours must not make a model "created in a few seconds".
QDateTime pastAt(const QDateTime &when, const QDateTime &now)
{
    return when.isValid() && when > now ? now : when;
}

QString dateText(const QDateTime &when, const QDateTime &now)
{
    return when.isValid() ? RelativeTime::format(pastAt(when, now), now) : kDash;
}

// Statuses sort by meaning (Ready, Building, Failed, Draft, others), not by the raw word, so
// that "completed" sorts with "READY".
int stateRank(ModelState state)
{
    switch (state) {
    case ModelState::Ready:
        return 0;
    case ModelState::Building:
        return 1;
    case ModelState::Failed:
        return 2;
    case ModelState::Draft:
        return 3;
    case ModelState::Other:
        return 4;
    case ModelState::Unknown:
        break;
    }
    return 5;
}

} // namespace

ModelTableModel::ModelTableModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock)
{}

int ModelTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ModelTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, index.column());
        return tip.isEmpty() ? QVariant() : DisplayText::forAutoText(tip); // Qt::AutoText
    }
    case Qt::AccessibleTextRole:
        // The badge is painted; a screen reader gets the same words.
        return index.column() == Status ? display(row, index.column()) : QVariant();
    case SortRole:
        return sortValue(row, index.column());
    case ModelNameRole:
        return row.model.modelName;
    case ModelVersionRole:
        return row.model.modelVersion;
    case StateRole:
        return int(row.model.state);
    case IntentRole:
        return row.model.intent;
    case ProgressRole:
        return row.progress ? QVariant(*row.progress) : QVariant();
    default:
        return {};
    }
}

QVariant ModelTableModel::display(const Row &row, int column) const
{
    const Model &m = row.model;
    const QDateTime now = m_clock->now();
    switch (column) {
    case Name:
        return DisplayText::neutralise(m.name.isEmpty() ? m.modelName : m.name);
    case Version:
        return m.modelVersion.isEmpty() ? kDash : DisplayText::neutralise(m.modelVersion);
    case Status:
        return ModelStatusText::withProgress(m.status, row.progress);
    case Deployment:
        return ModelStatusText::deployment(m.deploymentStatus);
    case Created:
        return dateText(m.createdAt, now);
    case Updated:
        return dateText(m.updatedAt, now);
    default:
        return {};
    }
}

QString ModelTableModel::toolTip(const Row &row, int column) const
{
    const Model &m = row.model;
    switch (column) {
    case Name:
        // The display name is elided in the cell; the id is what the API and the URL use.
        return QStringLiteral("%1\n%2").arg(DisplayText::neutralise(m.name),
                                            DisplayText::neutralise(m.modelName));
    case Status:
        // The raw value, so that a surprising dialect can be reported as it came.
        return m.status.isEmpty() ? QString() : DisplayText::neutralise(m.status);
    case Created:
        return m.createdAt.isValid() ? RelativeTime::absolute(m.createdAt) : QString();
    case Updated:
        return m.updatedAt.isValid() ? RelativeTime::absolute(m.updatedAt) : QString();
    default:
        return {};
    }
}

QVariant ModelTableModel::sortValue(const Row &row, int column)
{
    constexpr qint64 lowest = std::numeric_limits<qint64>::min();
    const Model &m = row.model;
    switch (column) {
    case Name:
        return m.name.isEmpty() ? m.modelName : m.name;
    case Version: {
        // Versions are usually numbers: 10 after 9.
        bool numeric = false;
        const qint64 n = m.modelVersion.toLongLong(&numeric);
        return numeric ? QVariant(n) : QVariant(m.modelVersion);
    }
    case Status:
        return qint64(stateRank(m.state));
    case Deployment:
        return m.deploymentStatus;
    case Created:
        return m.createdAt.isValid() ? m.createdAt.toMSecsSinceEpoch() : lowest;
    case Updated:
        return m.updatedAt.isValid() ? m.updatedAt.toMSecsSinceEpoch() : lowest;
    default:
        return {};
    }
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Version:
        return tr("Version");
    case Status:
        return tr("Status");
    case Deployment:
        return tr("Deployment");
    case Created:
        return tr("Created");
    case Updated:
        return tr("Updated");
    default:
        return {};
    }
}

void ModelTableModel::setModels(const QList<Model> &models)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(models.size());
    for (const Model &m : models)
        m_rows.append(Row{m, std::nullopt});
    endResetModel();
}

bool ModelTableModel::applyStatus(const ModelStatus &status)
{
    const int row = rowOf(status.modelName, status.modelVersion);
    if (row < 0)
        return false;
    Row &r = m_rows[row];
    // A status answer without a status (or an empty one) changes nothing but the progress.
    if (!status.status.isEmpty()) {
        r.model.status = status.status;
        r.model.state = status.state;
    }
    if (!status.deploymentStatus.isEmpty())
        r.model.deploymentStatus = status.deploymentStatus;
    if (status.lastUpdated.isValid())
        r.model.updatedAt = status.lastUpdated;
    r.progress = ModelStatusText::isSettled(r.model.state)
                     ? std::nullopt
                     : ModelStatusText::percent(status.buildProgress);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

void ModelTableModel::timePassed()
{
    if (m_rows.isEmpty())
        return;
    const int last = int(m_rows.size()) - 1;
    emit dataChanged(index(0, Created), index(last, Updated), {Qt::DisplayRole});
}

int ModelTableModel::rowOf(const QString &modelName, const QString &modelVersion) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const Model &m = m_rows.at(row).model;
        if (m.modelName == modelName && m.modelVersion == modelVersion)
            return row;
    }
    return -1;
}

QList<Model> ModelTableModel::models() const
{
    QList<Model> out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.append(r.model);
    return out;
}

} // namespace plexe
