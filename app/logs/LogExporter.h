#pragma once

#include "logs/QueryEngine.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimeZone>

#include <atomic>
#include <memory>

namespace plexe {

// Writes exactly the rows of a query result, in their order, to CSV (RFC 4180) or JSON Lines on
// a worker thread, streamed through a QSaveFile (a cancelled or failed export leaves no file,
// not even a partial one; an existing file is replaced only on success). The file starts with
// the filter and the time zone: `# ` comment lines in CSV, a first {"export": {...}} line in
// JSON Lines. Times are ISO-8601 with the zone's offset; texts are neutralised as shown, and a
// CSV cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with '.
class LogExporter : public QObject
{
    Q_OBJECT

public:
    enum class Format { Csv, JsonLines };
    Q_ENUM(Format)

    explicit LogExporter(QObject *parent = nullptr);
    ~LogExporter() override; // cancels and waits for the worker

    // False when an export is running. `result` is kept (not copied) while writing.
    bool start(const LogQueryResultPtr &result, const QString &path, Format format,
               const QTimeZone &zone);
    void cancel();
    bool isRunning() const { return m_running; }

    // The CSV header row and the JSON keys, in order.
    static QStringList fieldNames();
    // RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
    static QString csvField(const QString &text);

signals:
    void progress(quint64 written, quint64 total);
    void finished(const QString &path, quint64 rows);
    void failed(const QString &message);
    void cancelled();

private:
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
};

} // namespace plexe
