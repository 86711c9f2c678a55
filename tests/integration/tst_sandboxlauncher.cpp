// SandboxLauncher against the real plexe-sandbox: it seeds once, serves TLS that its own CA
// verifies, reports a death, stops without leaving a child, and its child dies with a killed
// console. The test binary doubles as that console (--helper) for the last case.
#include "SandboxProcess.h"
#include "core/UnixSignalQuitter.h"
#include "sandbox/SandboxLauncher.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <sys/stat.h>

using namespace plexe;

namespace {

constexpr int kStartMs = 15000; // seeding hashes two passwords; generous for sanitizer builds

QString sandboxProgram()
{
    return plexe::test::SandboxProcess::executable();
}

// Gone, or a zombie nobody has reaped yet (an orphan's new parent may be slow to reap).
bool processGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren < 0 || text.mid(paren + 2, 1) == "Z";
}

// --helper PROGRAM DATA [--quitter]: a stand-in console that starts the sandbox, prints the
// child's pid and waits to be killed. With --quitter it stops it on SIGTERM like the console.
int runHelper(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    SandboxLauncher launcher(args.value(2), args.value(3));
    UnixSignalQuitter quitter;
    if (args.contains(QStringLiteral("--quitter")))
        QObject::connect(&app, &QCoreApplication::aboutToQuit, &launcher,
                         [&launcher] { launcher.stopBlocking(); });
    QObject::connect(&launcher, &SandboxLauncher::started, &app, [&launcher] {
        std::printf("pid %lld\n", static_cast<long long>(launcher.processId()));
        std::fflush(stdout);
    });
    QObject::connect(&launcher, &SandboxLauncher::failed, &app, [] { QCoreApplication::exit(3); });
    launcher.start();
    return QCoreApplication::exec();
}

} // namespace

class TestSandboxLauncher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_dirs = 0;

    QString newDataDir() { return m_tmp.filePath(QStringLiteral("data%1").arg(++m_dirs)); }

    static bool startAndWait(SandboxLauncher &launcher)
    {
        QSignalSpy started(&launcher, &SandboxLauncher::started);
        QSignalSpy failed(&launcher, &SandboxLauncher::failed);
        launcher.start();
        if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, kStartMs))
            return false;
        if (!failed.isEmpty())
            qWarning() << failed.first().first().toString();
        return !started.isEmpty() && launcher.state() == SandboxLauncher::State::Running;
    }

    // Starts the test binary as a stand-in console; returns the sandbox's pid it reports.
    static qint64 startHelper(QProcess &helper, const QString &dataDir, bool quitter)
    {
        QStringList args = {QStringLiteral("--helper"), sandboxProgram(), dataDir};
        if (quitter)
            args << QStringLiteral("--quitter");
        helper.start(QCoreApplication::applicationFilePath(), args);
        QByteArray out;
        QDeadlineTimer deadline(kStartMs);
        while (!out.contains('\n') && !deadline.hasExpired() &&
               helper.waitForReadyRead(int(deadline.remainingTime())))
            out += helper.readAllStandardOutput();
        return out.startsWith("pid ") ? out.mid(4).trimmed().toLongLong() : 0;
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void findsTheProgram()
    {
        const QDir root(m_tmp.filePath(QStringLiteral("layouts")));
        const auto makeExecutable = [](const QString &path) {
            QDir().mkpath(QFileInfo(path).path());
            QFile file(path);
            file.open(QIODevice::WriteOnly);
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        };
        // Build tree: build/dev/app/plexe-console and build/dev/sandbox/plexe-sandbox.
        const QString buildApp = root.filePath(QStringLiteral("build/app"));
        QDir().mkpath(buildApp);
        QVERIFY(SandboxLauncher::findProgram(buildApp).isEmpty());
        makeExecutable(root.filePath(QStringLiteral("build/sandbox/plexe-sandbox")));
        QCOMPARE(SandboxLauncher::findProgram(buildApp),
                 QFileInfo(root.filePath(QStringLiteral("build/sandbox/plexe-sandbox")))
                     .canonicalFilePath());
        // Installed: /usr/bin/plexe-console and /usr/libexec/plexe-console/plexe-sandbox.
        const QString bin = root.filePath(QStringLiteral("usr/bin"));
        QDir().mkpath(bin);
        const QString libexec = root.filePath(QStringLiteral("usr/libexec/plexe-console"));
        makeExecutable(libexec + QStringLiteral("/plexe-sandbox"));
        QCOMPARE(SandboxLauncher::findProgram(bin),
                 QFileInfo(libexec + QStringLiteral("/plexe-sandbox")).canonicalFilePath());
        // Same folder wins over libexec; a file that is not executable does not count.
        makeExecutable(bin + QStringLiteral("/plexe-sandbox"));
        QCOMPARE(SandboxLauncher::findProgram(bin),
                 QFileInfo(bin + QStringLiteral("/plexe-sandbox")).canonicalFilePath());
        QFile::setPermissions(bin + QStringLiteral("/plexe-sandbox"), QFile::ReadOwner);
        QCOMPARE(SandboxLauncher::findProgram(bin),
                 QFileInfo(libexec + QStringLiteral("/plexe-sandbox")).canonicalFilePath());
        QVERIFY(SandboxLauncher::defaultDataDir().endsWith(QStringLiteral("/sandbox")));
    }

    void startsAndAnswersOverTls()
    {
        SandboxLauncher launcher(sandboxProgram(), newDataDir());
        QSignalSpy states(&launcher, &SandboxLauncher::stateChanged);
        QVERIFY(startAndWait(launcher));
        QCOMPARE(states.first().first().value<SandboxLauncher::State>(),
                 SandboxLauncher::State::Seeding);
        QCOMPARE(launcher.url().scheme(), QStringLiteral("https"));
        QCOMPARE(launcher.url().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(launcher.caFile(), launcher.dataDir() + QStringLiteral("/ca.pem"));

        // Private files in a private folder.
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(launcher.dataDir()).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0700u);
        QCOMPARE(::stat(QFile::encodeName(launcher.dataDir() + QStringLiteral("/demo-credentials"))
                            .constData(),
                        &info),
                 0);
        QCOMPARE(info.st_mode & 0777, 0600u);

        const QList<DemoAccount> accounts = launcher.demoAccounts();
        QVERIFY2(launcher.demoAccountsError().isEmpty(), qPrintable(launcher.demoAccountsError()));
        QCOMPARE(accounts.size(), 3);
        QCOMPARE(accounts.at(0).email, QStringLiteral("demo@plexe.local"));
        QVERIFY(accounts.at(0).apiKey.startsWith(QStringLiteral("plx_sk_")));
        QVERIFY(!accounts.at(1).totpSecret.isEmpty());
        QVERIFY(accounts.at(2).oauthOnly);

        QNetworkAccessManager network;
        QNetworkRequest request(launcher.url().resolved(QUrl(QStringLiteral("/health"))));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(launcher.caFile()));
        request.setSslConfiguration(tls);
        QNetworkReply *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    void seedsOnlyOnceAndStopsCleanly()
    {
        SandboxLauncher launcher(sandboxProgram(), newDataDir());
        QVERIFY(startAndWait(launcher));
        const QList<DemoAccount> first = launcher.demoAccounts();
        const qint64 pid = launcher.processId();
        QVERIFY(pid > 0);

        QSignalSpy stopped(&launcher, &SandboxLauncher::stopped);
        launcher.stop();
        QVERIFY(stopped.wait(5000));
        QCOMPARE(launcher.state(), SandboxLauncher::State::Stopped);
        QVERIFY(launcher.url().isEmpty());
        QVERIFY(processGone(pid));

        QSignalSpy states(&launcher, &SandboxLauncher::stateChanged);
        QVERIFY(startAndWait(launcher));
        for (const QList<QVariant> &state : states)
            QVERIFY(state.first().value<SandboxLauncher::State>() !=
                    SandboxLauncher::State::Seeding);
        QCOMPARE(launcher.demoAccounts(), first);

        const qint64 second = launcher.processId();
        launcher.stopBlocking();
        QCOMPARE(launcher.state(), SandboxLauncher::State::Stopped);
        QVERIFY(processGone(second));
    }

    void reportsDeathAndRestarts()
    {
        SandboxLauncher launcher(sandboxProgram(), newDataDir());
        QVERIFY(startAndWait(launcher));
        // A restart keeps the address: a signed-in session keeps talking to the same URL.
        const QUrl url = launcher.url();
        QSignalSpy died(&launcher, &SandboxLauncher::died);
        ::kill(pid_t(launcher.processId()), SIGKILL);
        QVERIFY(died.wait(5000));
        QCOMPARE(launcher.state(), SandboxLauncher::State::Failed);
        QVERIFY(!died.first().first().toString().isEmpty());

        QSignalSpy started(&launcher, &SandboxLauncher::started);
        launcher.restart();
        QVERIFY(started.wait(kStartMs));
        QCOMPARE(launcher.url(), url);
        // Restart while running: stopped, then started again.
        QSignalSpy stopped(&launcher, &SandboxLauncher::stopped);
        launcher.restart();
        QVERIFY(started.wait(kStartMs));
        QCOMPARE(stopped.count(), 1);
        QCOMPARE(launcher.state(), SandboxLauncher::State::Running);
        QCOMPARE(launcher.url(), url);
    }

    void restartFindsAnotherPortWhenItsOwnIsTaken()
    {
        SandboxLauncher launcher(sandboxProgram(), newDataDir());
        QVERIFY(startAndWait(launcher));
        const quint16 port = quint16(launcher.url().port());
        QSignalSpy died(&launcher, &SandboxLauncher::died);
        ::kill(pid_t(launcher.processId()), SIGKILL);
        QVERIFY(died.wait(5000));
        QTcpServer squatter; // another program took the port meanwhile
        QVERIFY2(squatter.listen(QHostAddress::LocalHost, port),
                 qPrintable(squatter.errorString()));
        QSignalSpy started(&launcher, &SandboxLauncher::started);
        QSignalSpy failed(&launcher, &SandboxLauncher::failed);
        launcher.restart();
        QVERIFY(started.wait(kStartMs));
        QCOMPARE(failed.count(), 0);
        QVERIFY(launcher.url().port() != port);
        QCOMPARE(launcher.state(), SandboxLauncher::State::Running);
    }

    void failsWithoutTheProgram()
    {
        SandboxLauncher launcher(m_tmp.filePath(QStringLiteral("no-such-program")), newDataDir());
        QSignalSpy failed(&launcher, &SandboxLauncher::failed);
        launcher.start();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(launcher.state(), SandboxLauncher::State::Failed);
    }

    void destructorStopsTheChild()
    {
        qint64 pid = 0;
        {
            SandboxLauncher launcher(sandboxProgram(), newDataDir());
            QVERIFY(startAndWait(launcher));
            pid = launcher.processId();
        }
        QVERIFY(processGone(pid));
    }

    void childDiesWithKilledConsole()
    {
        QProcess helper;
        const qint64 pid = startHelper(helper, newDataDir(), false);
        QVERIFY2(pid > 0, helper.readAllStandardError().constData());
        QVERIFY(!processGone(pid));
        helper.kill();
        QVERIFY(helper.waitForFinished(5000));
        // A bounded wait on the state, not a sleep: under ASan the sandbox's exit includes
        // LeakSanitizer's scan, which took over 5 s on a loaded CI machine.
        QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 20000);
    }

    void sigtermToConsoleStopsTheChild()
    {
        QProcess helper;
        const qint64 pid = startHelper(helper, newDataDir(), true);
        QVERIFY2(pid > 0, helper.readAllStandardError().constData());
        helper.terminate();
        QVERIFY(helper.waitForFinished(5000));
        QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
        QCOMPARE(helper.exitCode(), 0);
        QVERIFY(processGone(pid)); // reaped by the helper itself, not left to init
    }
};

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "--helper") == 0)
        return runHelper(argc, argv);
    QCoreApplication app(argc, argv);
    TestSandboxLauncher test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sandboxlauncher.moc"
