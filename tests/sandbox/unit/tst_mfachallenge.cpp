// Tests for the pending TOTP step of a password sign-in: lifetime, single use, attempt cap.
#include "auth/MfaChallenge.h"

#include "auth/OpaqueToken.h"

#include <QTest>

using namespace plexe::sandbox;
using D = MfaChallenge::Decision;

namespace {
constexpr qint64 kNow = 1'700'000'000;
}

class TestMfaChallenge : public QObject
{
    Q_OBJECT
private slots:
    void issueStoresOnlyTheHash()
    {
        QByteArray token;
        const auto r = MfaChallenge::issue(9, kNow, &token);
        QVERIFY(OpaqueToken::isWellFormed(token, OpaqueToken::Kind::MfaPending));
        QCOMPARE(r.tokenHash, OpaqueToken::storageHash(token));
        QCOMPARE(r.accountId, qint64(9));
        QCOMPARE(r.expiresAt, kNow + 300);
        QCOMPARE(MfaChallenge::check(r, kNow), D::Proceed);
        QCOMPARE(MfaChallenge::check(r, kNow + 299), D::Proceed);
    }

    void refusals()
    {
        auto r = MfaChallenge::issue(9, kNow, nullptr);
        QCOMPARE(MfaChallenge::check(std::nullopt, kNow), D::Unknown);
        QCOMPARE(MfaChallenge::check(r, kNow + 300), D::Expired);
        r.used = true;
        QCOMPARE(MfaChallenge::check(r, kNow), D::Used);
        QCOMPARE(MfaChallenge::check(r, kNow + 1000), D::Used);
    }

    void fiveWrongCodesSpendIt()
    {
        auto r = MfaChallenge::issue(9, kNow, nullptr);
        for (int i = 1; i < MfaChallenge::kMaxFailedAttempts; ++i) {
            QVERIFY(!MfaChallenge::recordFailure(r));
            QCOMPARE(MfaChallenge::check(r, kNow), D::Proceed);
        }
        QVERIFY(MfaChallenge::recordFailure(r));
        QCOMPARE(MfaChallenge::check(r, kNow), D::TooManyAttempts);
        QVERIFY(MfaChallenge::recordFailure(r)); // stays spent, no overflow
        QCOMPARE(r.failedAttempts, MfaChallenge::kMaxFailedAttempts);
    }
};

QTEST_GUILESS_MAIN(TestMfaChallenge)
#include "tst_mfachallenge.moc"
