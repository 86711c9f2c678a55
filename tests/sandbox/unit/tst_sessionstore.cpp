#include "accounts/AccountStore.h"
#include "auth/AuthorizationCode.h"
#include "auth/OpaqueToken.h"
#include "auth/SessionStore.h"
#include "auth/TokenFamily.h"
#include "db/Database.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace plexe::sandbox;

// SessionStore: the SQL behind rotation, reuse detection, single-use codes and revocation.
class TestSessionStore : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("s.db")).toStdString());
        auto c = m_db->acquire();
        Account a;
        a.userId = "usr_test";
        a.email = "a@test";
        a.name = "A";
        m_accountId = AccountStore::insert(*c, a).id;
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void refreshTokenIsMarkedUsedOnce()
    {
        auto c = m_db->acquire();
        QByteArray token;
        const auto record =
            TokenFamily::startFamily(m_accountId, "plexe-console", "plexe", 100, 100, 1000, &token);
        SessionStore::insertFamily(*c, record.familyId, m_accountId, 100);
        SessionStore::insertRefresh(*c, record);
        const auto found = SessionStore::findRefresh(*c, OpaqueToken::storageHash(token));
        QVERIFY(found);
        QCOMPARE(found->familyId, record.familyId);
        QCOMPARE(found->authTime, qint64(100));
        QVERIFY(!found->used && !found->familyRevoked);
        QVERIFY(SessionStore::markRefreshUsed(*c, record.tokenHash));
        QVERIFY(!SessionStore::markRefreshUsed(*c, record.tokenHash));
        QVERIFY(SessionStore::findRefresh(*c, record.tokenHash)->used);
        QVERIFY(!SessionStore::findRefresh(*c, "nope"));
    }
    void revokingAFamilyRevokesItsAccessTokensOnly()
    {
        auto c = m_db->acquire();
        const auto family = [&](const QByteArray &id) {
            SessionStore::insertFamily(*c, id, m_accountId, 0);
            AccessTokenRecord access;
            access.familyId = id;
            access.accountId = m_accountId;
            access.scope = "plexe";
            access.expiresAt = 1000;
            SessionStore::insertAccess(*c, "hash-" + id, access);
            RefreshTokenRecord refresh;
            refresh.tokenHash = "refresh-" + id;
            refresh.familyId = id;
            refresh.accountId = m_accountId;
            refresh.clientId = "plexe-console";
            SessionStore::insertRefresh(*c, refresh);
        };
        family("f1");
        family("f2");
        SessionStore::revokeFamily(*c, "f1", 50);
        QVERIFY(SessionStore::findAccess(*c, "hash-f1")->revoked);
        QVERIFY(SessionStore::findRefresh(*c, "refresh-f1")->familyRevoked);
        QVERIFY(!SessionStore::findAccess(*c, "hash-f2")->revoked);
        QVERIFY(!SessionStore::findRefresh(*c, "refresh-f2")->familyRevoked);
        SessionStore::revokeAccess(*c, "hash-f2");
        QVERIFY(SessionStore::findAccess(*c, "hash-f2")->revoked);
        QVERIFY(!SessionStore::findRefresh(*c, "refresh-f2")->familyRevoked);
    }
    void codeIsUsedOnceAndRemembersItsFamily()
    {
        auto c = m_db->acquire();
        QByteArray code;
        const auto record =
            AuthorizationCode::issue(m_accountId, "plexe-console", "http://127.0.0.1:5/cb",
                                     "challenge", "plexe", 90, 100, &code);
        SessionStore::insertCode(*c, record);
        const auto found = SessionStore::findCode(*c, OpaqueToken::storageHash(code));
        QVERIFY(found);
        QCOMPARE(found->redirectUri, QStringLiteral("http://127.0.0.1:5/cb"));
        QCOMPARE(found->expiresAt, qint64(160));
        QVERIFY(found->issuedFamilyId.isEmpty());
        QVERIFY(SessionStore::markCodeUsed(*c, record.codeHash));
        QVERIFY(!SessionStore::markCodeUsed(*c, record.codeHash));
        SessionStore::setCodeFamily(*c, record.codeHash, "fam");
        QCOMPARE(SessionStore::findCode(*c, record.codeHash)->issuedFamilyId, QByteArray("fam"));
    }
    void totpStepOnlyMovesForward()
    {
        auto c = m_db->acquire();
        QVERIFY(AccountStore::advanceTotpStep(*c, m_accountId, 10));
        QVERIFY(!AccountStore::advanceTotpStep(*c, m_accountId, 10)); // replay
        QVERIFY(!AccountStore::advanceTotpStep(*c, m_accountId, 9));  // older
        QVERIFY(AccountStore::advanceTotpStep(*c, m_accountId, 11));
        QCOMPARE(AccountStore::findById(*c, m_accountId)->totpLastStep, int64_t(11));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    int64_t m_accountId = 0;
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
