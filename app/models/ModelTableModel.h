#pragma once

#include "api/Model.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

namespace plexe {

class Clock;

// The models of the account, one row per model and version. Status is the display set of
// ModelStatusText (with the build progress while building); dates are relative in DisplayRole
// and absolute in ToolTipRole; SortRole gives raw values. Server text is neutralised.
class ModelTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Version, Status, Deployment, Created, Updated, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        SortRole = Qt::UserRole + 1,
        ModelNameRole,    // model_name, in every column
        ModelVersionRole, // model_version, in every column
        StateRole,        // int(ModelState), in every column (the badge's colour)
        IntentRole,       // the intent as sent (search)
        ProgressRole,     // build progress in percent, or an invalid QVariant
    };

    // `clock` (not owned) is "now" for the relative dates.
    explicit ModelTableModel(const Clock *clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setModels(const QList<Model> &models);
    void clear() { setModels({}); }
    // A status answer for one model: its row changes in place (no reset, the selection stays).
    // False when no row has that name and version.
    bool applyStatus(const ModelStatus &status);
    // The relative dates moved on.
    void timePassed();

    int rowOf(const QString &modelName, const QString &modelVersion) const;
    const Model &model(int row) const { return m_rows.at(row).model; }
    std::optional<double> progress(int row) const { return m_rows.at(row).progress; }
    QList<Model> models() const;

private:
    struct Row
    {
        Model model;
        std::optional<double> progress; // percent, from the status route
    };
    QVariant display(const Row &row, int column) const;
    QString toolTip(const Row &row, int column) const;
    static QVariant sortValue(const Row &row, int column);

    const Clock *m_clock;
    QList<Row> m_rows;
};

} // namespace plexe
