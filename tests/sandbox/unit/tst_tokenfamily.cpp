// Tests for refresh-token rotation and reuse detection (RFC 9700 §4.14.2) as pure logic.
#include "auth/TokenFamily.h"

#include "auth/OpaqueToken.h"

#include <QHash>
#include <QTest>

using namespace plexe::sandbox;
using D = TokenFamily::Decision;

namespace {

const QString kClient = QStringLiteral("plexe-console");
constexpr qint64 kTtl = 30 * 24 * 3600;

// A minimal in-memory stand-in for the table phase 2 keeps in SQLite, applying decisions the
// way the header prescribes.
struct Store
{
    QHash<QByteArray, RefreshTokenRecord> byHash;

    std::optional<RefreshTokenRecord> find(const QByteArray &token) const
    {
        const auto it = byHash.find(OpaqueToken::storageHash(token));
        return it == byHash.end() ? std::nullopt : std::optional<RefreshTokenRecord>(*it);
    }

    // Returns the decision and, on Rotate, the new plaintext token.
    D refresh(const QByteArray &token, qint64 now, QByteArray *next)
    {
        const auto record = find(token);
        const D decision = TokenFamily::decide(record, kClient, now);
        if (TokenFamily::revokesFamily(decision))
            for (auto &r : byHash)
                if (r.familyId == record->familyId)
                    r.familyRevoked = true;
        if (decision == D::Rotate) {
            byHash[record->tokenHash].used = true;
            const RefreshTokenRecord succ = TokenFamily::successor(*record, now, kTtl, next);
            byHash.insert(succ.tokenHash, succ);
        }
        return decision;
    }
};

} // namespace

class TestTokenFamily : public QObject
{
    Q_OBJECT
private slots:
    void startFamilyStoresOnlyTheHash()
    {
        QByteArray token;
        const RefreshTokenRecord r = TokenFamily::startFamily(7, kClient, QStringLiteral("openid"),
                                                              1000, 1010, kTtl, &token);
        QVERIFY(OpaqueToken::isWellFormed(token, OpaqueToken::Kind::Refresh));
        QCOMPARE(r.tokenHash, OpaqueToken::storageHash(token));
        QCOMPARE(r.familyId.size(), 32);
        QCOMPARE(r.accountId, qint64(7));
        QCOMPARE(r.authTime, qint64(1000));
        QCOMPARE(r.issuedAt, qint64(1010));
        QCOMPARE(r.expiresAt, qint64(1010) + kTtl);
        QVERIFY(!r.used && !r.familyRevoked);
        QByteArray other;
        QVERIFY(TokenFamily::startFamily(7, kClient, {}, 0, 0, kTtl, &other).familyId !=
                r.familyId);
    }

    void decisions()
    {
        RefreshTokenRecord r;
        r.clientId = kClient;
        r.expiresAt = 100;
        QCOMPARE(TokenFamily::decide(std::nullopt, kClient, 50), D::Unknown);
        QCOMPARE(TokenFamily::decide(r, kClient, 50), D::Rotate);
        QCOMPARE(TokenFamily::decide(r, kClient, 99), D::Rotate);
        QCOMPARE(TokenFamily::decide(r, kClient, 100), D::Expired);
        QCOMPARE(TokenFamily::decide(r, QStringLiteral("other"), 50), D::WrongClient);
        r.used = true;
        QCOMPARE(TokenFamily::decide(r, kClient, 50), D::ReuseDetected);
        QCOMPARE(TokenFamily::decide(r, kClient, 500), D::ReuseDetected); // old copy, still theft
        r.familyRevoked = true;
        QCOMPARE(TokenFamily::decide(r, kClient, 50), D::FamilyRevoked);
        r.used = false;
        QCOMPARE(TokenFamily::decide(r, kClient, 50), D::FamilyRevoked);
        for (D d : {D::Unknown, D::FamilyRevoked, D::ReuseDetected, D::Expired, D::WrongClient})
            QCOMPARE(TokenFamily::oauthError(d), QStringLiteral("invalid_grant"));
        QVERIFY(TokenFamily::oauthError(D::Rotate).isEmpty());
        QVERIFY(TokenFamily::revokesFamily(D::ReuseDetected));
        QVERIFY(!TokenFamily::revokesFamily(D::Expired));
        QVERIFY(!TokenFamily::revokesFamily(D::Rotate));
    }

    void rotationKeepsFamilyAndAuthTime()
    {
        Store store;
        QByteArray t1;
        const auto first =
            TokenFamily::startFamily(1, kClient, QStringLiteral("s"), 500, 500, kTtl, &t1);
        store.byHash.insert(first.tokenHash, first);
        QByteArray t2;
        QCOMPARE(store.refresh(t1, 2000, &t2), D::Rotate);
        QVERIFY(t2 != t1);
        const auto second = store.find(t2);
        QVERIFY(second);
        QCOMPARE(second->familyId, first.familyId);
        QCOMPARE(second->authTime, qint64(500)); // a refresh is not a fresh sign-in
        QCOMPARE(second->scope, QStringLiteral("s"));
        QCOMPARE(second->issuedAt, qint64(2000));
        QCOMPARE(second->expiresAt, qint64(2000) + kTtl);
        QVERIFY(store.find(t1)->used);
    }

    void reuseRevokesTheWholeFamily()
    {
        Store store;
        QByteArray t1, t2, t3;
        const auto first = TokenFamily::startFamily(1, kClient, {}, 0, 0, kTtl, &t1);
        store.byHash.insert(first.tokenHash, first);
        // Another family of the same account must survive.
        QByteArray otherToken;
        const auto other = TokenFamily::startFamily(1, kClient, {}, 0, 0, kTtl, &otherToken);
        store.byHash.insert(other.tokenHash, other);

        QCOMPARE(store.refresh(t1, 10, &t2), D::Rotate);
        QCOMPARE(store.refresh(t2, 20, &t3), D::Rotate);
        // An attacker replays the first token: reuse, the family dies…
        QCOMPARE(store.refresh(t1, 30, nullptr), D::ReuseDetected);
        // …including the newest token the legitimate client holds.
        QByteArray t4;
        QCOMPARE(store.refresh(t3, 40, &t4), D::FamilyRevoked);
        QVERIFY(t4.isEmpty());
        QCOMPARE(store.refresh(t2, 50, nullptr), D::FamilyRevoked);
        // The other family is untouched.
        QByteArray otherNext;
        QCOMPARE(store.refresh(otherToken, 60, &otherNext), D::Rotate);
    }

    void unknownAndExpired()
    {
        Store store;
        QCOMPARE(store.refresh(OpaqueToken::generate(OpaqueToken::Kind::Refresh), 0, nullptr),
                 D::Unknown);
        QByteArray t1;
        const auto first = TokenFamily::startFamily(1, kClient, {}, 0, 0, 60, &t1);
        store.byHash.insert(first.tokenHash, first);
        QCOMPARE(store.refresh(t1, 60, nullptr), D::Expired);
        QVERIFY(!store.find(t1)->familyRevoked); // expiry alone is no theft signal
    }
};

QTEST_GUILESS_MAIN(TestTokenFamily)
#include "tst_tokenfamily.moc"
