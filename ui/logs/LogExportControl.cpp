#include "logs/LogExportControl.h"

#include "logs/LogTableModel.h"
#include "session/Clock.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

namespace plexe {

LogExportControl::LogExportControl(LogTableModel *model, const Clock *clock, QWidget *parent)
    : QWidget(parent), m_model(model), m_clock(clock), m_exporter(new LogExporter(this)),
      m_button(new QToolButton(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("logExportControl"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_button->setObjectName(QStringLiteral("exportButton"));
    m_button->setText(tr("Export"));
    m_button->setAccessibleName(tr("Export"));
    m_button->setToolTip(tr("Save the events shown, with the filter and time zone"));
    m_button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_button);
    menu->setObjectName(QStringLiteral("exportMenu"));
    menu->addAction(tr("CSV…"), this, [this] { chooseFile(LogExporter::Format::Csv); })
        ->setObjectName(QStringLiteral("exportCsvAction"));
    menu->addAction(tr("JSON Lines…"), this, [this] { chooseFile(LogExporter::Format::JsonLines); })
        ->setObjectName(QStringLiteral("exportJsonLinesAction"));
    m_button->setMenu(menu);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setMaximumWidth(120);
    m_progress->setRange(0, 1000);
    m_cancel->setObjectName(QStringLiteral("exportCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel export"));
    layout->addWidget(m_button);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QPushButton::clicked, m_exporter, &LogExporter::cancel);
    connect(m_exporter, &LogExporter::progress, this, [this](quint64 written, quint64 total) {
        m_progress->setValue(total ? int(written * 1000 / total) : 1000);
    });
    connect(m_exporter, &LogExporter::finished, this, [this](const QString &path, quint64 rows) {
        emit message(tr("Exported %1 events to %2.")
                         .arg(QLocale().toString(rows), QDir::toNativeSeparators(path)),
                     MessageWidget::Kind::Positive);
        update();
    });
    connect(m_exporter, &LogExporter::failed, this, [this](const QString &why) {
        emit message(tr("The export failed: %1").arg(why), MessageWidget::Kind::Error);
        update();
    });
    connect(m_exporter, &LogExporter::cancelled, this, [this] {
        emit message(tr("Export cancelled; no file was written."),
                     MessageWidget::Kind::Information);
        update();
    });
    update();
}

LogExportControl::~LogExportControl() = default;

bool LogExportControl::isRunning() const
{
    return m_exporter->isRunning();
}

void LogExportControl::cancel()
{
    m_exporter->cancel();
}

void LogExportControl::setAvailable(bool available)
{
    m_available = available;
    update();
}

void LogExportControl::update()
{
    const bool running = m_exporter->isRunning();
    m_button->setEnabled(m_available && !running);
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
}

void LogExportControl::chooseFile(LogExporter::Format format)
{
    const bool csv = format == LogExporter::Format::Csv;
    const QString name =
        QStringLiteral("access-logs-%1.%2")
            .arg(m_clock->now().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm")),
                 csv ? QStringLiteral("csv") : QStringLiteral("jsonl"));
    // Not exec(): no nested event loop. The dialog answers through fileSelected.
    auto *dialog = new QFileDialog(this, tr("Export access logs"), QDir::home().filePath(name),
                                   csv ? tr("CSV files (*.csv)") : tr("JSON Lines (*.jsonl)"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, format](const QString &path) { exportTo(path, format); });
    dialog->open();
}

void LogExportControl::exportTo(const QString &path, LogExporter::Format format)
{
    const LogQueryResultPtr result = m_model->result();
    if (!result || path.isEmpty())
        return;
    if (!m_exporter->start(result, path, format, m_model->timeZone())) {
        emit message(tr("An export is already running."), MessageWidget::Kind::Warning);
        return;
    }
    m_progress->setValue(0);
    update();
}

} // namespace plexe
