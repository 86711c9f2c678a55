#include "cli/CommandLine.h"

#include <QCommandLineParser>
#include <QDir>

#include <arpa/inet.h>

namespace plexe::sandbox {

namespace {
constexpr int kUsageError = 2;

CommandLine::Result usageError(const QString &message)
{
    CommandLine::Result r;
    r.exitCode = kUsageError;
    r.error = "plexe-sandbox: " + message.toStdString() +
              "\nTry 'plexe-sandbox --help' for more information.\n";
    return r;
}

// Integer option in [min, max]; sets `error` when it is not one.
int intOption(const QCommandLineParser &parser, const QString &name, int fallback, int min, int max,
              QString &error)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        error = QStringLiteral("--%1 must be an integer from %2 to %3, not '%4'")
                    .arg(name)
                    .arg(min)
                    .arg(max)
                    .arg(parser.value(name));
    return value;
}

bool isAddress(const QString &text)
{
    const std::string s = text.toStdString();
    unsigned char buffer[16];
    return s == "localhost" || inet_pton(AF_INET, s.c_str(), buffer) == 1 ||
           inet_pton(AF_INET6, s.c_str(), buffer) == 1;
}

const char kDescription[] =
    "plexe-sandbox: a local stand-in for the Plexe Platform API, for development and tests.\n"
    "It is NOT the Plexe service. It serves HTTPS on loopback with its own CA (ca.pem in the\n"
    "data folder) and keeps its data in SQLite there.\n"
    "\n"
    "Commands:\n"
    "  serve   Serve the API. Prints 'URL: https://HOST:PORT' and 'CA: PATH' when ready.\n"
    "  seed    Create the demo account, API keys and models in a new data folder, and print\n"
    "          the demo credentials (email:, password:, api_key: lines).";
} // namespace

CommandLine::Result CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(kDescription));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version and exit."));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Data folder (created if missing). Required."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("serve: TCP port; 0 picks a free one (default)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption bind(
        QStringLiteral("bind"),
        QStringLiteral("serve: address to listen on (default 127.0.0.1; ::1 for IPv6)."),
        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        QStringLiteral("serve: requests per minute per credential; 0 = off (default 100)."),
        QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption keyCreateLimit(
        QStringLiteral("key-create-limit"),
        QStringLiteral("serve: API key creations per hour per account; 0 = off (default 10)."),
        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption testCert(
        QStringLiteral("tls-test-cert"),
        QStringLiteral("serve, for tests: serve a valid (default), expired, or wrong-host "
                       "(SAN DNS:wrong.example only) certificate from the sandbox CA."),
        QStringLiteral("valid|expired|wrong-host"), QStringLiteral("valid"));
    const QCommandLineOption models(QStringLiteral("models"),
                                    QStringLiteral("seed: number of demo models (default 12)."),
                                    QStringLiteral("N"), QStringLiteral("12"));
    const QCommandLineOption logEvents(
        QStringLiteral("log-events"),
        QStringLiteral("seed: number of demo access-log events (default 0)."), QStringLiteral("N"),
        QStringLiteral("0"));
    parser.addOptions(
        {help, version, data, port, bind, rateLimit, keyCreateLimit, testCert, models});
    parser.addOption(logEvents);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve or seed"),
                                 QStringLiteral("serve|seed"));

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        Result r;
        r.output = parser.helpText().toStdString();
        return r;
    }
    if (parser.isSet(version)) {
        Result r;
        r.output = std::string("plexe-sandbox ") + PLEXE_SANDBOX_VERSION + "\n";
        return r;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("missing command (serve or seed)"));
    if (positional.size() > 1)
        return usageError(QStringLiteral("unexpected argument '%1'").arg(positional.at(1)));
    const QString command = positional.first();
    const bool serve = command == QLatin1String("serve");
    if (!serve && command != QLatin1String("seed"))
        return usageError(QStringLiteral("unknown command '%1' (serve or seed)").arg(command));

    const QList<QCommandLineOption> serveOnly = {port, bind, rateLimit, keyCreateLimit, testCert};
    for (const QCommandLineOption &option :
         serve ? QList<QCommandLineOption>{models, logEvents} : serveOnly) {
        if (parser.isSet(option))
            return usageError(QStringLiteral("--%1 is not an option of '%2'")
                                  .arg(option.names().constFirst(), command));
    }
    if (!parser.isSet(data) || parser.value(data).isEmpty())
        return usageError(QStringLiteral("--data DIR is required"));
    const std::string dataDir =
        QDir::cleanPath(QDir::current().absoluteFilePath(parser.value(data))).toStdString();

    QString error;
    Result r;
    if (serve) {
        r.command = Command::Serve;
        r.serve.dataDir = dataDir;
        r.serve.port = intOption(parser, port.names().constFirst(), 0, 0, 65535, error);
        r.serve.rateLimit = intOption(parser, QStringLiteral("rate-limit"), 100, 0, 1000000, error);
        r.serve.keyCreateLimit =
            intOption(parser, QStringLiteral("key-create-limit"), 10, 0, 1000000, error);
        r.serve.bind = parser.value(bind).toStdString();
        if (!isAddress(parser.value(bind)))
            error = QStringLiteral("--bind must be an IP address or localhost, not '%1'")
                        .arg(parser.value(bind));
        const QString cert = parser.value(testCert);
        if (cert == QLatin1String("expired"))
            r.serve.certificate = TlsIdentity::Variant::Expired;
        else if (cert == QLatin1String("wrong-host"))
            r.serve.certificate = TlsIdentity::Variant::WrongHost;
        else if (cert != QLatin1String("valid"))
            error = QStringLiteral("--tls-test-cert must be valid, expired or wrong-host, not '%1'")
                        .arg(cert);
    } else {
        r.command = Command::Seed;
        r.seed.dataDir = dataDir;
        r.seed.models = intOption(parser, QStringLiteral("models"), 12, 0, 100000, error);
        r.seed.logEvents = intOption(parser, QStringLiteral("log-events"), 0, 0, 100000000, error);
    }
    if (!error.isEmpty())
        return usageError(error);
    return r;
}

} // namespace plexe::sandbox
