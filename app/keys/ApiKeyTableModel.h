#pragma once

#include "api/ApiKey.h"

#include <QAbstractTableModel>
#include <QList>

namespace plexe {

class Clock;

// The API keys of the account, one row per key (never a secret: only the masked key). Dates
// are relative in DisplayRole ("3 min ago", "Never") and absolute in ToolTipRole; SortRole
// gives raw values so that the proxy sorts dates as dates. Server text is neutralised.
class ApiKeyTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Key,
        Permission,
        Status,
        Created,
        CreatedBy,
        Expires,
        LastUsed,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        SortRole = Qt::UserRole + 1,
        KeyIdRole,  // the key's id, in every column
        StatusRole, // "active" | "revoked" | "expired" as the server sent it
    };

    // `clock` (not owned) is "now" for the relative dates.
    explicit ApiKeyTableModel(const Clock *clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setKeys(const QList<ApiKey> &keys);
    void clear();
    // Replaces the row of `key.keyId`, or appends it (a created or edited key).
    void upsert(const ApiKey &key);
    void markRevoked(const QString &keyId, const QDateTime &revokedAt);
    // The relative dates moved on ("3 min ago" became "4 min ago").
    void timePassed();

    int rowOf(const QString &keyId) const;
    const ApiKey &key(int row) const { return m_keys.at(row); }
    const QList<ApiKey> &keys() const { return m_keys; }

    static QString permissionText(const QString &permissionLevel);
    static QString statusText(const QString &status);

private:
    QVariant display(const ApiKey &key, int column) const;
    QString toolTip(const ApiKey &key, int column) const;
    static QVariant sortValue(const ApiKey &key, int column);

    const Clock *m_clock;
    QList<ApiKey> m_keys;
};

} // namespace plexe
