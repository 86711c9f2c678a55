#include "logs/LogExporter.h"

#include "core/DisplayText.h"
#include "core/ThreadHandoff.h"
#include "logs/LogFormat.h"
#include "logs/LogTable.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace plexe {

namespace {

using Text = LogTable::Text;

constexpr quint64 kProgressEvery = 20000; // rows between two progress reports
constexpr qint64 kFlushBytes = 1 << 20;   // buffered output handed to the file at a time

// The fields of one exported event, in fieldNames() order.
QStringList fieldsOf(const LogTable &t, quint32 r, const QTimeZone &zone)
{
    const auto text = [&](Text c) {
        return DisplayText::neutralise(t.text(r, c));
    };
    return {LogFormat::isoTime(t.timestampMs(r), zone),
            text(Text::Event),
            text(Text::Outcome),
            text(Text::Actor),
            text(Text::KeyId),
            text(Text::KeyPrefix),
            text(Text::Ip),
            text(Text::Method),
            text(Text::Path),
            t.status(r) ? QString::number(t.status(r)) : QString(),
            text(Text::ErrorCode),
            text(Text::UserAgent),
            t.id(r)};
}

// A spreadsheet runs a cell that starts with one of = + - @ (or tab, CR) as a formula. Which
// characters start a cell depends on the separator the spreadsheet chooses, not on our commas:
// a `;`-separated import (the default in German and French locales) starts one after every `;`
// even inside our quotes, a tab-separated paste after every tab. So a ' goes before a formula
// character at the start and after each `,` `;` or tab (and the spaces or quotes after one).
QString defused(const QString &text)
{
    const auto formula = [](QChar c) {
        return QStringLiteral("=+-@\t\r").contains(c);
    };
    const auto separator = [](QChar c) {
        return c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('\t');
    };
    QString out;
    out.reserve(text.size() + 2);
    bool cellStart = true;
    for (const QChar c : text) {
        if (cellStart && formula(c))
            out += QLatin1Char('\'');
        out += c;
        // A spreadsheet may trim spaces and drop quotes that open a cell.
        cellStart = separator(c) || (cellStart && (c == QLatin1Char(' ') || c == QLatin1Char('"')));
    }
    return out;
}

QByteArray csvLine(const QStringList &fields, int numberField = -1)
{
    QString line;
    for (int i = 0; i < fields.size(); ++i) {
        if (i)
            line += QLatin1Char(',');
        // The status is digits or nothing (never text): left bare so that it stays a number.
        line += i == numberField ? fields.at(i) : LogExporter::csvField(fields.at(i));
    }
    line += QLatin1String("\r\n"); // RFC 4180 line breaks
    return line.toUtf8();
}

QByteArray jsonLine(const QStringList &names, const QStringList &fields)
{
    QJsonObject o;
    for (int i = 0; i < names.size(); ++i) {
        if (names.at(i) == QLatin1String("status"))
            o.insert(names.at(i), fields.at(i).isEmpty() ? QJsonValue() : fields.at(i).toInt());
        else
            o.insert(names.at(i), fields.at(i));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray header(const LogQueryResult &result, LogExporter::Format format, const QTimeZone &zone)
{
    const QString zoneId =
        zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(zone.id());
    const QString exported = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (format == LogExporter::Format::JsonLines) {
        const QJsonObject meta{{QStringLiteral("filter"), result.query.toJson()},
                               {QStringLiteral("filter_text"), result.query.describe()},
                               {QStringLiteral("time_zone"), zoneId},
                               {QStringLiteral("rows"), qint64(result.rows.size())},
                               {QStringLiteral("exported_at"), exported}};
        return QJsonDocument(QJsonObject{{QStringLiteral("export"), meta}})
                   .toJson(QJsonDocument::Compact) +
               '\n';
    }
    // Comment lines; the filter text is one line (no line break can end the comment early).
    QString filter = result.query.describe();
    filter.replace(QLatin1Char('\r'), QLatin1Char(' '))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
    // The filter holds typed and server text (a key id from View activity): defused like a
    // field, since a spreadsheet reads the comment lines as cells too.
    filter = defused(filter);
    // One arg() call: a `%3` typed in the filter must stay as typed (a chained arg() would put
    // the row count there).
    QString text = QStringLiteral("# Plexe Console access log export\r\n# filter: %1\r\n"
                                  "# time zone: %2\r\n# rows: %3\r\n# exported at: %4\r\n")
                       .arg(filter, zoneId, QString::number(result.rows.size()), exported);
    return text.toUtf8() + csvLine(LogExporter::fieldNames());
}

} // namespace

LogExporter::LogExporter(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

LogExporter::~LogExporter()
{
    if (m_cancel)
        m_cancel->store(true);
    m_pool.waitForDone();
}

QStringList LogExporter::fieldNames()
{
    return {QStringLiteral("time"),   QStringLiteral("event"),      QStringLiteral("outcome"),
            QStringLiteral("actor"),  QStringLiteral("key_id"),     QStringLiteral("key_prefix"),
            QStringLiteral("ip"),     QStringLiteral("method"),     QStringLiteral("path"),
            QStringLiteral("status"), QStringLiteral("error_code"), QStringLiteral("user_agent"),
            QStringLiteral("id")};
}

QString LogExporter::csvField(const QString &text)
{
    QString quoted = defused(text);
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool LogExporter::start(const LogQueryResultPtr &result, const QString &path, Format format,
                        const QTimeZone &zone)
{
    if (m_running || !result)
        return false;
    m_running = true;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    QPointer<LogExporter> self(this);
    // Reports reach the GUI thread queued; none arrives after this exporter is gone.
    const auto report = [self](std::function<void(LogExporter *)> fn) {
        ThreadHandoff::post(self.data(), [self, fn] {
            if (self)
                fn(self.data());
        });
    };
    ThreadHandoff::start(m_pool, [result, path, format, zone, cancel, report] {
        const auto end = [report](std::function<void(LogExporter *)> fn) {
            report([fn](LogExporter *e) {
                e->m_running = false;
                fn(e);
            });
        };
        QSaveFile file(path);
        // Owner only before the first byte, also when replacing a wider file: the temporary
        // file QSaveFile renames over the target otherwise takes the umask's or the old
        // file's mode (0644).
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            const QString why = file.errorString();
            file.cancelWriting();
            return end([why](LogExporter *e) { emit e->failed(why); });
        }
        const LogTable &t = *result->table;
        const QStringList names = fieldNames();
        const int statusField = int(names.indexOf(QLatin1String("status")));
        const quint64 total = result->rows.size();
        QByteArray buffer = header(*result, format, zone);
        quint64 written = 0;
        for (quint32 row : result->rows) {
            if (cancel->load(std::memory_order_relaxed)) {
                file.cancelWriting(); // nothing is left behind, not even a partial file
                return end([](LogExporter *e) { emit e->cancelled(); });
            }
            const QStringList fields = fieldsOf(t, row, zone);
            buffer +=
                format == Format::Csv ? csvLine(fields, statusField) : jsonLine(names, fields);
            ++written;
            if (buffer.size() >= kFlushBytes) {
                if (file.write(buffer) != buffer.size())
                    break;
                buffer.clear();
            }
            if (written % kProgressEvery == 0)
                report([written, total](LogExporter *e) { emit e->progress(written, total); });
        }
        if (written == total && file.write(buffer) == buffer.size() && file.commit()) {
            return end([path, written, total](LogExporter *e) {
                emit e->progress(written, total);
                emit e->finished(path, written);
            });
        }
        const QString why = file.errorString();
        file.cancelWriting();
        end([why](LogExporter *e) {
            emit e->failed(why.isEmpty()
                               ? QCoreApplication::translate("LogExporter", "Writing failed.")
                               : why);
        });
    });
    return true;
}

void LogExporter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace plexe
