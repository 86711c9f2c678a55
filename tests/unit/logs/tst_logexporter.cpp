// LogExporter: CSV and JSON Lines read back and compared with the rows the model shows, the
// filter and time zone in the header, RFC 4180 quoting, and a cancelled export leaving no file.
#include "LogFixtures.h"
#include "logs/LogExporter.h"
#include "logs/LogStore.h"
#include "logs/LogTableModel.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

    void csvField()
    {
        QCOMPARE(LogExporter::csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(LogExporter::csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(LogExporter::csvField(QStringLiteral("say \"hi\"")),
                 QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(LogExporter::csvField(QStringLiteral("a\nb")), QStringLiteral("\"a\nb\""));
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
