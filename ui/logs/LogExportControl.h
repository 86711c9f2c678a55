#pragma once

#include "common/MessageWidget.h"
#include "logs/LogExporter.h"

#include <QWidget>

class QProgressBar;
class QPushButton;
class QToolButton;

namespace plexe {

class Clock;
class LogTableModel;

// Export of exactly the rows the table shows: the Export button with its CSV / JSON Lines menu,
// a save dialog opened without a nested event loop, and while the worker writes, a progress bar
// with Cancel. What happened is said through message(), in the pane's banner.
class LogExportControl : public QWidget
{
    Q_OBJECT

public:
    // `model` (not owned) gives the result and the time zone written in the file.
    LogExportControl(LogTableModel *model, const Clock *clock, QWidget *parent = nullptr);
    ~LogExportControl() override;

    // Writes the model's current result to `path` (the dialog ends here; tests call it too).
    void exportTo(const QString &path, LogExporter::Format format);
    void cancel();
    bool isRunning() const;
    // Whether a new export may start (signed in, rows to show); a running one goes on.
    void setAvailable(bool available);

signals:
    void message(const QString &text, plexe::MessageWidget::Kind kind);

private:
    void chooseFile(LogExporter::Format format);
    void update();

    LogTableModel *m_model;
    const Clock *m_clock;
    LogExporter *m_exporter;
    QToolButton *m_button;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    bool m_available = false;
};

} // namespace plexe
