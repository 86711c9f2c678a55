#include "util/Clock.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>

using namespace plexe::sandbox;

// Clock: the test-only offset file, re-read at every reading.
class TestClock : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { Clock::setOffsetFile(std::string()); }

    void noFileMeansRealTime()
    {
        const auto real = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
        QVERIFY(qAbs(Clock::now() - real) <= 1);
        QCOMPARE(Clock::offsetSeconds(), int64_t(0));
    }
    void offsetFileIsReReadEachTime()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("offset"));
        Clock::setOffsetFile(path.toStdString());
        QCOMPARE(Clock::offsetSeconds(), int64_t(0)); // missing file
        const auto write = [&path](const QByteArray &text) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text);
        };
        const int64_t before = Clock::now();
        write("3600\n");
        QCOMPARE(Clock::offsetSeconds(), int64_t(3600));
        QVERIFY(Clock::now() - before >= 3600 && Clock::now() - before <= 3601);
        QVERIFY(Clock::nowMs() / 1000 - before >= 3600);
        write("-60");
        QCOMPARE(Clock::offsetSeconds(), int64_t(-60));
        write("garbage");
        QCOMPARE(Clock::offsetSeconds(), int64_t(0));
        write("");
        QCOMPARE(Clock::offsetSeconds(), int64_t(0));
    }
    void iso8601()
    {
        QCOMPARE(QString::fromStdString(Clock::iso8601(0)), QStringLiteral("1970-01-01T00:00:00Z"));
        QCOMPARE(QString::fromStdString(Clock::iso8601(1795708800)),
                 QStringLiteral("2026-11-26T16:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
