#include "sandbox/SandboxLauncher.h"

#include "core/Redaction.h"
#include "sandbox/DemoCredentialsFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#include <utility>

namespace plexe {

namespace {

Q_LOGGING_CATEGORY(lcSandbox, "plexe.sandbox", QtWarningMsg)

constexpr int kStderrLines = 5;
constexpr qsizetype kMaxStdoutBytes = 64 * 1024;

// Runs in the forked child before exec (async-signal-safe calls only). PR_SET_PDEATHSIG asks
// the kernel to send SIGTERM when the forking thread (the GUI thread, which lives as long as
// the console) ends; if the console died before prctl() took effect, the child is already an
// orphan and must not start.
void dieWithParent(pid_t parent)
{
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent)
        ::_exit(127);
}

} // namespace

SandboxLauncher::SandboxLauncher(QString program, QString dataDir, QObject *parent)
    : QObject(parent), m_program(std::move(program)), m_dataDir(std::move(dataDir))
{
    m_killTimer.setSingleShot(true);
    m_startTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
    connect(&m_startTimer, &QTimer::timeout, this, &SandboxLauncher::onStartTimeout);
    // The port of the last run: the sandbox profile's stored session is bound to its address
    // (SessionOrigin), so the same port again lets the next start restore it.
    QFile last(portFile());
    if (last.open(QIODevice::ReadOnly)) {
        bool ok = false;
        const uint port = QString::fromLatin1(last.read(8)).trimmed().toUInt(&ok);
        if (ok && port >= 1024 && port <= 65535)
            m_port = quint16(port);
    }
}

QString SandboxLauncher::portFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("console-port"));
}

SandboxLauncher::~SandboxLauncher()
{
    if (!m_process)
        return;
    // No signals from a half-destroyed object: stop the child directly.
    disconnect(m_process, nullptr, this, nullptr);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(kGraceMs)) {
            m_process->kill();
            m_process->waitForFinished(kGraceMs);
        }
    }
}

QString SandboxLauncher::findProgram(const QString &consoleDir)
{
    const QDir dir(consoleDir);
    const QStringList candidates = {
        dir.filePath(QStringLiteral("../sandbox/plexe-sandbox")),
        dir.filePath(QStringLiteral("plexe-sandbox")),
        dir.filePath(QStringLiteral("../libexec/plexe-console/plexe-sandbox")),
    };
    for (const QString &candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QString();
}

QString SandboxLauncher::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/sandbox");
}

QString SandboxLauncher::caFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("ca.pem"));
}

qint64 SandboxLauncher::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void SandboxLauncher::start()
{
    if (m_state == State::Seeding || m_state == State::Starting || m_state == State::Running)
        return;
    m_url.clear();
    m_demoAccounts.clear();
    m_demoAccountsError.clear();
    m_stderrTail.clear();
    if (m_program.isEmpty() || !QFileInfo(m_program).isExecutable()) {
        fail(tr("plexe-sandbox was not found next to the console."));
        return;
    }
    // The folder holds the sandbox's CA key and the demo credentials: the owner's only.
    if (!QDir().mkpath(m_dataDir) ||
        !QFile::setPermissions(m_dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        fail(tr("Cannot create the sandbox data folder %1.").arg(m_dataDir));
        return;
    }
    if (QFileInfo::exists(QDir(m_dataDir).filePath(QStringLiteral("sandbox.db"))))
        serve();
    else
        seed();
}

QProcess *SandboxLauncher::newProcess()
{
    auto *process = new QProcess(this);
    const pid_t parent = ::getpid();
    process->setChildProcessModifier([parent] { dieWithParent(parent); });
    process->setProgram(m_program);
    connect(process, &QProcess::readyReadStandardError, this, &SandboxLauncher::onStderr);
    connect(process, &QProcess::errorOccurred, this, &SandboxLauncher::onProcessError);
    return process;
}

void SandboxLauncher::seed()
{
    setState(State::Seeding);
    m_process = newProcess();
    // The seed prints every demo secret on stdout; the console reads them from the 0600 file.
    m_process->setStandardOutputFile(QProcess::nullDevice());
    // A few weeks of access-log events, so that the Access Logs pane has something to show.
    m_process->setArguments({QStringLiteral("seed"), QStringLiteral("--data"), m_dataDir,
                             QStringLiteral("--write-demo-credentials"),
                             QStringLiteral("--log-events"), QString::number(kDemoLogEvents)});
    connect(m_process, &QProcess::finished, this, &SandboxLauncher::onSeedFinished);
    m_startTimer.start(kStartTimeoutMs);
    m_process->start();
}

void SandboxLauncher::serve()
{
    setState(State::Starting);
    m_stdout.clear();
    m_process = newProcess();
    m_process->setArguments({QStringLiteral("serve"), QStringLiteral("--data"), m_dataDir,
                             QStringLiteral("--port"), QString::number(m_port)});
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SandboxLauncher::onServerStdout);
    connect(m_process, &QProcess::finished, this, &SandboxLauncher::onServerFinished);
    m_startTimer.start(kStartTimeoutMs);
    m_process->start();
}

void SandboxLauncher::onSeedFinished(int exitCode, QProcess::ExitStatus status)
{
    m_startTimer.stop();
    if (m_stopping) {
        finishStop();
        return;
    }
    if (status != QProcess::NormalExit || exitCode != 0) {
        const QString details = exitDetails(exitCode, status);
        discardProcess();
        fail(tr("Seeding the local sandbox failed (%1).").arg(details));
        return;
    }
    discardProcess();
    serve();
}

void SandboxLauncher::onServerStdout()
{
    const QByteArray chunk = m_process->readAllStandardOutput();
    if (m_state != State::Starting)
        return; // nothing else it prints is of use, and it must not be kept
    m_stdout += chunk;
    if (m_stdout.size() > kMaxStdoutBytes) {
        abort(tr("The local sandbox printed no address."));
        return;
    }
    // `URL: https://127.0.0.1:PORT` then `CA: PATH`, each on a line of its own.
    // Only complete lines count: a chunk may end in the middle of one.
    QUrl url;
    bool caSeen = false;
    const QByteArray complete = m_stdout.left(m_stdout.lastIndexOf('\n') + 1);
    for (const QByteArray &line : complete.split('\n')) {
        if (line.startsWith("URL: "))
            url = QUrl(QString::fromUtf8(line.mid(5).trimmed()), QUrl::StrictMode);
        else if (line.startsWith("CA: "))
            caSeen = true;
    }
    if (!caSeen || url.isEmpty())
        return;
    m_startTimer.stop();
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        abort(tr("The local sandbox reported an unusable address."));
        return;
    }
    m_stdout.clear();
    m_url = url;
    m_port = quint16(url.port());
    QFile last(portFile());
    if (!last.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        last.write(QByteArray::number(m_port)) < 0)
        qCInfo(lcSandbox) << "could not note the port for the next start:" << last.errorString();
    if (!DemoCredentialsFile::read(QDir(m_dataDir).filePath(QStringLiteral("demo-credentials")),
                                   &m_demoAccounts, &m_demoAccountsError)) {
        m_demoAccounts.clear();
        qCWarning(lcSandbox) << "demo accounts unavailable:" << m_demoAccountsError;
    }
    setState(State::Running);
    emit started(m_url, caFile());
}

void SandboxLauncher::onServerFinished(int exitCode, QProcess::ExitStatus status)
{
    m_startTimer.stop();
    if (m_stopping) {
        finishStop();
        return;
    }
    const QString details = exitDetails(exitCode, status);
    const bool wasRunning = m_state == State::Running;
    discardProcess();
    m_url.clear();
    if (wasRunning) {
        setState(State::Failed);
        emit died(tr("The local sandbox stopped unexpectedly (%1).").arg(details));
    } else if (m_port != 0) {
        // Its old port may have been taken meanwhile: any free one rather than no sandbox.
        qCInfo(lcSandbox) << "the sandbox did not start on port" << m_port << "; trying any port";
        m_port = 0;
        serve();
    } else {
        fail(tr("The local sandbox did not start (%1).").arg(details));
    }
}

void SandboxLauncher::onStderr()
{
    // Only a short, redacted tail is kept, for the error message; it is never logged.
    const QString text = QString::fromUtf8(m_process->readAllStandardError());
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        m_stderrTail << Redaction::text(line.left(300));
        if (m_stderrTail.size() > kStderrLines)
            m_stderrTail.removeFirst();
    }
}

void SandboxLauncher::onProcessError(QProcess::ProcessError error)
{
    // Crashes and exits arrive through finished(); only a failed start does not.
    if (error != QProcess::FailedToStart)
        return;
    m_startTimer.stop();
    const QString why = m_process->errorString();
    discardProcess();
    if (m_stopping) {
        finishStop();
        return;
    }
    fail(tr("Cannot run %1: %2").arg(m_program, why));
}

void SandboxLauncher::onStartTimeout()
{
    abort(tr("The local sandbox did not start within %1 seconds.").arg(kStartTimeoutMs / 1000));
}

void SandboxLauncher::abort(const QString &message)
{
    m_startTimer.stop();
    m_restartAfterStop = false;
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        discardProcess();
        fail(message);
        return;
    }
    // A child that misbehaves while starting gets no grace period; finished() ends in
    // finishStop(), which reports the message.
    m_abortMessage = message;
    m_stopping = true;
    m_process->kill();
}

void SandboxLauncher::stop()
{
    m_startTimer.stop();
    // An explicit stop wins over a start being aborted: the caller waits for stopped().
    m_abortMessage.clear();
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        finishStop();
        return;
    }
    if (m_stopping)
        return;
    m_stopping = true;
    m_process->terminate();
    m_killTimer.start(kGraceMs);
}

void SandboxLauncher::stopBlocking(int graceMs)
{
    m_startTimer.stop();
    m_restartAfterStop = false;
    m_abortMessage.clear();
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        stop();
        return;
    }
    m_stopping = true;
    // finished() is emitted from inside waitForFinished() and runs finishStop(), which
    // schedules the QProcess for deletion: keep our own pointer meanwhile.
    QProcess *process = m_process;
    process->terminate();
    if (!process->waitForFinished(graceMs)) {
        process->kill();
        process->waitForFinished(graceMs);
    }
}

void SandboxLauncher::restart()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_restartAfterStop = true;
        stop();
        return;
    }
    stop();
    start();
}

void SandboxLauncher::finishStop()
{
    m_killTimer.stop();
    m_stopping = false;
    discardProcess();
    m_url.clear();
    if (!m_abortMessage.isEmpty()) {
        fail(std::exchange(m_abortMessage, QString()));
        return;
    }
    const bool wasStopped = m_state == State::Stopped;
    setState(State::Stopped);
    if (!wasStopped)
        emit stopped();
    if (m_restartAfterStop) {
        m_restartAfterStop = false;
        start();
    }
}

void SandboxLauncher::fail(const QString &message)
{
    QString full = message;
    if (!m_stderrTail.isEmpty())
        full += QLatin1Char('\n') + m_stderrTail.join(QLatin1Char('\n'));
    setState(State::Failed);
    emit failed(full);
}

void SandboxLauncher::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QString SandboxLauncher::exitDetails(int exitCode, QProcess::ExitStatus status) const
{
    if (status == QProcess::CrashExit)
        return tr("it crashed");
    return tr("exit code %1").arg(exitCode);
}

void SandboxLauncher::discardProcess()
{
    if (!m_process)
        return;
    disconnect(m_process, nullptr, this, nullptr);
    // Deleted later: this may run inside one of its own signals.
    m_process->deleteLater();
    m_process = nullptr;
}

} // namespace plexe
