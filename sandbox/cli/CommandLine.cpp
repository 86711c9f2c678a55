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
    "  seed    Create the demo accounts, API keys and models in a new data folder, and print\n"
    "          the demo credentials (email:, password:, api_key:, oauth_email:, totp_… lines).\n"
    "  user add  Add an account (--email, [--name], [--password-stdin], [--totp],\n"
    "          [--oauth-only]); prints a generated password and the TOTP secret once.";
} // namespace

CommandLine::Result CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kDescription));
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
    const QCommandLineOption buildSeconds(
        QStringLiteral("build-seconds"),
        QStringLiteral("seed: the demo models that are building finish N seconds after the seed "
                       "(READY or completed, with an endpoint); 0 = they never finish (default)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption loginFailureLimit(
        QStringLiteral("login-failure-limit"),
        QStringLiteral("serve: failed sign-ins per account and per address before 429 "
                       "(default 10)."),
        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption loginWindow(
        QStringLiteral("login-window-seconds"),
        QStringLiteral("serve: the window failed sign-ins are counted in (default 900)."),
        QStringLiteral("S"), QStringLiteral("900"));
    const QCommandLineOption accessSeconds(
        QStringLiteral("access-token-seconds"),
        QStringLiteral("serve: access token lifetime (default 900)."), QStringLiteral("N"),
        QStringLiteral("900"));
    const QCommandLineOption refreshDays(
        QStringLiteral("refresh-token-days"),
        QStringLiteral("serve: refresh token lifetime in days (default 30)."), QStringLiteral("N"),
        QStringLiteral("30"));
    const QCommandLineOption stepUp(
        QStringLiteral("step-up-seconds"),
        QStringLiteral("serve: how recent a sign-in must be to change API keys with a session "
                       "(default 600)."),
        QStringLiteral("N"), QStringLiteral("600"));
    const QCommandLineOption clockOffsetFile(
        QStringLiteral("clock-offset-file"),
        QStringLiteral("serve, TEST ONLY: a file whose integer content (re-read at every "
                       "request) moves the server's clock by that many seconds."),
        QStringLiteral("PATH"));
    const QCommandLineOption email(QStringLiteral("email"),
                                   QStringLiteral("user add: the account's email."),
                                   QStringLiteral("E"));
    const QCommandLineOption name(
        QStringLiteral("name"), QStringLiteral("user add: the display name."), QStringLiteral("N"));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        QStringLiteral("user add: read the password from the first line of stdin (else one is "
                       "generated and printed)."));
    const QCommandLineOption totp(QStringLiteral("totp"),
                                  QStringLiteral("user add: turn TOTP on; prints the secret "
                                                 "and an otpauth:// URI once."));
    const QCommandLineOption oauthOnly(
        QStringLiteral("oauth-only"),
        QStringLiteral("user add: no password; signs in through the Google/GitHub stand-ins."));
    const QCommandLineOption logEvents(
        QStringLiteral("log-events"),
        QStringLiteral("seed: number of demo access-log events (default 0)."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption writeCredentials(
        QStringLiteral("write-demo-credentials"),
        QStringLiteral("seed: also write the demo credentials to DIR/demo-credentials (mode "
                       "0600), for plexe-console --sandbox."));
    parser.addOption(logEvents);
    parser.addOption(writeCredentials);
    parser.addOption(buildSeconds);
    parser.addOptions({help,        version,        data,          port,   bind,
                       rateLimit,   keyCreateLimit, testCert,      models, loginFailureLimit,
                       loginWindow, accessSeconds,  refreshDays,   stepUp, clockOffsetFile,
                       email,       name,           passwordStdin, totp,   oauthOnly});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("serve, seed or user add"),
                                 QStringLiteral("serve|seed|user add"));

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
        return usageError(QStringLiteral("missing command (serve, seed or user add)"));
    const bool userAdd = positional.first() == QLatin1String("user");
    if (userAdd && (positional.size() < 2 || positional.at(1) != QLatin1String("add")))
        return usageError(QStringLiteral("the user command is 'user add'"));
    if (positional.size() > (userAdd ? 2 : 1))
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(positional.at(userAdd ? 2 : 1)));
    const QString command = userAdd ? QStringLiteral("user add") : positional.first();
    const bool serve = command == QLatin1String("serve");
    if (!serve && !userAdd && command != QLatin1String("seed"))
        return usageError(
            QStringLiteral("unknown command '%1' (serve, seed or user add)").arg(command));

    const QList<QCommandLineOption> serveOnly = {
        port,        bind,          rateLimit,   keyCreateLimit, testCert,       loginFailureLimit,
        loginWindow, accessSeconds, refreshDays, stepUp,         clockOffsetFile};
    const QList<QCommandLineOption> userOnly = {email, name, passwordStdin, totp, oauthOnly};
    QList<QCommandLineOption> notHere = {models, logEvents, writeCredentials, buildSeconds};
    if (serve)
        notHere += userOnly;
    else if (userAdd)
        notHere += serveOnly;
    else
        notHere = serveOnly + userOnly;
    for (const QCommandLineOption &option : notHere) {
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
        SignInSettings &signIn = r.serve.signIn;
        signIn.loginFailureLimit =
            intOption(parser, QStringLiteral("login-failure-limit"), 10, 1, 1000000, error);
        signIn.loginWindowSeconds =
            intOption(parser, QStringLiteral("login-window-seconds"), 900, 1, 86400 * 30, error);
        signIn.accessTtlSeconds =
            intOption(parser, QStringLiteral("access-token-seconds"), 900, 1, 86400 * 30, error);
        signIn.refreshTtlSeconds =
            qint64(intOption(parser, QStringLiteral("refresh-token-days"), 30, 1, 3650, error)) *
            86400;
        signIn.stepUpSeconds =
            intOption(parser, QStringLiteral("step-up-seconds"), 600, 1, 86400 * 30, error);
        if (parser.isSet(clockOffsetFile))
            r.serve.clockOffsetFile =
                QDir::current().absoluteFilePath(parser.value(clockOffsetFile)).toStdString();
        const QString cert = parser.value(testCert);
        if (cert == QLatin1String("expired"))
            r.serve.certificate = TlsIdentity::Variant::Expired;
        else if (cert == QLatin1String("wrong-host"))
            r.serve.certificate = TlsIdentity::Variant::WrongHost;
        else if (cert != QLatin1String("valid"))
            error = QStringLiteral("--tls-test-cert must be valid, expired or wrong-host, not '%1'")
                        .arg(cert);
    } else if (userAdd) {
        r.command = Command::UserAdd;
        r.userAdd.dataDir = dataDir;
        r.userAdd.email = parser.value(email).trimmed().toStdString();
        r.userAdd.name = parser.value(name).trimmed().toStdString();
        r.userAdd.passwordStdin = parser.isSet(passwordStdin);
        r.userAdd.totp = parser.isSet(totp);
        r.userAdd.oauthOnly = parser.isSet(oauthOnly);
        if (r.userAdd.email.empty())
            error = QStringLiteral("--email E is required");
        else if (r.userAdd.oauthOnly && (r.userAdd.passwordStdin || r.userAdd.totp))
            error = QStringLiteral("--oauth-only excludes --password-stdin and --totp");
    } else {
        r.command = Command::Seed;
        r.seed.dataDir = dataDir;
        r.seed.models = intOption(parser, QStringLiteral("models"), 12, 0, 100000, error);
        r.seed.logEvents = intOption(parser, QStringLiteral("log-events"), 0, 0, 100000000, error);
        r.seed.writeCredentials = parser.isSet(writeCredentials);
        r.seed.buildSeconds =
            intOption(parser, QStringLiteral("build-seconds"), 0, 0, 86400 * 365, error);
    }
    if (!error.isEmpty())
        return usageError(error);
    return r;
}

} // namespace plexe::sandbox
