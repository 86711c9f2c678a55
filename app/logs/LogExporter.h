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
// not even a partial one; an existing file is replaced only on success). The file is the
// user's alone (0600, like the request journal): it holds the account's IPs, actors and paths.
// The file starts with the filter and the time zone: `# ` comment lines in CSV, a first
// {"export": {...}} line in JSON Lines. Times are ISO-8601 with the zone's offset; texts are
// neutralised as shown, and every CSV text field is spreadsheet-safe (see csvField()).
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
    // One CSV text field: always quoted (RFC 4180, quotes doubled), and a formula character
    // (= + - @ tab CR) at its start or after a `,` `;` or tab inside it (spaces and quotes
    // between allowed) gets a ' in front: a spreadsheet that splits on `;` (German, French locales)
    // or on tabs starts a cell there, quotes or not (OWASP, CSV injection).
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
