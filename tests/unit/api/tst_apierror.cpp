// ApiError: every row of contract §4, all three error body shapes, and garbage.
#include "api/ApiError.h"

#include <QTest>

using namespace plexe;

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contractRows_data();
    void contractRows();
    void shapes_data();
    void shapes();
    void distinctKeyMessages();
    void expiredKeyWithDate();
    void validationField();
    void rateLimitCountdown();
    void transportKinds();
    void predicates();
    void serverTextIsOneLine();
};

static QByteArray shape1(const char *code, const char *message, const char *extra = "")
{
    return QByteArray("{\"error\":{\"code\":\"") + code + "\",\"message\":\"" + message + "\"" +
           extra + "},\"request_id\":\"req-1\"}";
}

void TestApiError::contractRows_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected"); // a distinctive part of userMessage()

    QTest::newRow("400 invalid_request")
        << 400 << shape1("invalid_request", "name is required") << "invalid_request"
        << "name is required";
    QTest::newRow("401 invalid_key") << 401 << shape1("invalid_key", "bad") << "invalid_key"
                                     << "This API key is not valid";
    QTest::newRow("401 expired_key") << 401 << shape1("expired_key", "expired") << "expired_key"
                                     << "This API key has expired";
    QTest::newRow("401 revoked_key") << 401 << shape1("revoked_key", "revoked") << "revoked_key"
                                     << "This API key was revoked";
    QTest::newRow("401 invalid_token") << 401 << shape1("invalid_token", "x") << "invalid_token"
                                       << "session has expired";
    QTest::newRow("401 unauthorized") << 401 << shape1("unauthorized", "x") << "unauthorized"
                                      << "session has expired";
    QTest::newRow("403 insufficient_permissions")
        << 403 << shape1("insufficient_permissions", "x") << "insufficient_permissions"
        << "does not have permission";
    QTest::newRow("403 reauthentication_required")
        << 403 << shape1("reauthentication_required", "x") << "reauthentication_required"
        << "confirm it is you";
    QTest::newRow("404 not_found") << 404 << shape1("not_found", "No such key") << "not_found"
                                   << "Not found: No such key";
    QTest::newRow("409 conflict") << 409 << shape1("conflict", "Name taken") << "conflict"
                                  << "already exists: Name taken";
    QTest::newRow("422 validation_failed")
        << 422 << shape1("validation_failed", "too long", ",\"details\":{\"field\":\"name\"}")
        << "validation_failed"
        << "\u201cname\u201d is not valid: too long";
    QTest::newRow("429 rate_limit_exceeded")
        << 429 << shape1("rate_limit_exceeded", "slow down") << "rate_limit_exceeded"
        << "Too many requests";
    QTest::newRow("500 server_error") << 500 << shape1("server_error", "boom") << "server_error"
                                      << "server had a problem (HTTP 500)";
    QTest::newRow("503 empty body") << 503 << QByteArray() << "server_error"
                                    << "server had a problem (HTTP 503)";
}

void TestApiError::contractRows()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    const ApiError e = ApiError::fromHttp(status, body);
    QCOMPARE(e.kind(), ApiError::Kind::Http);
    QCOMPARE(e.httpStatus(), status);
    QCOMPARE(e.code(), code);
    QVERIFY2(e.userMessage().contains(expected), qPrintable(e.userMessage()));
    if (!body.isEmpty())
        QCOMPARE(e.requestId(), QStringLiteral("req-1"));
}

void TestApiError::shapes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("shape1") << 404 << shape1("not_found", "Key not found") << "not_found"
                            << "Key not found";
    QTest::newRow("shape2 detail")
        << 401 << QByteArray(R"({"detail":"Invalid API key"})") << "unauthorized"
        << "Invalid API key";
    QTest::newRow("shape3 gateway")
        << 403 << QByteArray(R"({"message":"Missing Authentication Token"})") << "forbidden"
        << "Missing Authentication Token";
    QTest::newRow("fastapi list")
        << 422 << QByteArray(R"({"detail":[{"loc":["body","name"],"msg":"field required"}]})")
        << "validation_failed"
        << "field required";
    QTest::newRow("oauth error") << 400
                                 << QByteArray(
                                        R"({"error":"invalid_grant","error_description":"used"})")
                                 << "invalid_grant"
                                 << "used";
    QTest::newRow("html") << 502 << QByteArray("<html><body>Bad gateway</body></html>")
                          << "server_error" << QString();
    QTest::newRow("garbage") << 400 << QByteArray("\x01\x02{{{") << "invalid_request" << QString();
    QTest::newRow("array") << 409 << QByteArray("[1,2,3]") << "conflict" << QString();
    QTest::newRow("wrong types") << 404
                                 << QByteArray(R"({"error":{"code":5,"message":[],"details":"x"}})")
                                 << "not_found" << QString();
    QTest::newRow("error null") << 429 << QByteArray(R"({"error":null,"detail":null})")
                                << "rate_limit_exceeded" << QString();
    QTest::newRow("unknown status") << 418 << QByteArray("{}") << "http_418" << QString();
}

void TestApiError::shapes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const ApiError e = ApiError::fromHttp(status, body);
    QCOMPARE(e.code(), code);
    QCOMPARE(e.message(), message);
    QVERIFY(!e.userMessage().isEmpty());
}

void TestApiError::distinctKeyMessages()
{
    const QString invalid = ApiError::fromHttp(401, shape1("invalid_key", "m")).userMessage();
    const QString expired = ApiError::fromHttp(401, shape1("expired_key", "m")).userMessage();
    const QString revoked = ApiError::fromHttp(401, shape1("revoked_key", "m")).userMessage();
    const QString session = ApiError::fromHttp(401, shape1("invalid_token", "m")).userMessage();
    QCOMPARE(QSet<QString>({invalid, expired, revoked, session}).size(), 4);
}

void TestApiError::expiredKeyWithDate()
{
    const ApiError e =
        ApiError::fromHttp(401, shape1("expired_key", "API key expired",
                                       ",\"details\":{\"expired_at\":\"2026-03-01T12:00:00Z\"}"));
    QVERIFY2(e.userMessage().startsWith(QLatin1String("This API key expired on ")),
             qPrintable(e.userMessage()));
    QVERIFY2(e.userMessage().contains(QLatin1String("2026")), qPrintable(e.userMessage()));
    // The sandbox's shape: the date only in the message.
    const ApiError m = ApiError::fromHttp(
        401, shape1("expired_key", "This API key expired on 2026-11-21T15:29:51Z"));
    QVERIFY2(m.userMessage().startsWith(QLatin1String("This API key expired on ")),
             qPrintable(m.userMessage()));
    QVERIFY2(m.userMessage().contains(QLatin1String("2026")), qPrintable(m.userMessage()));
    QVERIFY(!m.userMessage().contains(QLatin1String("T15:29")));
}

void TestApiError::validationField()
{
    const ApiError e =
        ApiError::fromHttp(422, shape1("validation_failed", "must be >= 1",
                                       ",\"details\":{\"field\":\"expiration_days\"}"));
    QCOMPARE(e.field(), QStringLiteral("expiration_days"));
}

void TestApiError::rateLimitCountdown()
{
    ApiError e = ApiError::fromHttp(429, shape1("rate_limit_exceeded", "x"));
    e.setRetryAfter(QDateTime::currentDateTimeUtc().addSecs(30));
    QVERIFY2(e.userMessage().contains(QLatin1String("30 seconds")) ||
                 e.userMessage().contains(QLatin1String("29 seconds")),
             qPrintable(e.userMessage()));
    e.setRetryAfter(QDateTime::currentDateTimeUtc().addSecs(1800));
    QVERIFY2(e.userMessage().contains(QLatin1String("30 minutes")), qPrintable(e.userMessage()));
}

void TestApiError::transportKinds()
{
    using K = ApiError::Kind;
    QSet<QString> texts;
    for (K k : {K::Network, K::Tls, K::Timeout, K::Parse, K::TooLarge, K::Cancelled}) {
        const ApiError e(k, QStringLiteral("detail"));
        QVERIFY(e.isError());
        texts.insert(e.userMessage());
    }
    QCOMPARE(texts.size(), 6);
    QVERIFY(ApiError(K::Tls, {}).userMessage().contains(QLatin1String("certificate")));
    QVERIFY(ApiError(K::Timeout, {}).userMessage().contains(QLatin1String("in time")));
    QVERIFY(!ApiError().isError());
    QVERIFY(ApiError().userMessage().isEmpty());
}

void TestApiError::predicates()
{
    QVERIFY(ApiError::fromHttp(401, shape1("invalid_token", "")).isSessionExpired());
    QVERIFY(!ApiError::fromHttp(401, shape1("revoked_key", "")).isSessionExpired());
    QVERIFY(
        ApiError::fromHttp(403, shape1("reauthentication_required", "")).needsReauthentication());
    QVERIFY(ApiError::fromHttp(403, shape1("insufficient_permissions", "")).isPermissionDenied());
    QVERIFY(!ApiError::fromHttp(403, shape1("reauthentication_required", "")).isPermissionDenied());
    QVERIFY(ApiError::fromHttp(403, R"({"message":"Missing Authentication Token"})")
                .isRouteUnavailable());
    QVERIFY(ApiError::fromHttp(404, "").isRouteUnavailable());
}

void TestApiError::serverTextIsOneLine()
{
    const ApiError e = ApiError::fromHttp(404, R"({"detail":"line1\r\nline2 <b>x</b>"})");
    QVERIFY(!e.userMessage().contains(QLatin1Char('\n')));
    QVERIFY(!e.userMessage().contains(QLatin1Char('\r')));
    const ApiError field = ApiError::fromHttp(
        422, R"({"detail":[{"loc":["body","na\u0003me\n\u2028x"],"msg":"m\u0000"}],)"
             R"("request_id":"r\r\n1"})");
    for (const QString &s : {field.userMessage(), field.field(), field.message()}) {
        for (const QChar c : s)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x2028, qPrintable(s));
    }
    const ApiError big = ApiError::fromHttp(400, "{\"detail\":\"" + QByteArray(5000, 'a') + "\"}");
    QVERIFY(big.message().size() <= 501);
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
