#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace plexe::test {

// A real plexe-sandbox: seeded into a temp data folder, serving TLS on a free loopback port.
class SandboxProcess
{
public:
    struct Options
    {
        int rateLimit = 0;         // requests/min per credential, 0 = off
        int keyCreateLimit = 1000; // key creations per hour
        int models = 12;
        QStringList extraServeArgs;
        QStringList extraSeedArgs; // e.g. --log-events N
    };

    SandboxProcess();
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // Seeds (first call only) and starts serving; false with errorString() on failure.
    bool start(const Options &options);
    bool start() { return start(Options{}); }
    // Kills the server without warning (SIGKILL), as a crash would.
    void kill();
    // Starts again on the same data folder (a new port) with the last options.
    bool restart();
    void stop();

    QUrl baseUrl() const { return m_baseUrl; }
    QString caPath() const { return m_caPath; }
    QString dataDir() const { return m_dataDir.path(); }
    QString errorString() const { return m_error; }
    QString serverOutput() const { return m_output; }
    // The serving process's id (0 when not running), e.g. to read its memory from /proc.
    qint64 processId() const { return m_server.processId(); }

    // Demo credentials printed by `plexe-sandbox seed`.
    QString demoEmail() const { return m_seed.value(QStringLiteral("email")); }
    QString demoPassword() const { return m_seed.value(QStringLiteral("password")); }
    QString demoApiKey() const { return m_seed.value(QStringLiteral("api_key")); }
    // Any other `name: value` line of the seed output.
    QString seedValue(const QString &name) const { return m_seed.value(name); }

    static QString executable();

private:
    bool seed(const Options &options);
    bool serve();

    QTemporaryDir m_dataDir;
    QProcess m_server;
    Options m_options;
    bool m_seeded = false;
    QUrl m_baseUrl;
    QString m_caPath;
    QString m_error;
    QString m_output;
    QHash<QString, QString> m_seed;
};

} // namespace plexe::test
