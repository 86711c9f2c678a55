#include "models/ModelDetailsPanel.h"

#include "core/DisplayText.h"
#include "models/ModelStatusText.h"
#include "models/SampleCall.h"
#include "ui_ModelDetailsPanel.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>

#include <cmath>

namespace plexe {

namespace {

const QString kDash = QStringLiteral("\u2014");

QString orDash(const QString &text)
{
    return text.trimmed().isEmpty() ? kDash : DisplayText::neutralise(text);
}

// A metric or schema value as a person reads it: numbers with the locale's separators, text
// as text, anything else as compact JSON.
QString valueText(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 1e15)
            return QLocale().toString(qint64(d));
        return QLocale().toString(d, 'g', 6);
    }
    if (value.isString())
        return DisplayText::neutralise(value.toString());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull() || value.isUndefined())
        return kDash;
    const QJsonDocument doc =
        value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
    return DisplayText::neutralise(QString::fromUtf8(doc.toJson(QJsonDocument::Compact)));
}

} // namespace

ModelDetailsPanel::ModelDetailsPanel(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ModelDetailsPanel>())
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("modelDetailsPanel"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {m_ui->modelCurlEdit, m_ui->modelPythonEdit}) {
        edit->setFont(fixed);
        edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 6);
    }
    for (QTableWidget *table :
         {m_ui->modelMetricsTable, m_ui->modelInputSchemaTable, m_ui->modelOutputSchemaTable}) {
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
        // As tall as their rows (a schema has a handful of fields), not as tall as the panel.
        table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
        table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the last column stretches
        table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
        table->setMaximumHeight(table->verticalHeader()->defaultSectionSize() * 8);
        // Nothing to select in these tables: their corner button would do nothing.
        table->setCornerButtonEnabled(false);
        for (QAbstractButton *corner : table->findChildren<QAbstractButton *>()) {
            corner->setObjectName(table->objectName() + QStringLiteral("CornerButton"));
            corner->setAccessibleName(tr("Select all of %1").arg(table->accessibleName()));
        }
    }
    QFont title = m_ui->modelNameValue->font();
    title.setBold(true);
    m_ui->modelNameValue->setFont(title);
    m_ui->modelSampleTabs->tabBar()->setAccessibleName(tr("Sample call language"));
    m_ui->detailsForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_hint =
        new QLabel(tr("Select a model to see its details, its schemas and a sample call."), this);
    m_hint->setObjectName(QStringLiteral("modelDetailsHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false); // the palette's disabled text: a hint, not content
    layout()->addWidget(m_hint);

    connect(m_ui->copyEndpointButton, &QPushButton::clicked, this, [this] {
        if (m_endpoint.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(m_endpoint);
        emit copied(tr("endpoint"));
    });
    connect(m_ui->copySampleButton, &QPushButton::clicked, this, [this] {
        const QString text = sampleCall();
        if (text.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(text);
        emit copied(tr("sample call"));
    });
    showNothing();
}

ModelDetailsPanel::~ModelDetailsPanel() = default;

void ModelDetailsPanel::clearFields(const QString &text)
{
    for (QLabel *label : {m_ui->modelDescriptionValue, m_ui->modelIntentValue, m_ui->modelTagsValue,
                          m_ui->modelDatasetValue, m_ui->modelCreatedByValue})
        label->setText(text);
    m_ui->modelEndpointValue->setText(text);
    fillTable(m_ui->modelMetricsTable, {}, tr("Metric"), tr("Value"));
    fillTable(m_ui->modelInputSchemaTable, {}, tr("Field"), tr("Type"));
    fillTable(m_ui->modelOutputSchemaTable, {}, tr("Field"), tr("Type"));
    m_endpoint.clear();
    m_ui->copyEndpointButton->setEnabled(false);
    setSample(QString(), QString());
}

void ModelDetailsPanel::showNothing()
{
    m_modelName.clear();
    m_ui->modelNameValue->setText(QString());
    m_ui->modelDetailStatusValue->setText(kDash);
    m_ui->modelDeploymentValue->setText(kDash);
    clearFields(kDash);
    m_ui->modelDetailsScroll->hide();
    m_hint->show();
}

void ModelDetailsPanel::showSummary(const Model &model, std::optional<double> progress)
{
    m_hint->hide();
    m_ui->modelDetailsScroll->show();
    m_modelName = model.modelName;
    m_ui->modelNameValue->setText(tr("%1 (%2, version %3)")
                                      .arg(orDash(model.name),
                                           DisplayText::neutralise(model.modelName),
                                           orDash(model.modelVersion)));
    clearFields(tr("Loading…"));
    m_ui->modelIntentValue->setText(orDash(model.intent));
    showStatus(model, progress);
}

void ModelDetailsPanel::showStatus(const Model &model, std::optional<double> progress)
{
    if (model.modelName != m_modelName)
        return;
    m_ui->modelDetailStatusValue->setText(ModelStatusText::withProgress(model.status, progress));
    m_ui->modelDeploymentValue->setText(ModelStatusText::deployment(model.deploymentStatus));
}

void ModelDetailsPanel::showDetails(const ModelDetails &details, std::optional<double> progress)
{
    const Model &m = details.model;
    showSummary(m, progress);
    m_ui->modelDescriptionValue->setText(orDash(details.description));
    m_ui->modelIntentValue->setText(orDash(m.intent));
    m_ui->modelTagsValue->setText(
        details.tags.isEmpty() ? kDash
                               : DisplayText::neutralise(details.tags.join(QLatin1String(", "))));
    m_ui->modelDatasetValue->setText(orDash(details.datasetId));
    m_ui->modelCreatedByValue->setText(orDash(details.createdBy));
    fillTable(m_ui->modelMetricsTable, details.metrics, tr("Metric"), tr("Value"));
    fillTable(m_ui->modelInputSchemaTable, details.inputSchema, tr("Field"), tr("Type"));
    fillTable(m_ui->modelOutputSchemaTable, details.outputSchema, tr("Field"), tr("Type"));
    m_endpoint = DisplayText::neutralise(details.endpoint.trimmed());
    m_ui->modelEndpointValue->setText(m_endpoint.isEmpty() ? kDash : m_endpoint);
    m_ui->modelEndpointValue->setCursorPosition(0); // the start of a long address shows
    m_ui->copyEndpointButton->setEnabled(!m_endpoint.isEmpty());
    if (m_endpoint.isEmpty()) {
        const QString why = tr("# No endpoint yet: the sample call appears once the model is "
                               "deployed.\n");
        setSample(why, why);
        m_ui->copySampleButton->setEnabled(false);
        return;
    }
    setSample(SampleCall::curl(m_endpoint, details.inputSchema),
              SampleCall::python(m_endpoint, details.inputSchema));
}

void ModelDetailsPanel::showDetailsError(const QString &message)
{
    clearFields(kDash);
    m_ui->modelDescriptionValue->setText(tr("The details could not be loaded: %1").arg(message));
}

QString ModelDetailsPanel::sampleCall() const
{
    if (!m_ui->copySampleButton->isEnabled())
        return {};
    const QPlainTextEdit *edit = m_ui->modelSampleTabs->currentWidget() == m_ui->modelPythonTab
                                     ? m_ui->modelPythonEdit
                                     : m_ui->modelCurlEdit;
    return edit->toPlainText();
}

void ModelDetailsPanel::setSample(const QString &curl, const QString &python)
{
    m_ui->modelCurlEdit->setPlainText(curl);
    m_ui->modelPythonEdit->setPlainText(python);
    m_ui->copySampleButton->setEnabled(!curl.isEmpty());
}

void ModelDetailsPanel::fillTable(QTableWidget *table, const QJsonObject &object,
                                  const QString &key, const QString &value)
{
    table->clear();
    table->setHorizontalHeaderLabels({key, value});
    table->setRowCount(object.isEmpty() ? 1 : int(object.size()));
    if (object.isEmpty()) {
        table->setItem(0, 0, new QTableWidgetItem(kDash));
        table->setItem(0, 1, new QTableWidgetItem(QString()));
        table->updateGeometry();
        return;
    }
    int row = 0;
    for (auto it = object.begin(); it != object.end(); ++it, ++row) {
        table->setItem(row, 0, new QTableWidgetItem(DisplayText::neutralise(it.key())));
        table->setItem(row, 1, new QTableWidgetItem(valueText(it.value())));
    }
    table->updateGeometry();
}

} // namespace plexe
