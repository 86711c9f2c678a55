#include "accounts/AccountStore.h"
#include "credentials/Authenticator.h"
#include "db/Database.h"
#include "http/ApiError.h"
#include "keys/ApiKeySecret.h"
#include "keys/ApiKeyStore.h"

#include <QTemporaryDir>
#include <QtTest>
#include <httplib.h>

using namespace plexe::sandbox;

namespace {
constexpr int64_t kNow = 1800000000;
}

class TestAuthenticator : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int64_t m_account = 0;

    std::string addKey(const char *name, const char *permission, std::optional<int64_t> expires,
                       std::optional<int64_t> revoked)
    {
        const std::string secret = ApiKeySecret::generate();
        ApiKey key;
        key.keyId = std::string("key_") + name;
        key.accountId = m_account;
        key.name = name;
        key.keyHash = ApiKeySecret::hash(secret);
        key.keyPrefix = ApiKeySecret::displayPrefix(secret);
        key.keySuffix = ApiKeySecret::displaySuffix(secret);
        key.permissionLevel = permission;
        key.createdAt = kNow - 100;
        key.expiresAt = expires;
        key.revokedAt = revoked;
        key.createdBy = "t@example.org";
        auto c = m_db->acquire();
        ApiKeyStore::insert(*c, key);
        return secret;
    }

    // The error code the authenticator throws, or "" when it accepts.
    std::string codeFor(const httplib::Headers &headers)
    {
        httplib::Request req;
        req.headers = headers;
        try {
            Authenticator(*m_db).authenticate(req, kNow);
            return std::string();
        } catch (const ApiError &e) {
            if (e.status() != 401)
                return "status " + std::to_string(e.status());
            return e.code();
        }
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("a.db")).toStdString());
        auto c = m_db->acquire();
        Account a;
        a.userId = "usr_1";
        a.email = "t@example.org";
        a.name = "T";
        m_account = AccountStore::insert(*c, a).id;
    }

    void activeKeyGivesPrincipal()
    {
        const std::string secret = addKey("rw", "read_write", kNow + 10, std::nullopt);
        httplib::Request req;
        req.headers.emplace("x-api-key", secret);
        const Principal p = Authenticator(*m_db).authenticate(req, kNow);
        QCOMPARE(p.accountId, m_account);
        QCOMPARE(p.keyId, std::string("key_rw"));
        QVERIFY(p.kind == Principal::Kind::ApiKey);
        QVERIFY(p.mayWrite());
        QCOMPARE(p.credential, std::string("key:key_rw"));
    }
    void bearerAcceptsApiKeys()
    {
        const std::string secret = addKey("ro", "read_only", std::nullopt, std::nullopt);
        QCOMPARE(codeFor({{"Authorization", "Bearer " + secret}}), std::string());
        QCOMPARE(codeFor({{"authorization", "bearer " + secret}}), std::string());
        httplib::Request req;
        req.headers.emplace("Authorization", "Bearer " + secret);
        QVERIFY(!Authenticator(*m_db).authenticate(req, kNow).mayWrite());
    }
    void refusals()
    {
        const std::string expired = addKey("exp", "read_write", kNow, std::nullopt);
        const std::string revoked = addKey("rev", "read_write", kNow + 99, kNow - 5);
        const std::string unknown = ApiKeySecret::generate();
        QCOMPARE(codeFor({}), std::string("unauthorized"));
        QCOMPARE(codeFor({{"x-api-key", expired}}), std::string("expired_key"));
        QCOMPARE(codeFor({{"x-api-key", revoked}}), std::string("revoked_key"));
        QCOMPARE(codeFor({{"x-api-key", unknown}}), std::string("invalid_key"));
        QCOMPARE(codeFor({{"x-api-key", ""}}), std::string("invalid_key"));
        QCOMPARE(codeFor({{"x-api-key", "plx_sk_short"}}), std::string("invalid_key"));
        QCOMPARE(codeFor({{"Authorization", "Bearer " + revoked}}), std::string("revoked_key"));
        QCOMPARE(codeFor({{"Authorization", "Bearer some.session.token"}}),
                 std::string("invalid_token"));
        QCOMPARE(codeFor({{"Authorization", "Basic dTpw"}}), std::string("unauthorized"));
    }
    void apiKeyHeaderWinsOverAuthorization()
    {
        const std::string good = addKey("both", "read_write", std::nullopt, std::nullopt);
        QCOMPARE(codeFor({{"x-api-key", "bad"}, {"Authorization", "Bearer " + good}}),
                 std::string("invalid_key"));
    }
};

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
