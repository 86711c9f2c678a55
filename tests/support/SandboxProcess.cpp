#include "SandboxProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include <csignal>
#include <sys/prctl.h>

namespace plexe::test {

namespace {
constexpr int kStartTimeoutMs = 15000;
}

SandboxProcess::SandboxProcess()
{
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    // If the test process dies (a failed sanitizer check aborts it), the server must not live
    // on holding its port and data folder: the kernel kills it with its parent.
    m_server.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

SandboxProcess::~SandboxProcess()
{
    stop();
}

QString SandboxProcess::executable()
{
    return QStringLiteral(PLEXE_SANDBOX_PATH);
}

bool SandboxProcess::start(const Options &options)
{
    m_options = options;
    if (!m_dataDir.isValid()) {
        m_error = QStringLiteral("cannot create a temp data folder");
        return false;
    }
    if (!m_seeded && !seed(options))
        return false;
    return serve();
}

bool SandboxProcess::seed(const Options &options)
{
    QProcess seeder;
    seeder.setProcessChannelMode(QProcess::SeparateChannels);
    seeder.start(executable(),
                 QStringList{QStringLiteral("seed"), QStringLiteral("--data"), dataDir(),
                             QStringLiteral("--models"), QString::number(options.models)} +
                     options.extraSeedArgs);
    if (!seeder.waitForFinished(60000) || seeder.exitStatus() != QProcess::NormalExit ||
        seeder.exitCode() != 0) {
        m_error =
            QStringLiteral("seed failed: ") + QString::fromUtf8(seeder.readAllStandardError());
        return false;
    }
    // Lines of the form `name: value` carry the demo credentials.
    static const QRegularExpression line(QStringLiteral("^([a-z_]+):\\s+(\\S.*)$"));
    const QString out = QString::fromUtf8(seeder.readAllStandardOutput());
    for (const QString &l : out.split(QLatin1Char('\n'))) {
        const auto m = line.match(l.trimmed());
        if (m.hasMatch() && !m_seed.contains(m.captured(1)))
            m_seed.insert(m.captured(1), m.captured(2).trimmed());
    }
    m_seeded = true;
    return true;
}

bool SandboxProcess::serve()
{
    m_output.clear();
    m_baseUrl.clear();
    QStringList args = {QStringLiteral("serve"),
                        QStringLiteral("--data"),
                        dataDir(),
                        QStringLiteral("--port"),
                        QStringLiteral("0"),
                        QStringLiteral("--rate-limit"),
                        QString::number(m_options.rateLimit),
                        QStringLiteral("--key-create-limit"),
                        QString::number(m_options.keyCreateLimit)};
    args += m_options.extraServeArgs;
    m_server.start(executable(), args);
    if (!m_server.waitForStarted(kStartTimeoutMs)) {
        m_error = QStringLiteral("cannot start plexe-sandbox: ") + m_server.errorString();
        return false;
    }
    // The sandbox prints `URL: https://127.0.0.1:PORT` once it is listening.
    static const QRegularExpression urlLine(QStringLiteral("^URL:\\s+(https://\\S+)"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression caLine(QStringLiteral("^CA:\\s+(\\S.*)$"),
                                           QRegularExpression::MultilineOption);
    QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_server.waitForReadyRead(int(deadline.remainingTime()))) {
            if (m_server.state() != QProcess::Running)
                break;
            continue;
        }
        m_output += QString::fromUtf8(m_server.readAll());
        const auto url = urlLine.match(m_output);
        const auto ca = caLine.match(m_output);
        if (url.hasMatch() && ca.hasMatch()) {
            m_baseUrl = QUrl(url.captured(1));
            m_caPath = ca.captured(1).trimmed();
            return true;
        }
    }
    m_output += QString::fromUtf8(m_server.readAll());
    m_error = QStringLiteral("plexe-sandbox did not report its URL: ") + m_output;
    stop();
    return false;
}

void SandboxProcess::kill()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.kill();
    m_server.waitForFinished(5000);
}

bool SandboxProcess::restart()
{
    stop();
    return serve();
}

void SandboxProcess::stop()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.terminate();
    if (!m_server.waitForFinished(5000)) {
        m_server.kill();
        m_server.waitForFinished(5000);
    }
}

} // namespace plexe::test
