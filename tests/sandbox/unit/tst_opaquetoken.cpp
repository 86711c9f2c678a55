// Tests for opaque bearer tokens: prefixes, shape, storage hashes.
#include "auth/OpaqueToken.h"

#include "auth/AuthCrypto.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace plexe::sandbox;
using Kind = OpaqueToken::Kind;

class TestOpaqueToken : public QObject
{
    Q_OBJECT
private slots:
    void prefixesAndShape()
    {
        const QList<QPair<Kind, QByteArray>> kinds = {{Kind::Access, "plx_at_"},
                                                      {Kind::Refresh, "plx_rt_"},
                                                      {Kind::AuthorizationCode, "plx_code_"},
                                                      {Kind::MfaPending, "plx_mfa_"}};
        static const QRegularExpression body(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
        for (const auto &[kind, prefix] : kinds) {
            QCOMPARE(OpaqueToken::prefix(kind), prefix);
            const QByteArray token = OpaqueToken::generate(kind);
            QVERIFY(token.startsWith(prefix));
            QVERIFY2(body.match(QString::fromLatin1(token.mid(prefix.size()))).hasMatch(),
                     token.constData());
            QCOMPARE(OpaqueToken::kindOf(token), std::optional<Kind>(kind));
            QVERIFY(OpaqueToken::isWellFormed(token, kind));
        }
    }

    void tokensAreUnique()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(OpaqueToken::generate(Kind::Access));
        QCOMPARE(seen.size(), 1000);
    }

    void wrongKindAndMalformed()
    {
        const QByteArray access = OpaqueToken::generate(Kind::Access);
        QVERIFY(!OpaqueToken::isWellFormed(access, Kind::Refresh));
        const QByteArray body = access.mid(7);
        QVERIFY(!OpaqueToken::kindOf(body));                                   // no prefix
        QVERIFY(!OpaqueToken::kindOf("plx_sk_" + body));                       // an API key prefix
        QVERIFY(!OpaqueToken::kindOf("PLX_AT_" + body));                       // case matters
        QVERIFY(!OpaqueToken::kindOf(access.left(access.size() - 1)));         // too short
        QVERIFY(!OpaqueToken::kindOf(access + 'A'));                           // too long
        QVERIFY(!OpaqueToken::kindOf(access.left(10) + '+' + access.mid(11))); // bad alphabet
        QVERIFY(!OpaqueToken::kindOf(access + '='));
        QVERIFY(!OpaqueToken::kindOf(QByteArray()));
        QVERIFY(!OpaqueToken::kindOf("plx_at_"));
        QVERIFY(!OpaqueToken::kindOf(QByteArray("plx_at_\0", 8) + body.mid(1)));
    }

    void storageHashIsHexSha256OfTheWholeToken()
    {
        const QByteArray token = OpaqueToken::generate(Kind::Refresh);
        const QByteArray hash = OpaqueToken::storageHash(token);
        QCOMPARE(hash.size(), 64);
        QCOMPARE(hash, authcrypto::sha256(token).toHex());
        QVERIFY(!hash.contains(token.mid(7, 10)));
        QVERIFY(OpaqueToken::matchesStorageHash(token, hash));
        QVERIFY(!OpaqueToken::matchesStorageHash(OpaqueToken::generate(Kind::Refresh), hash));
        // Same body, other prefix: a different hash, so an access token cannot stand in for a
        // refresh token with the same random part.
        QVERIFY(OpaqueToken::storageHash("plx_at_" + token.mid(7)) != hash);
        QVERIFY(!OpaqueToken::matchesStorageHash(token, hash.toUpper()));
        QVERIFY(!OpaqueToken::matchesStorageHash(token, QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestOpaqueToken)
#include "tst_opaquetoken.moc"
