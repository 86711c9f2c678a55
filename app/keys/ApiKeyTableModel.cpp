#include "keys/ApiKeyTableModel.h"

#include "core/DisplayText.h"
#include "core/RelativeTime.h"
#include "session/Clock.h"

#include <limits>

namespace plexe {

namespace {

// Creation and use are in the past by definition: a server clock a little ahead of ours must not
// make a key "used in a few seconds".
QDateTime pastAt(const QDateTime &when, const QDateTime &now)
{
    return when.isValid() && when > now ? now : when;
}

const QString kDash = QStringLiteral("\u2014");

// Sort keys for dates: a key that never expires sorts after every date, one never used before.
qint64 dateKey(const QDateTime &when, qint64 whenNull)
{
    return when.isValid() ? when.toMSecsSinceEpoch() : whenNull;
}

} // namespace

ApiKeyTableModel::ApiKeyTableModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock)
{}

int ApiKeyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int ApiKeyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiKeyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiKey &key = m_keys.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(key, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(key, index.column());
        return tip.isEmpty() ? QVariant() : DisplayText::forAutoText(tip); // Qt::AutoText
    }
    case SortRole:
        return sortValue(key, index.column());
    case KeyIdRole:
        return key.keyId;
    case StatusRole:
        return key.status;
    default:
        return {};
    }
}

QVariant ApiKeyTableModel::display(const ApiKey &key, int column) const
{
    const QDateTime now = m_clock->now();
    switch (column) {
    case Name:
        return DisplayText::neutralise(key.name);
    case Key:
        return key.maskedKey();
    case Permission:
        return permissionText(key.permissionLevel);
    case Status:
        return statusText(key.status);
    case Created:
        return key.createdAt.isValid() ? RelativeTime::format(pastAt(key.createdAt, now), now)
                                       : kDash;
    case CreatedBy:
        return key.createdBy.isEmpty() ? kDash : DisplayText::neutralise(key.createdBy);
    case Expires:
        return RelativeTime::format(key.expiresAt, now); // "Never" when null
    case LastUsed:
        return RelativeTime::format(pastAt(key.lastUsedAt, now), now);
    default:
        return {};
    }
}

QString ApiKeyTableModel::toolTip(const ApiKey &key, int column) const
{
    switch (column) {
    case Created:
        return key.createdAt.isValid() ? RelativeTime::absolute(key.createdAt) : QString();
    case Expires:
        return RelativeTime::absolute(key.expiresAt);
    case LastUsed:
        return RelativeTime::absolute(key.lastUsedAt);
    case Status:
        return key.revokedAt.isValid() ? tr("Revoked %1").arg(RelativeTime::absolute(key.revokedAt))
                                       : QString();
    case Name:
        return DisplayText::neutralise(key.name); // long names are elided in the cell
    default:
        return {};
    }
}

QVariant ApiKeyTableModel::sortValue(const ApiKey &key, int column)
{
    constexpr qint64 lowest = std::numeric_limits<qint64>::min();
    constexpr qint64 highest = std::numeric_limits<qint64>::max();
    switch (column) {
    case Name:
        return key.name;
    case Key:
        return QString(key.keyPrefix + key.keySuffix);
    case Permission:
        return key.permissionLevel;
    case Status:
        return key.status;
    case Created:
        return dateKey(key.createdAt, lowest);
    case CreatedBy:
        return key.createdBy;
    case Expires:
        return dateKey(key.expiresAt, highest);
    case LastUsed:
        return dateKey(key.lastUsedAt, lowest);
    default:
        return {};
    }
}

QVariant ApiKeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Key:
        return tr("Key");
    case Permission:
        return tr("Permission");
    case Status:
        return tr("Status");
    case Created:
        return tr("Created");
    case CreatedBy:
        return tr("Created by");
    case Expires:
        return tr("Expires");
    case LastUsed:
        return tr("Last used");
    default:
        return {};
    }
}

void ApiKeyTableModel::setKeys(const QList<ApiKey> &keys)
{
    beginResetModel();
    m_keys = keys;
    for (ApiKey &key : m_keys)
        key.usage.reset(); // usage belongs to the details panel, fetched fresh
    endResetModel();
}

void ApiKeyTableModel::clear()
{
    setKeys({});
}

void ApiKeyTableModel::upsert(const ApiKey &key)
{
    const int row = rowOf(key.keyId);
    if (row < 0) {
        beginInsertRows({}, int(m_keys.size()), int(m_keys.size()));
        m_keys.append(key);
        endInsertRows();
        return;
    }
    m_keys[row] = key;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ApiKeyTableModel::markRevoked(const QString &keyId, const QDateTime &revokedAt)
{
    const int row = rowOf(keyId);
    if (row < 0)
        return;
    m_keys[row].status = QStringLiteral("revoked");
    m_keys[row].revokedAt = revokedAt;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ApiKeyTableModel::timePassed()
{
    if (m_keys.isEmpty())
        return;
    const int last = int(m_keys.size()) - 1;
    for (int column : {Created, Expires, LastUsed})
        emit dataChanged(index(0, column), index(last, column), {Qt::DisplayRole});
}

int ApiKeyTableModel::rowOf(const QString &keyId) const
{
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).keyId == keyId)
            return row;
    }
    return -1;
}

QString ApiKeyTableModel::permissionText(const QString &permissionLevel)
{
    if (permissionLevel == QLatin1String("read_only"))
        return tr("Read-only");
    if (permissionLevel == QLatin1String("read_write"))
        return tr("Read & write");
    return DisplayText::neutralise(permissionLevel);
}

QString ApiKeyTableModel::statusText(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("revoked"))
        return tr("Revoked");
    if (status == QLatin1String("expired"))
        return tr("Expired");
    return status.isEmpty() ? kDash : DisplayText::neutralise(status);
}

} // namespace plexe
