// Tests for token answer bodies, OAuth error bodies, headers and the step-up rule.
#include "auth/TokenResponse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace plexe::sandbox;

class TestTokenResponse : public QObject
{
    Q_OBJECT
private slots:
    void successBody()
    {
        const QJsonObject body =
            QJsonDocument::fromJson(TokenResponse::success("plx_at_a", 900, "plx_rt_b",
                                                           QStringLiteral("openid"), 1700000000))
                .object();
        QCOMPARE(body.value(QStringLiteral("access_token")).toString(), QStringLiteral("plx_at_a"));
        QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(body.value(QStringLiteral("expires_in")).toInteger(), qint64(900));
        QCOMPARE(body.value(QStringLiteral("refresh_token")).toString(),
                 QStringLiteral("plx_rt_b"));
        QCOMPARE(body.value(QStringLiteral("scope")).toString(), QStringLiteral("openid"));
        QCOMPARE(body.value(QStringLiteral("auth_time")).toInteger(), qint64(1700000000));
    }

    void optionalFieldsAreLeftOut()
    {
        const QJsonObject body =
            QJsonDocument::fromJson(TokenResponse::success("plx_at_a", 900, {}, {}, 1)).object();
        QVERIFY(!body.contains(QStringLiteral("refresh_token")));
        QVERIFY(!body.contains(QStringLiteral("scope")));
    }

    void oauthErrors()
    {
        const QJsonObject body =
            QJsonDocument::fromJson(TokenResponse::oauthError(QStringLiteral("invalid_grant"),
                                                              QStringLiteral("say \"why\"")))
                .object();
        QCOMPARE(body.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
        QCOMPARE(body.value(QStringLiteral("error_description")).toString(),
                 QStringLiteral("say \"why\""));
        QVERIFY(!QJsonDocument::fromJson(TokenResponse::oauthError(QStringLiteral("x"), {}))
                     .object()
                     .contains(QStringLiteral("error_description")));
        QCOMPARE(TokenResponse::errorStatus(QStringLiteral("invalid_grant")), 400);
        QCOMPARE(TokenResponse::errorStatus(QStringLiteral("invalid_request")), 400);
        QCOMPARE(TokenResponse::errorStatus(QStringLiteral("unsupported_grant_type")), 400);
        QCOMPARE(TokenResponse::errorStatus(QStringLiteral("invalid_client")), 401);
    }

    void headersForbidCaching()
    {
        const auto headers = TokenResponse::headers();
        QVERIFY(headers.contains(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store"))));
        QVERIFY(headers.contains(qMakePair(QByteArray("Pragma"), QByteArray("no-cache"))));
    }

    void stepUpWindow()
    {
        const qint64 now = 1'700'000'000;
        QVERIFY(!TokenResponse::needsReauthentication(now, now));
        QVERIFY(!TokenResponse::needsReauthentication(now - 600, now));
        QVERIFY(TokenResponse::needsReauthentication(now - 601, now));
        QVERIFY(TokenResponse::needsReauthentication(now + 5, now));
        QVERIFY(!TokenResponse::needsReauthentication(now - 60, now, 60));
        QVERIFY(TokenResponse::needsReauthentication(now - 61, now, 60));
        QVERIFY(TokenResponse::needsReauthentication(0, now));
    }
};

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "tst_tokenresponse.moc"
