// security.md F36 against a live plexe-sandbox: after every sign-in flow has run with canary
// secrets, no password, token, code, verifier, key or TOTP seed is in the SQLite files (the
// database and its WAL) in clear — only hashes (and the sealed TOTP seed).
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"
#include "SignInSupport.h"

#include <QDir>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace plexe::test;
using namespace plexe::test::signin;

namespace {
const QString kCanaryPassword = QStringLiteral("Canary-Pw-5b1e7c0d-9f3a");
const QString kCanaryEmail = QStringLiteral("canary@secrets.test");
const QString kTotpEmail = QStringLiteral("canary-totp@secrets.test");
} // namespace

class TestContractSecretsAtRest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noSecretInTheDatabaseFiles();

private:
    QHash<QString, QString> userAdd(const QStringList &args, const QByteArray &stdinText);
    QString scan(bool expectWal) const;

    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    QMap<QString, QByteArray> m_secrets; // what -> value that must not be stored
};

void TestContractSecretsAtRest::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
}

QHash<QString, QString> TestContractSecretsAtRest::userAdd(const QStringList &args,
                                                           const QByteArray &stdinText)
{
    QProcess process;
    process.start(SandboxProcess::executable(),
                  QStringList{QStringLiteral("user"), QStringLiteral("add"),
                              QStringLiteral("--data"), m_sandbox.dataDir()} +
                      args);
    process.write(stdinText);
    process.closeWriteChannel();
    QHash<QString, QString> lines;
    if (!process.waitForFinished(10000) || process.exitCode() != 0)
        return lines;
    for (const QString &line : QString::fromUtf8(process.readAllStandardOutput()).split(u'\n')) {
        const int colon = line.indexOf(u':');
        if (colon > 0)
            lines.insert(line.left(colon), line.mid(colon + 1).trimmed());
    }
    return lines;
}

QString TestContractSecretsAtRest::scan(bool expectWal) const
{
    QByteArray all;
    int files = 0;
    for (const char *name : {"sandbox.db", "sandbox.db-wal", "sandbox.db-shm"}) {
        QFile file(QDir(m_sandbox.dataDir()).filePath(QLatin1String(name)));
        if (file.open(QIODevice::ReadOnly)) {
            all += file.readAll();
            ++files;
        }
    }
    if (files < (expectWal ? 2 : 1))
        return QStringLiteral("the database files were not found");
    // Positive control: the scan does see what is stored in clear.
    if (!all.contains(kCanaryEmail.toUtf8()))
        return QStringLiteral("the canary email is not in the files: the scan reads nothing");
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
        if (it.value().isEmpty())
            return QStringLiteral("no value captured for ") + it.key();
        if (all.contains(it.value()))
            return QStringLiteral("found in clear in the database files: ") + it.key();
    }
    return {};
}

void TestContractSecretsAtRest::noSecretInTheDatabaseFiles()
{
    // Accounts made by `user add`: a canary password, and a TOTP seed.
    QVERIFY(userAdd({QStringLiteral("--email"), kCanaryEmail, QStringLiteral("--password-stdin")},
                    kCanaryPassword.toUtf8() + '\n')
                .value(QStringLiteral("email")) == kCanaryEmail);
    const auto totp =
        userAdd({QStringLiteral("--email"), kTotpEmail, QStringLiteral("--totp")}, {});
    QVERIFY(totp.value(QStringLiteral("totp_uri")).startsWith(QLatin1String("otpauth://totp/")));
    m_secrets.insert(QStringLiteral("password"), kCanaryPassword.toUtf8());
    m_secrets.insert(QStringLiteral("generated password"),
                     totp.value(QStringLiteral("password")).toUtf8());
    m_secrets.insert(QStringLiteral("TOTP seed (base32)"),
                     totp.value(QStringLiteral("totp_secret")).toUtf8());
    m_secrets.insert(QStringLiteral("TOTP seed (raw)"),
                     base32Decode(totp.value(QStringLiteral("totp_secret"))));

    // Password sign-in, refresh.
    const Reply signedIn = login(*m_client, kCanaryEmail, kCanaryPassword);
    QVERIFY2(signedIn.status == 200, signedIn.describe().constData());
    m_secrets.insert(QStringLiteral("access token"), field(signedIn, "access_token").toUtf8());
    m_secrets.insert(QStringLiteral("refresh token"), field(signedIn, "refresh_token").toUtf8());
    const Reply rotated = refresh(*m_client, field(signedIn, "refresh_token"));
    QVERIFY2(rotated.status == 200, rotated.describe().constData());
    m_secrets.insert(QStringLiteral("rotated access token"),
                     field(rotated, "access_token").toUtf8());
    m_secrets.insert(QStringLiteral("rotated refresh token"),
                     field(rotated, "refresh_token").toUtf8());

    // TOTP sign-in.
    const Reply mfa = login(*m_client, kTotpEmail, totp.value(QStringLiteral("password")));
    const QString mfaToken = mfa.object().value(QLatin1String("mfa_token")).toString();
    m_secrets.insert(QStringLiteral("mfa token"), mfaToken.toUtf8());
    const Reply mfaDone = m_client->postJson(
        QStringLiteral("/auth/login/mfa"), Credential::none(),
        {{QStringLiteral("mfa_token"), mfaToken},
         {QStringLiteral("code"),
          totpAt(totp.value(QStringLiteral("totp_secret")), QDateTime::currentSecsSinceEpoch())}});
    QVERIFY2(mfaDone.status == 200, mfaDone.describe().constData());
    m_secrets.insert(QStringLiteral("TOTP session token"), field(mfaDone, "access_token").toUtf8());

    // Browser sign-in: the code, the verifier, the browser session cookie.
    Browser browser(*m_client);
    AuthorizeParams params;
    Fields fields = formFields(browser.get(params.path()).body);
    setField(fields, QStringLiteral("email"), kCanaryEmail);
    setField(fields, QStringLiteral("password"), kCanaryPassword);
    const Reply redirect = browser.postForm(QStringLiteral("/oauth/authorize"), fields);
    QCOMPARE(redirect.status, 302);
    const QString code =
        locationQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    m_secrets.insert(QStringLiteral("authorization code"), code.toUtf8());
    m_secrets.insert(QStringLiteral("PKCE verifier"), params.verifier);
    m_secrets.insert(QStringLiteral("browser session"),
                     browser.cookie(QStringLiteral("plexe_browser_session")).toUtf8());
    const Reply exchanged = exchangeCode(*m_client, code, params);
    QVERIFY2(exchanged.status == 200, exchanged.describe().constData());
    m_secrets.insert(QStringLiteral("code's access token"),
                     field(exchanged, "access_token").toUtf8());

    // An API key created with a session.
    const Reply key = m_client->postJson(
        QStringLiteral("/auth/api-keys"), Credential::bearer(field(exchanged, "access_token")),
        {{QStringLiteral("name"), QStringLiteral("canary key")},
         {QStringLiteral("permission_level"), QStringLiteral("read_write")}});
    QVERIFY2(key.status == 200, key.describe().constData());
    m_secrets.insert(QStringLiteral("API key"), field(key, "key").toUtf8());
    m_secrets.insert(QStringLiteral("demo password"), m_sandbox.demoPassword().toUtf8());
    m_secrets.insert(QStringLiteral("demo API key"), m_sandbox.demoApiKey().toUtf8());

    QString msg = scan(true);
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    m_sandbox.stop(); // checkpoint the WAL into the database file
    msg = scan(false);
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
}

QTEST_GUILESS_MAIN(TestContractSecretsAtRest)
#include "tst_contract_secrets_at_rest.moc"
