// Contract §4 (errors) and security.md F.37 (every input validated with a clear 4xx, never a
// crash) against a live plexe-sandbox, black-box over TLS.
#include "ContractChecks.h"
#include "ContractClient.h"
#include "RawTlsPost.h"
#include "SandboxProcess.h"

#include <QTest>

#include <memory>

using namespace plexe::test;

namespace {

const QString kKeys = QStringLiteral("/auth/api-keys");

QString idOf(const QJsonObject &object)
{
    const QJsonValue id = object.value(QLatin1String("key_id"));
    return id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
}

} // namespace

// The error shape on every error, validation of every input, and abuse the server must survive.
class TestContractErrors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void errorShape_data();
    void errorShape();
    void requestIdsDiffer();
    void invalidKeyBody_data();
    void invalidKeyBody();
    void invalidPatchBody_data();
    void invalidPatchBody();
    void unknownFieldsIgnored();
    void sqlLookingNamesVerbatim_data();
    void sqlLookingNamesVerbatim();
    void sqlLookingQueryParameters_data();
    void sqlLookingQueryParameters();
    void unicodeNames_data();
    void unicodeNames();
    void invalidUtf8Body();
    void hugeBodyIs413();
    void hugeHeader();
    void badQueryParameters_data();
    void badQueryParameters();
    void stillHealthyAfterAbuse();

private:
    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    Credential m_admin;
    QString m_readOnlyKey;
    QString m_keyId; // a key to PATCH
};

void TestContractErrors::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
    m_admin = Credential::apiKey(m_sandbox.demoApiKey());
    const QJsonObject readOnly =
        m_client->createKey(m_admin, QStringLiteral("errors reader"), QStringLiteral("read_only"));
    QVERIFY(!readOnly.isEmpty());
    m_readOnlyKey = readOnly.value(QLatin1String("key")).toString();
    const QJsonObject target = m_client->createKey(m_admin, QStringLiteral("errors target"));
    QVERIFY(!target.isEmpty());
    m_keyId = idOf(target);
}

void TestContractErrors::errorShape_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("cred"); // none | admin | reader | bogus
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // empty: any code

    const QByteArray good = R"({"name": "x", "permission_level": "read_only"})";
    QTest::newRow("401 no credentials") << "GET"
                                        << "/models"
                                        << "none" << QByteArray() << 401 << "unauthorized";
    QTest::newRow("401 unknown key") << "GET"
                                     << "/models"
                                     << "bogus" << QByteArray() << 401 << "invalid_key";
    QTest::newRow("403 read_only POST")
        << "POST" << kKeys << "reader" << good << 403 << "insufficient_permissions";
    QTest::newRow("404 unknown route") << "GET"
                                       << "/no/such/route"
                                       << "admin" << QByteArray() << 404 << "not_found";
    QTest::newRow("404 unknown route, POST") << "POST"
                                             << "/nothing-here"
                                             << "admin" << good << 404 << "not_found";
    QTest::newRow("404 unknown key id") << "GET" << kKeys + QStringLiteral("/no-such-key-id")
                                        << "admin" << QByteArray() << 404 << "not_found";
    QTest::newRow("404 PATCH unknown key id")
        << "PATCH" << kKeys + QStringLiteral("/no-such-key-id") << "admin"
        << QByteArray(R"({"name": "y"})") << 404 << "not_found";
    QTest::newRow("404 DELETE unknown key id") << "DELETE" << kKeys + QStringLiteral("/999999999")
                                               << "admin" << QByteArray() << 404 << "not_found";
    QTest::newRow("404 unknown model") << "GET"
                                       << "/models/nope-nope"
                                       << "admin" << QByteArray() << 404 << "not_found";
    QTest::newRow("405 PUT on the key list") << "PUT" << kKeys << "admin" << good << 405 << "";
    QTest::newRow("405 PUT without a body")
        << "PUT" << kKeys << "admin" << QByteArray() << 405 << "";
    QTest::newRow("405 PATCH on /models") << "PATCH"
                                          << "/models"
                                          << "admin" << QByteArray("{}") << 405 << "";
    QTest::newRow("405 DELETE on the key list")
        << "DELETE" << kKeys << "admin" << QByteArray() << 405 << "";
    QTest::newRow("405 POST on /models") << "POST"
                                         << "/models"
                                         << "admin" << good << 405 << "";
    QTest::newRow("405 DELETE on /auth/user") << "DELETE"
                                              << "/auth/user"
                                              << "admin" << QByteArray() << 405 << "";
    QTest::newRow("400 malformed JSON")
        << "POST" << kKeys << "admin" << QByteArray(R"({"name": "x", )") << 400
        << "invalid_request";
    QTest::newRow("400 not JSON at all")
        << "POST" << kKeys << "admin" << QByteArray("name=x&permission_level=read_only") << 400
        << "invalid_request";
    QTest::newRow("400 trailing garbage")
        << "POST" << kKeys << "admin" << good + "}}" << 400 << "invalid_request";
    QTest::newRow("400 malformed JSON on PATCH")
        << "PATCH" << QString() << "admin" << QByteArray("{\"name\"") << 400 << "invalid_request";
    QTest::newRow("422 wrong type") << "POST" << kKeys << "admin"
                                    << QByteArray(R"({"name": 5, "permission_level": "read_only"})")
                                    << 422 << "validation_failed";
}

void TestContractErrors::errorShape()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, cred);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    if (path.isEmpty())
        path = kKeys + u'/' + m_keyId;
    Credential credential;
    if (cred == QStringLiteral("admin"))
        credential = m_admin;
    else if (cred == QStringLiteral("reader"))
        credential = Credential::apiKey(m_readOnlyKey);
    else if (cred == QStringLiteral("bogus"))
        credential = Credential::apiKey(QStringLiteral("plx_sk_") + QString(44, u'q'));
    const Reply reply = m_client->send(method, path, credential, body);
    const QString shape = checks::errorShape(reply, status, code);
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
}

void TestContractErrors::requestIdsDiffer()
{
    const Reply a = m_client->get(QStringLiteral("/no/such/route"), m_admin);
    const Reply b = m_client->get(QStringLiteral("/no/such/route"), m_admin);
    QVERIFY(!a.header("X-Request-Id").isEmpty());
    QVERIFY2(a.header("X-Request-Id") != b.header("X-Request-Id"), "request ids repeat");
    // Successful answers carry one as well.
    const Reply ok = m_client->get(QStringLiteral("/models"), m_admin);
    QCOMPARE(ok.status, 200);
    QVERIFY2(!ok.header("X-Request-Id").isEmpty(), "no X-Request-Id on a 200");
}

void TestContractErrors::invalidKeyBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("name missing") << QByteArray(R"({"permission_level": "read_only"})") << "name";
    QTest::newRow("name null") << QByteArray(R"({"name": null, "permission_level": "read_only"})")
                               << "name";
    QTest::newRow("name number") << QByteArray(R"({"name": 5, "permission_level": "read_only"})")
                                 << "name";
    QTest::newRow("name array") << QByteArray(R"({"name": ["a"], "permission_level": "read_only"})")
                                << "name";
    QTest::newRow("name empty") << QByteArray(R"({"name": "", "permission_level": "read_only"})")
                                << "name";
    QTest::newRow("name 101 chars") << QByteArray(R"({"name": ")" + QByteArray(101, 'n') +
                                                  R"(", "permission_level": "read_only"})")
                                    << "name";
    QTest::newRow("name 101 emoji")
        << (QStringLiteral("{\"name\": \"") + QStringLiteral("🔑").repeated(101) +
            QStringLiteral("\", \"permission_level\": \"read_only\"}"))
               .toUtf8()
        << "name";
    QTest::newRow("permission missing") << QByteArray(R"({"name": "x"})") << "permission_level";
    QTest::newRow("permission admin")
        << QByteArray(R"({"name": "x", "permission_level": "admin"})") << "permission_level";
    QTest::newRow("permission empty")
        << QByteArray(R"({"name": "x", "permission_level": ""})") << "permission_level";
    QTest::newRow("permission true")
        << QByteArray(R"({"name": "x", "permission_level": true})") << "permission_level";
    QTest::newRow("permission null")
        << QByteArray(R"({"name": "x", "permission_level": null})") << "permission_level";
    const QByteArray ok = R"({"name": "x", "permission_level": "read_only", "expiration_days": )";
    QTest::newRow("expiration_days 0") << ok + "0}"
                                       << "expiration_days";
    QTest::newRow("expiration_days -1") << ok + "-1}"
                                        << "expiration_days";
    QTest::newRow("expiration_days \"x\"") << ok + "\"x\"}"
                                           << "expiration_days";
    QTest::newRow("expiration_days \"30\"") << ok + "\"30\"}"
                                            << "expiration_days";
    QTest::newRow("expiration_days 1e9") << ok + "1e9}"
                                         << "expiration_days";
    QTest::newRow("expiration_days 1.5") << ok + "1.5}"
                                         << "expiration_days";
    QTest::newRow("expiration_days true") << ok + "true}"
                                          << "expiration_days";
    QTest::newRow("expiration_days 2^63") << ok + "9223372036854775808}"
                                          << "expiration_days";
    QTest::newRow("body is an array") << QByteArray(R"([{"name": "x"}])") << "";
    QTest::newRow("body is a string") << QByteArray(R"("x")") << "";
}

void TestContractErrors::invalidKeyBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const Reply reply = m_client->send(QStringLiteral("POST"), kKeys, m_admin, body);
    if (field.isEmpty()) {
        // Not an object at all: a malformed request (400) or a bad body (422), both clear.
        const QString as400 = checks::errorShape(reply, 400, QStringLiteral("invalid_request"));
        const QString as422 = checks::errorShape(reply, 422, QStringLiteral("validation_failed"));
        QVERIFY2(as400.isEmpty() || as422.isEmpty(), qPrintable(as400));
        return;
    }
    const QString check = checks::validationFailed(reply, field);
    QVERIFY2(check.isEmpty(), qPrintable(check));
}

void TestContractErrors::invalidPatchBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("name empty") << QByteArray(R"({"name": ""})") << "name";
    QTest::newRow("name number") << QByteArray(R"({"name": 1})") << "name";
    QTest::newRow("name 101 chars")
        << QByteArray(R"({"name": ")" + QByteArray(101, 'p') + "\"}") << "name";
    QTest::newRow("expiration_days 0")
        << QByteArray(R"({"expiration_days": 0})") << "expiration_days";
    QTest::newRow("expiration_days -1")
        << QByteArray(R"({"expiration_days": -1})") << "expiration_days";
    QTest::newRow("expiration_days \"x\"")
        << QByteArray(R"({"expiration_days": "x"})") << "expiration_days";
    QTest::newRow("expiration_days 1e9")
        << QByteArray(R"({"expiration_days": 1e9})") << "expiration_days";
}

void TestContractErrors::invalidPatchBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const Reply reply =
        m_client->send(QStringLiteral("PATCH"), kKeys + u'/' + m_keyId, m_admin, body);
    const QString check = checks::validationFailed(reply, field);
    QVERIFY2(check.isEmpty(), qPrintable(check));
    // Nothing was applied.
    const Reply item = m_client->get(kKeys + u'/' + m_keyId, m_admin);
    QCOMPARE(item.status, 200);
    QCOMPARE(item.object().value(QLatin1String("name")).toString(),
             QStringLiteral("errors target"));
    QVERIFY(item.object().value(QLatin1String("expires_at")).isNull());
}

void TestContractErrors::unknownFieldsIgnored()
{
    const QString chosen = QStringLiteral("plx_sk_") + QString(43, u'C');
    const QByteArray body = R"({"name": "extra fields", "permission_level": "read_only",
        "colour": "blue", "nested": {"a": [1, 2]}, "key": ")" +
                            chosen.toUtf8() + R"(", "status": "revoked", "created_by": "mallory"})";
    const Reply reply = m_client->send(QStringLiteral("POST"), kKeys, m_admin, body);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject key = reply.object();
    QCOMPARE(key.value(QLatin1String("name")).toString(), QStringLiteral("extra fields"));
    QVERIFY2(key.value(QLatin1String("key")).toString() != chosen, "the client chose the secret");
    QVERIFY(!key.contains(QLatin1String("colour")));
    QVERIFY(key.value(QLatin1String("created_by")).toString() != QStringLiteral("mallory"));
    const Reply item = m_client->get(kKeys + u'/' + idOf(key), m_admin);
    QCOMPARE(item.object().value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(m_client->get(QStringLiteral("/models"), Credential::apiKey(chosen)).status, 401);

    const Reply patch = m_client->send(QStringLiteral("PATCH"), kKeys + u'/' + idOf(key), m_admin,
                                       R"({"name": "extra fields 2", "whatever": 1})");
    QVERIFY2(patch.status == 200, patch.describe().constData());
    QCOMPARE(patch.object().value(QLatin1String("name")).toString(),
             QStringLiteral("extra fields 2"));
}

void TestContractErrors::sqlLookingNamesVerbatim_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("drop table") << QStringLiteral("'; DROP TABLE api_keys; --");
    QTest::newRow("or 1=1") << QStringLiteral("x' OR '1'='1");
    QTest::newRow("quotes and backslashes") << QStringLiteral("\"\\\" \\\\ ' ` ;");
    QTest::newRow("like wildcards") << QStringLiteral("100% _of_ it");
    QTest::newRow("html") << QStringLiteral("<script>alert(1)</script>");
    QTest::newRow("json in a name") << QStringLiteral("{\"key\": \"plx_sk_x\"}");
    QTest::newRow("100 chars") << QString(100, u'z');
}

void TestContractErrors::sqlLookingNamesVerbatim()
{
    QFETCH(QString, name);
    const QJsonObject created = m_client->createKey(m_admin, name, QStringLiteral("read_only"));
    QVERIFY2(!created.isEmpty(), "create refused");
    QCOMPARE(created.value(QLatin1String("name")).toString(), name);
    const Reply item = m_client->get(kKeys + u'/' + idOf(created), m_admin);
    QVERIFY2(item.status == 200, item.describe().constData());
    QCOMPARE(item.object().value(QLatin1String("name")).toString(), name);

    // The table is intact and lists the name verbatim.
    bool found = false;
    for (int offset = 0; !found && offset < 10000; offset += 100) {
        const Reply list =
            m_client->get(kKeys + QStringLiteral("?limit=100&offset=%1").arg(offset), m_admin);
        QVERIFY2(list.status == 200, list.describe().constData());
        const QJsonArray keys = list.object().value(QLatin1String("keys")).toArray();
        for (const QJsonValue &k : keys)
            found = found || (idOf(k.toObject()) == idOf(created) &&
                              k.toObject().value(QLatin1String("name")).toString() == name);
        if (keys.isEmpty())
            break;
    }
    QVERIFY(found);
    QCOMPARE(m_client->get(QStringLiteral("/models"), m_admin).status, 200);
}

void TestContractErrors::sqlLookingQueryParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("status") << QStringLiteral(
        "/auth/api-keys?status=active%27%20OR%20%271%27%3D%271");
    QTest::newRow("models status") << QStringLiteral("/models?status=READY%27%20OR%201%3D1--");
    QTest::newRow("sort_by") << QStringLiteral("/models?sort_by=name%3BDROP%20TABLE%20models");
    QTest::newRow("sort_dir") << QStringLiteral("/models?sort_dir=asc%2C(select%201)");
    QTest::newRow("key id") << QStringLiteral("/auth/api-keys/1%20OR%201%3D1");
    QTest::newRow("model name") << QStringLiteral("/models/x%27%20OR%20%271%27%3D%271");
}

void TestContractErrors::sqlLookingQueryParameters()
{
    QFETCH(QString, query);
    const Reply reply = m_client->get(query, m_admin);
    QVERIFY2(reply.transportOk, reply.describe().constData());
    if (reply.status == 200) {
        // Ignored or matched nothing; never a widened result.
        const QJsonObject o = reply.object();
        if (o.contains(QLatin1String("keys")) && query.contains(QLatin1String("status=")))
            QVERIFY2(o.value(QLatin1String("keys")).toArray().isEmpty(),
                     "an injected status filter widened the result");
        if (o.contains(QLatin1String("models")) && query.contains(QLatin1String("status=")))
            QVERIFY2(o.value(QLatin1String("models")).toArray().isEmpty(),
                     "an injected status filter widened the result");
        QVERIFY2(!query.contains(QLatin1String("/auth/api-keys/1")) &&
                     !query.startsWith(QLatin1String("/models/x")),
                 "an injected id found something");
        return;
    }
    QVERIFY2(reply.status == 400 || reply.status == 404 || reply.status == 422,
             reply.describe().constData());
    const QString shape = checks::errorShape(reply, reply.status, {});
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
}

void TestContractErrors::unicodeNames_data()
{
    QTest::addColumn<QByteArray>("jsonName"); // as it appears in the JSON body, quoted
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("may422");
    QTest::newRow("emoji") << QByteArray("\"🔑 prod key 🚀\"") << QStringLiteral("🔑 prod key 🚀")
                           << false;
    QTest::newRow("emoji as surrogate escapes")
        << QByteArray(R"("\ud83d\udd11 escaped")") << QStringLiteral("🔑 escaped") << false;
    QTest::newRow("RTL") << QByteArray("\"مفتاح الإنتاج\"") << QStringLiteral("مفتاح الإنتاج")
                         << false;
    QTest::newRow("RTL override") << QByteArray(R"("abc\u202Edef")")
                                  << QStringLiteral("abc\u202Edef") << true;
    QTest::newRow("CJK") << QByteArray("\"鍵の名前\"") << QStringLiteral("鍵の名前") << false;
    // Stored in NFC (issue 8): "e" + combining acute becomes "é".
    QTest::newRow("combining marks")
        << QByteArray("\"e\xcc\x81t\xc3\xa9\"") << QStringLiteral("\u00e9t\u00e9") << false;
    QTest::newRow("NUL escape") << QByteArray(R"("a\u0000b")")
                                << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << true;
    QTest::newRow("control characters")
        << QByteArray(R"("tab\there\nnewline")") << QStringLiteral("tab\there\nnewline") << true;
    QTest::newRow("lone surrogate") << QByteArray(R"("bad \ud800 half")") << QString() << true;
}

void TestContractErrors::unicodeNames()
{
    QFETCH(QByteArray, jsonName);
    QFETCH(QString, name);
    QFETCH(bool, may422);
    const QByteArray body = "{\"name\": " + jsonName + ", \"permission_level\": \"read_only\"}";
    const Reply reply = m_client->send(QStringLiteral("POST"), kKeys, m_admin, body);
    if (reply.status != 200) {
        // A clear refusal is acceptable where the contract leaves it open; a crash or 500 is not.
        QVERIFY2(may422, reply.describe().constData());
        const QString check = checks::validationFailed(reply, QStringLiteral("name"));
        const QString as400 = checks::errorShape(reply, 400, QStringLiteral("invalid_request"));
        QVERIFY2(check.isEmpty() || as400.isEmpty(), qPrintable(check));
        return;
    }
    QVERIFY2(!name.isNull(),
             qPrintable(QStringLiteral("a lone surrogate was accepted and stored as '%1', not "
                                       "refused with a 422")
                            .arg(reply.object().value(QLatin1String("name")).toString())));
    QCOMPARE(reply.object().value(QLatin1String("name")).toString(), name);
    const Reply item = m_client->get(kKeys + u'/' + idOf(reply.object()), m_admin);
    QVERIFY2(item.status == 200, item.describe().constData());
    QCOMPARE(item.object().value(QLatin1String("name")).toString(), name);
}

void TestContractErrors::invalidUtf8Body()
{
    const QByteArray body =
        "{\"name\": \"bad \xff\xfe bytes\", \"permission_level\": \"read_only\"}";
    const Reply reply = m_client->send(QStringLiteral("POST"), kKeys, m_admin, body);
    const QString as400 = checks::errorShape(reply, 400, QStringLiteral("invalid_request"));
    const QString as422 = checks::validationFailed(reply, QString());
    QVERIFY2(as400.isEmpty() || as422.isEmpty(), qPrintable(as400));
}

void TestContractErrors::hugeBodyIs413()
{
    RawTlsPost post(m_sandbox.baseUrl(), m_sandbox.caPath());
    const Reply reply = post.send(kKeys, m_sandbox.demoApiKey(), 10 * 1024 * 1024);
    const QString shape = checks::errorShape(reply, 413, QStringLiteral("payload_too_large"));
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    qInfo("413 came after %lld bytes sent", post.bytesWritten());

    // And the server still answers.
    const Reply health = m_client->get(QStringLiteral("/health"), Credential::none());
    QVERIFY2(health.status == 200, health.describe().constData());
    QCOMPARE(m_client->get(QStringLiteral("/models"), m_admin).status, 200);
}

void TestContractErrors::hugeHeader()
{
    // A 64 KiB credential: refused with a 4xx (or the connection closed), never a crash.
    const Reply reply =
        m_client->get(QStringLiteral("/models"), Credential::apiKey(QString(65536, u'k')));
    if (reply.transportOk) {
        QVERIFY2(reply.status >= 400 && reply.status < 500, reply.describe().constData());
        QVERIFY(reply.status != 404);
    }
    const Reply health = m_client->get(QStringLiteral("/health"), Credential::none());
    QVERIFY2(health.status == 200, health.describe().constData());
}

void TestContractErrors::badQueryParameters_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("query");
    for (const QString &route : QStringList{kKeys, QStringLiteral("/models")}) {
        const QByteArray r = route.toUtf8();
        for (const QString &q : QStringList{
                 QStringLiteral("limit=abc"), QStringLiteral("limit=100000"),
                 QStringLiteral("limit=101"), QStringLiteral("limit=0"), QStringLiteral("limit=-5"),
                 QStringLiteral("limit=1e3"), QStringLiteral("limit=99999999999999999999"),
                 QStringLiteral("offset=-1"), QStringLiteral("offset=abc"),
                 QStringLiteral("offset=99999999999999999999"), QStringLiteral("limit=&offset="),
                 QStringLiteral("status=bogus")})
            QTest::newRow(QByteArray(r + "?" + q.toUtf8()).constData()) << route << q;
    }
    QTest::newRow("/models?sort_by=password")
        << QStringLiteral("/models") << QStringLiteral("sort_by=password");
    QTest::newRow("/models?sort_dir=sideways")
        << QStringLiteral("/models") << QStringLiteral("sort_dir=sideways");
}

void TestContractErrors::badQueryParameters()
{
    QFETCH(QString, route);
    QFETCH(QString, query);
    // The contract fixes no behaviour: either a clear 400/422, or a 200 with sane, clamped
    // pagination. Never a 500, never more than 100 items, never a negative offset.
    const Reply reply = m_client->get(route + u'?' + query, m_admin);
    QVERIFY2(reply.transportOk, reply.describe().constData());
    if (reply.status != 200) {
        QVERIFY2(reply.status == 400 || reply.status == 422, reply.describe().constData());
        const QString shape = checks::errorShape(reply, reply.status, {});
        QVERIFY2(shape.isEmpty(), qPrintable(shape));
        return;
    }
    const QString listName = route == kKeys ? QStringLiteral("keys") : QStringLiteral("models");
    const QJsonObject o = reply.object();
    QVERIFY(o.value(listName).isArray());
    const int size = o.value(listName).toArray().size();
    const QJsonObject p = o.value(QLatin1String("pagination")).toObject();
    const int limit = p.value(QLatin1String("limit")).toInt(-1);
    const int offset = p.value(QLatin1String("offset")).toInt(-1);
    QVERIFY2(limit >= 1 && limit <= 100, qPrintable(QStringLiteral("limit %1").arg(limit)));
    QVERIFY2(offset >= 0, qPrintable(QStringLiteral("offset %1").arg(offset)));
    const QString page = checks::pagination(o, size, -1, -1);
    QVERIFY2(page.isEmpty(), qPrintable(page));
    if (query == QStringLiteral("status=bogus"))
        QCOMPARE(size, 0);
}

void TestContractErrors::stillHealthyAfterAbuse()
{
    const Reply health = m_client->get(QStringLiteral("/health"), Credential::none());
    QVERIFY2(health.status == 200, health.describe().constData());
    const Reply models = m_client->get(QStringLiteral("/models"), m_admin);
    QVERIFY2(models.status == 200, models.describe().constData());
    const Reply keys = m_client->get(kKeys, m_admin);
    QVERIFY2(keys.status == 200, keys.describe().constData());
}

QTEST_GUILESS_MAIN(TestContractErrors)
#include "tst_contract_errors.moc"
