// Starts the real plexe-console executable and waits for its window to be shown.
#include <QProcess>
#include <QtTest>

class TestConsoleStartup : public QObject
{
    Q_OBJECT

private slots:
    void showsItsWindow()
    {
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("plexe.ui.info=true"));
        console.setProcessEnvironment(env);
        console.setProcessChannelMode(QProcess::MergedChannels);
        console.start(QStringLiteral(PLEXE_CONSOLE_PATH), {});
        QVERIFY2(console.waitForStarted(5000), qPrintable(console.errorString()));

        QByteArray output;
        const QByteArray expected = "main window shown: \"Plexe Console — Sign in\"";
        QTRY_VERIFY_WITH_TIMEOUT((output += console.readAll()).contains(expected), 10000);
        QCOMPARE(console.state(), QProcess::Running);

        // Core dumps are off for the console process (security.md E34): a dump would hold
        // tokens and keys in clear.
        QFile limits(QStringLiteral("/proc/%1/limits").arg(console.processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        const QByteArray table = limits.readAll();
        const int row = table.indexOf("Max core file size");
        QVERIFY(row >= 0);
        const QList<QByteArray> fields =
            table.mid(row, table.indexOf('\n', row) - row).simplified().split(' ');
        // "Max core file size <soft> <hard> bytes"
        QVERIFY(fields.size() >= 6);
        QCOMPARE(fields.at(4), QByteArray("0"));
        QCOMPARE(fields.at(5), QByteArray("0"));

        console.terminate();
        QVERIFY(console.waitForFinished(5000));
    }

    void printsItsVersion()
    {
        QProcess console;
        console.start(QStringLiteral(PLEXE_CONSOLE_PATH), {QStringLiteral("--version")});
        QVERIFY(console.waitForFinished(10000));
        QCOMPARE(console.exitCode(), 0);
        QVERIFY(console.readAllStandardOutput().startsWith("plexe-console 0."));
    }
};

QTEST_GUILESS_MAIN(TestConsoleStartup)
#include "tst_consolestartup.moc"
