// LogExporter: CSV and JSON Lines read back and compared with the rows the model shows, the
// filter and time zone in the header, RFC 4180 quoting, formulas defused after every separator
// a spreadsheet may split on, owner-only files, and a cancelled export leaving no file.
#include "LogFixtures.h"
#include "logs/LogExporter.h"
#include "logs/LogStore.h"
#include "logs/LogTableModel.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace plexe;
using namespace plexe::test;

namespace {

// A small RFC 4180 reader: records of fields, quoted fields may hold commas, quotes, CR/LF.
QList<QStringList> readCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false, any = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = any = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text.at(i + 1) == QLatin1Char('\n')) {
            record << field;
            records << record;
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
            any = true;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    return records;
}

QString display(const LogTableModel &m, int row, LogColumn c)
{
    return m.data(m.index(row, int(c))).toString();
}

} // namespace

class TestLogExporter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    LogStore m_store;
    LogTableModel *m_model = nullptr;
    LogQueryResultPtr m_result;

    QString exportTo(const QString &name, LogExporter::Format format)
    {
        const QString path = m_dir.filePath(name);
        LogExporter exporter;
        QSignalSpy finished(&exporter, &LogExporter::finished);
        QSignalSpy failed(&exporter, &LogExporter::failed);
        if (!exporter.start(m_result, path, format, m_model->timeZone()))
            qFatal("export did not start");
        if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 20000))
            qFatal("export did not end");
        if (!failed.isEmpty())
            qFatal("export failed: %s", qPrintable(failed.first().first().toString()));
        if (finished.first().at(1).toULongLong() != m_result->rows.size())
            qFatal("wrong row count");
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QList<AccessEvent> events = fixturePage(1, 2000);
        // Text that needs quoting, a formula, a bidi control.
        events[3].actor = QStringLiteral("a,\"b\"\r\nc@example.com");
        events[4].path = QStringLiteral("=HYPERLINK(\"x\")");
        events[5].userAgent = QStringLiteral("agent \u202Egnp.exe");
        events[6].errorCode = QStringLiteral("-1");
        for (int i = 3; i <= 6; ++i)
            events[i].event = QStringLiteral("auth.login"); // in the exported query
        m_store.ingest(events, m_store.epoch());
        m_model = new LogTableModel(&m_store, this);
        m_model->setTimeZone(QTimeZone("Europe/Berlin"));
        LogQuery q;
        q.events = {QStringLiteral("api_key.used"), QStringLiteral("auth.login"),
                    QStringLiteral("auth.login_failed"), QStringLiteral("api_key.rejected")};
        q.sortColumn = LogColumn::Actor;
        auto r = QueryEngine::evaluate(m_store.table(), q);
        m_result = std::make_shared<const LogQueryResult>(std::move(*r));
        m_model->setResult(m_result);
        QVERIFY(m_model->rowCount() > 500);
        QVERIFY(m_dir.isValid());
    }

    void csvRoundTrip()
    {
        QFile file(exportTo(QStringLiteral("logs.csv"), LogExporter::Format::Csv));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.startsWith(QStringLiteral("# Plexe Console access log export\r\n")));
        QVERIFY(text.contains(QStringLiteral("# filter: event api_key.used or auth.login")));
        QVERIFY(text.contains(QStringLiteral("# time zone: Europe/Berlin\r\n")));
        QList<QStringList> records = readCsv(text);
        while (!records.isEmpty() && records.first().first().startsWith(QLatin1Char('#')))
            records.removeFirst();
        QCOMPARE(records.takeFirst(), LogExporter::fieldNames());
        QCOMPARE(records.size(), m_model->rowCount());
        const QStringList names = LogExporter::fieldNames();
        const auto at = [&](const QStringList &r, const char *name) {
            return r.at(names.indexOf(QLatin1String(name)));
        };
        bool sawQuoted = false, sawFormula = false;
        for (int i = 0; i < records.size(); ++i) {
            const QStringList &r = records.at(i);
            QCOMPARE(r.size(), names.size());
            QCOMPARE(at(r, "id"),
                     m_model->data(m_model->index(i, 0), LogTableModel::EventIdRole).toString());
            QCOMPARE(at(r, "time"),
                     m_model->data(m_model->index(i, 0), Qt::ToolTipRole).toString());
            QCOMPARE(at(r, "event"), display(*m_model, i, LogColumn::Event));
            QCOMPARE(at(r, "actor"), display(*m_model, i, LogColumn::Actor));
            QCOMPARE(at(r, "ip"), display(*m_model, i, LogColumn::Ip));
            QCOMPARE(at(r, "status"), display(*m_model, i, LogColumn::Status));
            QString request = at(r, "method") + QLatin1Char(' ') + at(r, "path");
            if (request.contains(QLatin1String(" '=")))
                request.replace(QLatin1String(" '="), QLatin1String(" =")), sawFormula = true;
            QCOMPARE(request, display(*m_model, i, LogColumn::Request));
            QString error = at(r, "error_code");
            if (error == QLatin1String("'-1"))
                error = QStringLiteral("-1");
            QCOMPARE(error, display(*m_model, i, LogColumn::ErrorCode));
            if (!at(r, "key_prefix").isEmpty())
                QCOMPARE(at(r, "key_prefix"), display(*m_model, i, LogColumn::Key));
            // Neutralised like the table shows it: the line break became U+FFFD, the comma and
            // quotes were quoted.
            sawQuoted = sawQuoted || at(r, "actor").startsWith(QLatin1String("a,\"b\""));
            QVERIFY(!at(r, "user_agent").contains(QChar(0x202E)));
        }
        QVERIFY(sawQuoted);
        QVERIFY(sawFormula);
    }

    void jsonLinesRoundTrip()
    {
        QFile file(exportTo(QStringLiteral("logs.jsonl"), LogExporter::Format::JsonLines));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.last(), QByteArray()); // ends with a line break
        const QJsonObject header = QJsonDocument::fromJson(lines.first()).object();
        const QJsonObject meta = header.value(QStringLiteral("export")).toObject();
        QCOMPARE(meta.value(QStringLiteral("time_zone")).toString(),
                 QStringLiteral("Europe/Berlin"));
        QCOMPARE(meta.value(QStringLiteral("filter"))
                     .toObject()
                     .value(QStringLiteral("event"))
                     .toArray()
                     .size(),
                 4);
        QCOMPARE(meta.value(QStringLiteral("rows")).toInt(), m_model->rowCount());
        QCOMPARE(lines.size() - 2, m_model->rowCount());
        for (int i = 0; i < m_model->rowCount(); ++i) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i + 1), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(o.value(QLatin1String("id")).toString(),
                     m_model->data(m_model->index(i, 0), LogTableModel::EventIdRole).toString());
            QCOMPARE(o.value(QLatin1String("time")).toString(),
                     m_model->data(m_model->index(i, 0), Qt::ToolTipRole).toString());
            QCOMPARE(o.value(QLatin1String("event")).toString(),
                     display(*m_model, i, LogColumn::Event));
            QCOMPARE(o.value(QLatin1String("outcome")).toString(),
                     m_model->data(m_model->index(i, 0), LogTableModel::OutcomeRole).toString());
            QCOMPARE(o.value(QLatin1String("actor")).toString(),
                     display(*m_model, i, LogColumn::Actor));
            QCOMPARE(o.value(QLatin1String("method")).toString() + QLatin1Char(' ') +
                         o.value(QLatin1String("path")).toString(),
                     display(*m_model, i, LogColumn::Request));
            QCOMPARE(QString::number(o.value(QLatin1String("status")).toInt()),
                     display(*m_model, i, LogColumn::Status));
            QCOMPARE(o.value(QLatin1String("error_code")).toString(),
                     display(*m_model, i, LogColumn::ErrorCode));
        }
    }

    void csvField_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        // Every text field is quoted, whatever it holds.
        QTest::newRow("plain") << QStringLiteral("plain") << QStringLiteral("\"plain\"");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quotes") << QStringLiteral("say \"hi\"")
                                << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("line break") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        // A formula character at the start, or where a spreadsheet splitting on `,` `;` or tab
        // starts a cell, gets a '; elsewhere it stays.
        QTest::newRow("start") << QStringLiteral("=1+2") << QStringLiteral("\"'=1+2\"");
        QTest::newRow("semicolon")
            << QStringLiteral("curl/8;=2*21;") << QStringLiteral("\"curl/8;'=2*21;\"");
        QTest::newRow("comma, space")
            << QStringLiteral("a, -1,@b") << QStringLiteral("\"a, '-1,'@b\"");
        QTest::newRow("tab") << QStringLiteral("a\t+1") << QStringLiteral("\"a\t'+1\"");
        QTest::newRow("tab, CR at start") << QStringLiteral("\t\r") << QStringLiteral("\"'\t'\r\"");
        QTest::newRow("inside a word")
            << QStringLiteral("a-b=c@d") << QStringLiteral("\"a-b=c@d\"");
        QTest::newRow("quote between") << QStringLiteral(";\"=x") << QStringLiteral("\";\"\"'=x\"");
    }

    void csvField()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(LogExporter::csvField(text), field);
    }

    // Issue 21 item 8: `curl/8;=2*21;` in a User-Agent was a formula once a German or French
    // spreadsheet split the line on `;`. Read back: whichever of `,` `;` tab the spreadsheet
    // splits on, no cell starts with a formula character; every text field is quoted.
    void csvIsSpreadsheetSafeAfterEverySeparator()
    {
        QList<AccessEvent> events = fixturePage(1, 3);
        events[0].userAgent = QStringLiteral("curl/8;=2*21;");
        events[1].actor = QStringLiteral("a; -1,@b");
        events[1].path = QStringLiteral("/x;+cmd|' /C calc'!A0");
        events[2].keyPrefix = QStringLiteral("plx;@SUM(1)");
        events[2].errorCode = QStringLiteral("x,\"-1");
        for (AccessEvent &e : events)
            e.method = QStringLiteral("GET");
        LogStore store;
        store.ingest(events, store.epoch());
        auto r = QueryEngine::evaluate(store.table(), LogQuery());
        r->query.text = QStringLiteral("; =HYPERLINK(1)"); // typed text, in the header line
        const auto result = std::make_shared<const LogQueryResult>(std::move(*r));
        const QString path = m_dir.filePath(QStringLiteral("separators.csv"));
        LogExporter exporter;
        QSignalSpy finished(&exporter, &LogExporter::finished);
        QVERIFY(exporter.start(result, path, LogExporter::Format::Csv, QTimeZone::utc()));
        QVERIFY(finished.wait(5000));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.contains(",\"curl/8;'=2*21;\","), bytes.constData());
        QVERIFY(bytes.contains(",\"a; '-1,'@b\","));
        QVERIFY(bytes.contains(",\"/x;'+cmd|' /C calc'!A0\","));
        QVERIFY(bytes.contains(",\"plx;'@SUM(1)\","));
        QVERIFY(bytes.contains(",\"x,\"\"'-1\","));
        QVERIFY(bytes.contains("\r\n\"time\",\"event\",\"outcome\","));
        const QList<QByteArray> lines = bytes.split('\n');
        int rows = 0;
        for (const QByteArray &line : lines) {
            if (line.isEmpty() || line.startsWith('#') || line.startsWith("\"time\""))
                continue;
            ++rows;
            const QList<QStringList> record = readCsv(QString::fromUtf8(line));
            QCOMPARE(record.size(), 1);
            QCOMPARE(record.first().size(), LogExporter::fieldNames().size());
            // Every text field quoted; the status (after the path) a bare number.
            QVERIFY2(line.startsWith('"') && line.endsWith("\"\r"), line.constData());
            const QRegularExpression status(QStringLiteral(",\"GET\",\"[^\"]*\",\\d+,\""));
            QVERIFY2(status.match(QString::fromUtf8(line)).hasMatch(), line.constData());
        }
        QCOMPARE(rows, 3);
        for (const char separator : {',', ';', '\t'}) {
            for (const QByteArray &line : lines) {
                for (QByteArray cell : line.split(separator)) {
                    // A spreadsheet drops the quotes that open a cell and may trim spaces.
                    while (!cell.isEmpty() && (cell.at(0) == '"' || cell.at(0) == ' '))
                        cell.remove(0, 1);
                    QVERIFY2(cell.isEmpty() || !QByteArray("=+-@").contains(cell.at(0)),
                             qPrintable(QStringLiteral("%1 | splitting on %2: %3")
                                            .arg(QString::fromUtf8(cell),
                                                 QString(QLatin1Char(separator)),
                                                 QString::fromUtf8(line))));
                }
            }
        }
    }

    // Issue 21 item 8: exports were created 0644. The real file's mode, for a new file and for
    // one that replaces a file others could read, under the usual umask.
    void exportsAreOwnerOnly()
    {
        const mode_t previous = ::umask(022);
        const QString fresh = m_dir.filePath(QStringLiteral("mode-new.csv"));
        const QString replaced = m_dir.filePath(QStringLiteral("mode-old.jsonl"));
        {
            QFile old(replaced);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
        }
        QCOMPARE(::chmod(QFile::encodeName(replaced).constData(), 0644), 0);
        for (const QString &target : {fresh, replaced}) {
            LogExporter exporter;
            QSignalSpy finished(&exporter, &LogExporter::finished);
            QVERIFY(exporter.start(m_result, target,
                                   target == fresh ? LogExporter::Format::Csv
                                                   : LogExporter::Format::JsonLines,
                                   QTimeZone::utc()));
            QVERIFY(finished.wait(5000));
            struct stat info = {};
            QCOMPARE(::stat(QFile::encodeName(target).constData(), &info), 0);
            QCOMPARE(QString::number(info.st_mode & 07777, 8), QStringLiteral("600"));
        }
        ::umask(previous);
    }

    void cancelLeavesNoFile()
    {
        LogStore big;
        for (qint64 first = 1; first <= 300000; first += 1000)
            big.ingest(fixturePage(first, first + 999), big.epoch());
        auto r = QueryEngine::evaluate(big.table(), LogQuery());
        const auto result = std::make_shared<const LogQueryResult>(std::move(*r));
        const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
        const QString kept = m_dir.filePath(QStringLiteral("kept.jsonl"));
        {
            QFile old(kept);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
        }
        for (const QString &target : {path, kept}) {
            LogExporter exporter;
            QSignalSpy cancelled(&exporter, &LogExporter::cancelled);
            QSignalSpy finished(&exporter, &LogExporter::finished);
            QVERIFY(exporter.start(result, target,
                                   target == path ? LogExporter::Format::Csv
                                                  : LogExporter::Format::JsonLines,
                                   QTimeZone::utc()));
            QVERIFY(exporter.isRunning());
            QVERIFY(!exporter.start(result, target, LogExporter::Format::Csv, QTimeZone::utc()));
            exporter.cancel();
            QVERIFY(cancelled.wait(10000));
            QCOMPARE(finished.size(), 0);
            QVERIFY(!exporter.isRunning());
        }
        QVERIFY(!QFile::exists(path));
        QFile old(kept);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        QCOMPARE(
            QDir(m_dir.path()).entryList(QDir::Files).filter(QStringLiteral("cancelled")).size(),
            0);
    }

    void unwritablePathFails()
    {
        LogExporter exporter;
        QSignalSpy failed(&exporter, &LogExporter::failed);
        QVERIFY(exporter.start(m_result, m_dir.filePath(QStringLiteral("no/such/dir/x.csv")),
                               LogExporter::Format::Csv, QTimeZone::utc()));
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed.first().first().toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLogExporter)
#include "tst_logexporter.moc"
