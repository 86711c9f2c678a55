// Issue 8, defects 8-10: one parser of the Authorization header for authentication and for the
// owner's log; control characters in query values; key names that could spoof others.
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"
#include "SignInSupport.h"

#include <QTest>

#include <memory>

using namespace plexe::test;
using namespace plexe::test::signin;

class TestContractInputs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bearerSchemeInAnyCaseIsLogged();
    void controlCharactersInQueryValues_data();
    void controlCharactersInQueryValues();
    void invisibleAndBidiNamesRefused_data();
    void invisibleAndBidiNamesRefused();
    void namesAreNfc();

private:
    int rejectedEvents() const;

    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    Credential m_admin;
};

void TestContractInputs::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
    m_admin = Credential::apiKey(m_sandbox.demoApiKey());
}

int TestContractInputs::rejectedEvents() const
{
    const Reply log = m_client->get(
        QStringLiteral("/auth/access-logs?event=api_key.rejected&limit=1000"), m_admin);
    return log.object().value(QLatin1String("events")).toArray().size();
}

// Defect 8: `bEaReR <revoked key>` got its 401 but no api_key.rejected in the owner's log.
void TestContractInputs::bearerSchemeInAnyCaseIsLogged()
{
    const QString revoked = m_sandbox.seedValue(QStringLiteral("revoked_api_key"));
    QVERIFY(!revoked.isEmpty());
    const QUrl base = m_sandbox.baseUrl();
    for (const char *scheme : {"Bearer", "bearer", "BEARER", "bEaReR", "BeArEr"}) {
        const int before = rejectedEvents();
        httplib::SSLClient http(base.host().toStdString(), base.port());
        http.set_ca_cert_path(m_sandbox.caPath().toStdString());
        http.enable_server_certificate_verification(true);
        const auto result = http.Get(
            "/models", {{"Authorization", std::string(scheme) + ' ' + revoked.toStdString()}});
        QVERIFY(result);
        QCOMPARE(result->status, 401);
        QVERIFY2(rejectedEvents() == before + 1, scheme);
    }
}

// Defect 9: `q=%00` cut the filter short and matched everything.
void TestContractInputs::controlCharactersInQueryValues_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::newRow("q NUL") << QStringLiteral("/auth/access-logs?q=%00") << QStringLiteral("q");
    QTest::newRow("q inner") << QStringLiteral("/auth/access-logs?q=a%01b") << QStringLiteral("q");
    QTest::newRow("actor LF") << QStringLiteral("/auth/access-logs?actor=x%0Ay")
                              << QStringLiteral("actor");
    QTest::newRow("models DEL") << QStringLiteral("/models?status=%7F") << QStringLiteral("status");
    QTest::newRow("keys tab") << QStringLiteral("/auth/api-keys?status=%09")
                              << QStringLiteral("status");
}

void TestContractInputs::controlCharactersInQueryValues()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    const Reply reply = m_client->get(path, m_admin);
    const QString msg = checks::errorShape(reply, 422, QStringLiteral("validation_failed"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    const QJsonObject details = reply.object()
                                    .value(QLatin1String("error"))
                                    .toObject()
                                    .value(QLatin1String("details"))
                                    .toObject();
    QCOMPARE(details.value(QLatin1String("field")).toString(), field);
    // Credentials still come first.
    QCOMPARE(m_client->get(path, Credential()).status, 401);
}

// Defect 10: names the console shows must not hide or reorder characters.
void TestContractInputs::invisibleAndBidiNamesRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("zero-width space") << QStringLiteral("ci\u200Bkey");
    QTest::newRow("zero-width joiner") << QStringLiteral("ci\u200Dkey");
    QTest::newRow("word joiner") << QStringLiteral("ci\u2060key");
    QTest::newRow("BOM") << QStringLiteral("ci\uFEFFkey");
    QTest::newRow("RLO") << QStringLiteral("ci \u202Eyek");
    QTest::newRow("LRI") << QStringLiteral("ci \u2066key\u2069");
    QTest::newRow("RLM") << QStringLiteral("ci\u200Fkey");
    QTest::newRow("line separator") << QStringLiteral("ci\u2028key");
    QTest::newRow("paragraph separator") << QStringLiteral("ci\u2029key");
    QTest::newRow("soft hyphen") << QStringLiteral("ci\u00ADkey");
}

void TestContractInputs::invisibleAndBidiNamesRefused()
{
    QFETCH(QString, name);
    const Reply reply =
        m_client->postJson(QStringLiteral("/auth/api-keys"), m_admin,
                           {{QStringLiteral("name"), name},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}});
    const QString msg = checks::errorShape(reply, 422, QStringLiteral("validation_failed"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
}

void TestContractInputs::namesAreNfc()
{
    const QString decomposed = QStringLiteral("cafe\u0301 key");
    const QString composed = QStringLiteral("caf\u00E9 key");
    const QJsonObject created = m_client->createKey(m_admin, decomposed);
    QCOMPARE(created.value(QLatin1String("name")).toString(), composed);
    const Reply twin =
        m_client->postJson(QStringLiteral("/auth/api-keys"), m_admin,
                           {{QStringLiteral("name"), composed},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}});
    const QString msg = checks::errorShape(twin, 409, QStringLiteral("conflict"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    // Scripts and emoji stay allowed.
    QVERIFY(!m_client->createKey(m_admin, QStringLiteral("ключ 🔑 鍵")).isEmpty());
}

QTEST_GUILESS_MAIN(TestContractInputs)
#include "tst_contract_inputs.moc"
