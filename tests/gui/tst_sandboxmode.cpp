// `plexe-console --sandbox` as a user runs it: the real executable starts the bundled sandbox,
// seeds its data folder once, shows the demo accounts, and leaves no child process behind when
// it quits (SIGTERM here; the window's close goes through the same quit).
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QtTest>

#include <signal.h>

namespace {

// Child processes of `pid` (Linux: /proc/<pid>/task/<tid>/children).
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(task + QStringLiteral("/children")));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &id : file.readAll().split(' ')) {
            if (!id.trimmed().isEmpty())
                children << id.trimmed().toLongLong();
        }
    }
    return children;
}

bool alive(qint64 pid)
{
    // A zombie is gone for our purpose; /proc/<pid>/stat's third field says which.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const int close = line.lastIndexOf(')');
    return close > 0 && line.mid(close + 2, 1) != "Z";
}

} // namespace

class TestSandboxMode : public QObject
{
    Q_OBJECT

    QString dataDir() const
    {
        return qEnvironmentVariable("XDG_DATA_HOME") +
               QStringLiteral("/Plexe/plexe-console/sandbox");
    }

    // Runs the console with --sandbox until its sign-in page shows the demo accounts; returns
    // the sandbox child's pid, then quits it with SIGTERM and checks nothing is left.
    void runOnce(qint64 *sandboxPid)
    {
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("plexe.ui.info=true"));
        console.setProcessEnvironment(env);
        console.setProcessChannelMode(QProcess::MergedChannels);
        console.start(QStringLiteral(PLEXE_CONSOLE_PATH), {QStringLiteral("--sandbox")});
        QVERIFY2(console.waitForStarted(5000), qPrintable(console.errorString()));
        QByteArray output;
        const QByteArray expected = "sign-in page shown: \"Local sandbox\" demo accounts: 3";
        QTRY_VERIFY2_WITH_TIMEOUT((output += console.readAll()).contains(expected),
                                  output.constData(), 30000);
        const QList<qint64> children = childrenOf(console.processId());
        QCOMPARE(children.size(), 1);
        *sandboxPid = children.first();
        QVERIFY(alive(*sandboxPid));

        ::kill(pid_t(console.processId()), SIGTERM);
        QVERIFY(console.waitForFinished(10000));
        QCOMPARE(console.exitStatus(), QProcess::NormalExit); // quit, not killed by the signal
        // Bounded, not a sleep: under ASan the sandbox's exit includes the leak scan.
        QTRY_VERIFY_WITH_TIMEOUT(!alive(*sandboxPid), 20000);
    }

private slots:
    void startsSeedsOnceAndLeavesNoChild()
    {
        qint64 first = 0;
        runOnce(&first);
        if (QTest::currentTestFailed())
            return;
        const QFileInfo credentials(dataDir() + QStringLiteral("/demo-credentials"));
        QVERIFY(credentials.exists());
        QCOMPARE(credentials.permissions() & 0x0077, QFileDevice::Permissions()); // 0600
        const QDateTime seededAt = credentials.lastModified();
        QFile file(credentials.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray seeded = file.readAll();
        file.close();

        qint64 second = 0;
        runOnce(&second);
        QVERIFY(second != first);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), seeded); // not seeded again: the same demo accounts
        QCOMPARE(QFileInfo(credentials.filePath()).lastModified(), seededAt);
    }
};

QTEST_GUILESS_MAIN(TestSandboxMode)
#include "tst_sandboxmode.moc"
