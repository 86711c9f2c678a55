#pragma once

#include "api/Model.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTableWidget;

namespace Ui {
class ModelDetailsPanel;
}

namespace plexe {

// The details of the selected model: description, intent, status, endpoint (Copy), tags,
// dataset, creator, metrics, input and output schema as tables, and the sample call (curl and
// Python) with $PLEXE_API_KEY as the key. Missing optional fields show "—"; server text is
// plain text, neutralised. Copying uses the normal clipboard: nothing here is a secret.
class ModelDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ModelDetailsPanel(QWidget *parent = nullptr);
    ~ModelDetailsPanel() override;

    // No model selected.
    void showNothing();
    // The list's fields at once; the rest says "Loading…" until showDetails() or
    // showDetailsError().
    void showSummary(const Model &model, std::optional<double> progress);
    void showDetails(const ModelDetails &details, std::optional<double> progress);
    void showDetailsError(const QString &message);
    // The status moved on (poller): only the status line changes.
    void showStatus(const Model &model, std::optional<double> progress);

    QString modelName() const { return m_modelName; }
    QString endpoint() const { return m_endpoint; }
    // The sample call of the tab shown (curl or Python).
    QString sampleCall() const;

signals:
    // `what` is "endpoint" or "sample call" (for the pane's confirmation).
    void copied(const QString &what);

private:
    void clearFields(const QString &text);
    void setSample(const QString &curl, const QString &python);
    static void fillTable(QTableWidget *table, const QJsonObject &object, const QString &key,
                          const QString &value);

    std::unique_ptr<Ui::ModelDetailsPanel> m_ui;
    QLabel *m_hint; // instead of the fields while no model is selected
    QString m_modelName;
    QString m_endpoint;
};

} // namespace plexe
