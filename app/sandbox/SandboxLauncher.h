#pragma once

#include "sandbox/DemoAccount.h"

#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <QUrl>

namespace plexe {

// Runs the bundled plexe-sandbox for `plexe-console --sandbox`: seeds a data folder on first
// use, serves it on a free loopback port as a child process and reports its URL, CA and demo
// accounts. The child never outlives the console (PR_SET_PDEATHSIG, and a stop in the
// destructor). Nothing the sandbox prints on stdout is logged: it holds demo secrets.
class SandboxLauncher : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Seeding, Starting, Running, Failed };
    Q_ENUM(State)

    static constexpr int kGraceMs = 3000;
    // Per phase (seed, then serve); both take well under a second on a healthy machine.
    static constexpr int kStartTimeoutMs = 30000;
    // Access-log events a new sandbox is seeded with (the seeder writes about 10^5 a second).
    static constexpr int kDemoLogEvents = 20000;

    SandboxLauncher(QString program, QString dataDir, QObject *parent = nullptr);
    ~SandboxLauncher() override;

    // plexe-sandbox next to the console: the build tree (../sandbox/), the same folder, or the
    // installed layout (../libexec/plexe-console/); empty if none is an executable file.
    static QString findProgram(const QString &consoleDir);
    // <AppLocalDataLocation>/sandbox
    static QString defaultDataDir();

    // Asynchronous: seeds if <data>/sandbox.db is missing, then serves; ends in started() or
    // failed(). Does nothing while seeding, starting or running.
    void start();
    // Asynchronous: SIGTERM, then SIGKILL after kGraceMs; ends in stopped(). Without a child
    // (Failed) it only returns to Stopped.
    void stop();
    // For QCoreApplication::aboutToQuit, when the event loop will not run again.
    void stopBlocking(int graceMs = kGraceMs);
    // Stops if needed, then starts on the same data folder (a new port).
    void restart();

    State state() const { return m_state; }
    QUrl url() const { return m_url; } // empty unless Running
    QString caFile() const;            // <data>/ca.pem
    QString dataDir() const { return m_dataDir; }
    QString program() const { return m_program; }
    // The seeded demo accounts (read once started); empty if the file was missing or refused,
    // and then demoAccountsError() says why.
    QList<DemoAccount> demoAccounts() const { return m_demoAccounts; }
    QString demoAccountsError() const { return m_demoAccountsError; }
    // The child's process id while seeding, starting or running, else 0 (for tests).
    qint64 processId() const;

signals:
    void stateChanged(plexe::SandboxLauncher::State state);
    void started(const QUrl &url, const QString &caFile);
    void failed(const QString &message);
    // It exited on its own while Running: the UI shows a banner with Restart.
    void died(const QString &message);
    void stopped();

private:
    QProcess *newProcess();
    void seed();
    void serve();
    void onSeedFinished(int exitCode, QProcess::ExitStatus status);
    void onServerFinished(int exitCode, QProcess::ExitStatus status);
    void onServerStdout();
    void onStderr();
    void onProcessError(QProcess::ProcessError error);
    void onStartTimeout();
    void abort(const QString &message);
    void finishStop();
    void fail(const QString &message);
    void setState(State state);
    QString exitDetails(int exitCode, QProcess::ExitStatus status) const;
    void discardProcess();
    QString portFile() const;

    QString m_program;
    QString m_dataDir;
    State m_state = State::Stopped;
    QProcess *m_process = nullptr; // the seed or the server, whichever runs
    QTimer m_killTimer;
    QTimer m_startTimer;
    QByteArray m_stdout;      // scanned for the URL line, never logged
    QStringList m_stderrTail; // last few lines, redacted, for error messages
    bool m_stopping = false;
    bool m_restartAfterStop = false;
    QString m_abortMessage; // reported once the aborted child is gone
    QUrl m_url;
    // The port of the last server (of this run, or noted in the data folder by the last run): a
    // restart asks for it again, so that a signed-in session (which keeps its address) still
    // reaches it, and a stored one is restored. 0: any free port.
    quint16 m_port = 0;
    QList<DemoAccount> m_demoAccounts;
    QString m_demoAccountsError;
};

} // namespace plexe
