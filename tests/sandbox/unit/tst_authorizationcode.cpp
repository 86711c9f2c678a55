// Tests for authorization codes: single use, 60 s, exact client/redirect, PKCE verifier.
#include "auth/AuthorizationCode.h"

#include "auth/OpaqueToken.h"

#include <QTest>

using namespace plexe::sandbox;
using D = AuthorizationCode::Decision;

namespace {
const QString kClient = QStringLiteral("plexe-console");
const QString kRedirect = QStringLiteral("http://127.0.0.1:8080/callback");
const QByteArray kVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
const QString kChallenge = QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
constexpr qint64 kNow = 1'700'000'000;

AuthorizationCodeRecord sample(QByteArray *code = nullptr)
{
    return AuthorizationCode::issue(42, kClient, kRedirect, kChallenge, QStringLiteral("openid"),
                                    kNow - 5, kNow, code);
}
} // namespace

class TestAuthorizationCode : public QObject
{
    Q_OBJECT
private slots:
    void issueStoresOnlyTheHash()
    {
        QByteArray code;
        const auto r = sample(&code);
        QVERIFY(OpaqueToken::isWellFormed(code, OpaqueToken::Kind::AuthorizationCode));
        QCOMPARE(r.codeHash, OpaqueToken::storageHash(code));
        QCOMPARE(r.expiresAt, kNow + 60);
        QCOMPARE(r.authTime, kNow - 5);
        QCOMPARE(r.accountId, qint64(42));
        QVERIFY(!r.used);
        QByteArray other;
        sample(&other);
        QVERIFY(other != code);
    }

    void rightRequestExchanges()
    {
        QCOMPARE(AuthorizationCode::decide(sample(), kClient, kRedirect, kVerifier, kNow),
                 D::Exchange);
        QCOMPARE(AuthorizationCode::decide(sample(), kClient, kRedirect, kVerifier, kNow + 59),
                 D::Exchange);
        QVERIFY(AuthorizationCode::oauthError(D::Exchange).isEmpty());
    }

    void refusals()
    {
        auto used = sample();
        used.used = true;
        QCOMPARE(AuthorizationCode::decide(std::nullopt, kClient, kRedirect, kVerifier, kNow),
                 D::Unknown);
        QCOMPARE(AuthorizationCode::decide(used, kClient, kRedirect, kVerifier, kNow),
                 D::AlreadyUsed);
        QCOMPARE(AuthorizationCode::decide(sample(), kClient, kRedirect, kVerifier, kNow + 60),
                 D::Expired);
        QCOMPARE(AuthorizationCode::decide(sample(), QStringLiteral("other"), kRedirect, kVerifier,
                                           kNow),
                 D::WrongClient);
        QCOMPARE(AuthorizationCode::decide(sample(), kClient,
                                           QStringLiteral("http://127.0.0.1:8081/callback"),
                                           kVerifier, kNow),
                 D::WrongRedirectUri);
        QCOMPARE(AuthorizationCode::decide(sample(), kClient, kRedirect + QLatin1Char('/'),
                                           kVerifier, kNow),
                 D::WrongRedirectUri);
        QCOMPARE(AuthorizationCode::decide(sample(), kClient, QString(), kVerifier, kNow),
                 D::WrongRedirectUri);
        QByteArray wrongVerifier = kVerifier;
        wrongVerifier[0] = 'e';
        QCOMPARE(AuthorizationCode::decide(sample(), kClient, kRedirect, wrongVerifier, kNow),
                 D::BadVerifier);
        QCOMPARE(AuthorizationCode::decide(sample(), kClient, kRedirect, QByteArray(), kNow),
                 D::BadVerifier);
        // A "plain" client would send the challenge itself as the verifier.
        QCOMPARE(
            AuthorizationCode::decide(sample(), kClient, kRedirect, kChallenge.toLatin1(), kNow),
            D::BadVerifier);
        for (D d : {D::Unknown, D::AlreadyUsed, D::Expired, D::WrongClient, D::WrongRedirectUri,
                    D::BadVerifier}) {
            QCOMPARE(AuthorizationCode::oauthError(d), QStringLiteral("invalid_grant"));
            QVERIFY(!AuthorizationCode::describe(d).isEmpty());
        }
    }

    void reuseWinsOverOtherFaults()
    {
        // A used code reports AlreadyUsed even when also expired, so the family gets revoked.
        auto used = sample();
        used.used = true;
        QCOMPARE(AuthorizationCode::decide(used, QStringLiteral("x"), QString(), QByteArray(),
                                           kNow + 1000),
                 D::AlreadyUsed);
    }

    void customLifetime()
    {
        const auto r =
            AuthorizationCode::issue(1, kClient, kRedirect, kChallenge, {}, kNow, kNow, nullptr, 5);
        QCOMPARE(r.expiresAt, kNow + 5);
        QCOMPARE(AuthorizationCode::decide(r, kClient, kRedirect, kVerifier, kNow + 5), D::Expired);
    }
};

QTEST_GUILESS_MAIN(TestAuthorizationCode)
#include "tst_authorizationcode.moc"
