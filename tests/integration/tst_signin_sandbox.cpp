// The three sign-in flows and SessionManager against a real plexe-sandbox over TLS and the real
// Secret Service of the harness: API key, password, TOTP, browser (an HTTP client plays the
// browser), refresh with rotation, 5 concurrent 401s -> 1 refresh, step-up, and sign-out that
// revokes the refresh token and deletes every keychain entry. The whole run logs with
// plexe.*=true; the last test greps the captured logs, stderr and the temp HOME/XDG folders for
// every secret the run saw (security.md E31).
#include "SandboxBrowser.h"
#include "SandboxProcess.h"
#include "SecretCanaries.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ApiKey.h"
#include "api/TokenDecoder.h"
#include "api/User.h"
#include "auth/ApiKeySignIn.h"
#include "auth/BrowserSignIn.h"
#include "auth/OAuthRequests.h"
#include "auth/PasswordSignIn.h"
#include "session/RefreshCoordinator.h"
#include "session/SessionManager.h"
#include "session/SessionPolicy.h"
#include "session/SystemClock.h"

#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;

namespace {

QString secretToolSearchAll()
{
    // QtKeychain's libsecret backend: schema org.qt.keychain, attributes server=<service> and
    // user=<profile>/<entry>.
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                SessionStore::defaultService()});
    tool.waitForFinished(5000);
    return QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
}

// The value of one of the profile's keychain entries, read straight from the Secret Service
// (blocking, without running the event loop).
QByteArray secretToolLookup(const QString &profile, const QString &entry)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("server"), SessionStore::defaultService(),
                QStringLiteral("user"), profile + QLatin1Char('/') + entry});
    tool.waitForFinished(5000);
    return tool.readAllStandardOutput();
}

// Every request a QNetworkAccessManager creates, in creation order, with its Authorization
// header (read once the reply has been constructed, on the next turn of the event loop).
class RequestRecorder : public QObject
{
public:
    struct Sent
    {
        int seq = 0;
        QPointer<QObject> reply;
        QByteArray authorization;
        bool gone = false; // destroyed before it could be inspected
    };
    explicit RequestRecorder(std::function<int()> nextSeq) : m_nextSeq(std::move(nextSeq)) {}
    QList<std::shared_ptr<Sent>> sent;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ChildAdded) {
            auto entry = std::make_shared<Sent>();
            entry->seq = m_nextSeq();
            entry->reply = static_cast<QChildEvent *>(event)->child();
            sent << entry;
            QTimer::singleShot(0, this, [entry] {
                entry->gone = entry->reply.isNull();
                if (auto *reply = qobject_cast<QNetworkReply *>(entry->reply.data()))
                    entry->authorization = reply->request().rawHeader("Authorization");
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<int()> m_nextSeq;
};

template <typename Spy> bool waitSpy(Spy &spy, int ms = 5000)
{
    return spy.size() > 0 || spy.wait(ms);
}

} // namespace

class TestSignInSandbox : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QTemporaryDir m_clockDir;
    SystemClock m_clock;
    SecretCanaries m_canaries; // every secret the run saw
    int m_profileCounter = 0;

    void setServerClockOffset(int seconds)
    {
        QFile f(m_clockDir.filePath(QStringLiteral("offset")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray::number(seconds));
    }

    void canary(const QByteArray &secret) { m_canaries.add(secret); }

    struct Session
    {
        SessionStore store;
        std::unique_ptr<SessionManager> manager;
    };

    std::unique_ptr<Session> newSession()
    {
        auto s = std::make_unique<Session>();
        ApiEndpoint ep;
        ep.baseUrl = m_sandbox.baseUrl();
        ep.extraCaFile = m_sandbox.caPath();
        ep.transferTimeoutMs = 10000;
        s->manager = std::make_unique<SessionManager>(
            QStringLiteral("it-%1").arg(++m_profileCounter), ep, &s->store, &m_clock);
        return s;
    }

    // Hands a flow's result to the manager and waits until the keychain has it.
    void begin(Session &s, SignInResult result)
    {
        canary(result.tokens.accessToken);
        canary(result.tokens.refreshToken);
        canary(result.apiKey);
        QSignalSpy saved(s.manager.get(), &SessionManager::sessionSaved);
        s.manager->beginSession(result);
        QVERIFY(waitSpy(saved));
        QCOMPARE(saved.first().first().toBool(), true);
        QCOMPARE(s.manager->storageMode(), SessionStore::Mode::Keychain);
    }

    void passwordSignIn(Session &s, const QString &email, const QString &password)
    {
        PasswordSignIn flow(s.manager->apiClient(), &m_clock);
        QSignalSpy done(&flow, &PasswordSignIn::finished);
        QSignalSpy failed(&flow, &PasswordSignIn::failed);
        QByteArray buffer = password.toUtf8();
        QVERIFY(flow.start(email, buffer));
        QVERIFY(buffer.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return done.size() + failed.size() > 0; }, 10000));
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        begin(s, done.first().first().value<SignInResult>());
    }

    // Runs a request for the session and waits for it.
    struct Ran
    {
        bool finished = false;
        ApiError error;
        bool refreshed = false;
        bool steppedUp = false;
        std::any result;
    };
    template <typename T>
    std::shared_ptr<Ran> start(Session &s, SessionRequest::Factory f, bool sensitive = false)
    {
        auto out = std::make_shared<Ran>();
        SessionRequest *r = s.manager->run(std::move(f), sensitive);
        connect(r, &SessionRequest::finished, r, [out, r] {
            out->finished = true;
            out->error = r->error();
            out->refreshed = r->wasRefreshed();
            out->steppedUp = r->wasSteppedUp();
            if (const T *v = r->template result<T>())
                out->result = *v;
        });
        return out;
    }
    template <typename T>
    Ran runRequest(Session &s, SessionRequest::Factory f, bool sensitive = false)
    {
        auto out = start<T>(s, std::move(f), sensitive);
        if (!QTest::qWaitFor([&] { return out->finished; }, 10000))
            qWarning("request did not finish");
        return *out;
    }

    void signOutAndCheck(Session &s)
    {
        QSignalSpy cleared(s.manager.get(), &SessionManager::keychainCleared);
        QSignalSpy revoked(s.manager.get(), &SessionManager::revocationFinished);
        const bool hadRefresh = s.manager->sessionKind() != QLatin1String("api_key");
        s.manager->signOut();
        QVERIFY(waitSpy(cleared));
        QCOMPARE(cleared.first().first().toBool(), true);
        if (hadRefresh) {
            QVERIFY(waitSpy(revoked));
            QCOMPARE(revoked.first().first().toBool(), true);
        }
        const QString listing = secretToolSearchAll();
        QVERIFY2(!listing.contains(s.manager->profile() + QLatin1Char('/')), qPrintable(listing));
    }

    // POST /oauth/token grant_type=refresh_token with a given token; returns the error code.
    QString tryRefresh(Session &s, const QByteArray &refreshToken)
    {
        ApiCall *call = s.manager->apiClient()->send(
            OAuthRequests::refresh(s.manager->oauthConfiguration().tokenEndpoint, refreshToken),
            ApiClient::decoderFor(&TokenDecoder::answer));
        bool finished = false;
        QString code;
        connect(call, &ApiCall::finished, this, [&] {
            finished = true;
            code = call->isOk() ? QStringLiteral("ok") : call->error().code();
            if (TokenAnswer *t = call->result<TokenAnswer>()) {
                canary(t->accessToken);
                canary(t->refreshToken);
            }
        });
        if (!QTest::qWaitFor([&] { return finished; }, 10000))
            return QStringLiteral("no answer");
        return code;
    }

    StoredSession stored(Session &s)
    {
        StoredSession out;
        bool finished = false;
        s.store.load(s.manager->profile(), this,
                     [&](const SessionStore::Outcome &, const StoredSession &session) {
                         out = session;
                         finished = true;
                     });
        if (!QTest::qWaitFor([&] { return finished; }, 10000))
            qWarning("the store did not answer");
        canary(out.accessToken);
        canary(out.refreshToken);
        return out;
    }

    // Creates a read-only key through the session (a sensitive request), records its secret
    // as a canary and wipes it; returns the key id, or an empty string when creation failed.
    QString createReadOnlyKey(Session &s, const QString &label)
    {
        const Ran created = runRequest<CreatedApiKey>(
            s,
            [label](ApiClient &c) {
                return c.createApiKey(
                    QStringLiteral("%1 %2").arg(label).arg(QDateTime::currentMSecsSinceEpoch()),
                    QStringLiteral("read_only"));
            },
            true);
        if (created.error.isError()) {
            qWarning("key creation failed: %s", qPrintable(created.error.logString()));
            return {};
        }
        auto key = std::any_cast<CreatedApiKey>(created.result);
        canary(key.key);
        const QString keyId = key.info.keyId;
        key.wipe();
        return keyId;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // E31: every plexe.* category at debug level, every message kept; anything else written
        // to stderr (QtKeychain, libsecret, Qt) goes to a file that is grepped at the end.
        QVERIFY(m_canaries.begin(QStringLiteral("signin-stderr.txt")));

        QVERIFY(m_clockDir.isValid());
        setServerClockOffset(0);
        SandboxProcess::Options options;
        options.extraServeArgs = {QStringLiteral("--clock-offset-file"),
                                  m_clockDir.filePath(QStringLiteral("offset"))};
        QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
        QVERIFY(!m_sandbox.seedValue(QStringLiteral("totp_secret")).isEmpty());
        canary(m_sandbox.demoPassword().toUtf8());
        canary(m_sandbox.seedValue(QStringLiteral("totp_password")).toUtf8());
        canary(m_sandbox.demoApiKey().toUtf8());
        canary(m_sandbox.seedValue(QStringLiteral("totp_secret")).toUtf8());
    }

    void init() { setServerClockOffset(0); }

    void apiKeySignIn()
    {
        auto s = newSession();
        ApiKeySignIn flow(s->manager->apiClient(), &m_clock);
        QSignalSpy done(&flow, &ApiKeySignIn::finished);
        QByteArray key = m_sandbox.demoApiKey().toUtf8();
        flow.start(key);
        QVERIFY(waitSpy(done));
        const auto result = done.first().first().value<SignInResult>();
        QCOMPARE(result.user.email, m_sandbox.demoEmail());
        begin(*s, result);
        QCOMPARE(s->manager->apiClient()->credential().type(), Credential::Type::ApiKey);
        const QString listing = secretToolSearchAll();
        QVERIFY2(listing.contains(s->manager->profile() + QStringLiteral("/api_key")),
                 qPrintable(listing));
        const Ran user = runRequest<User>(*s, [](ApiClient &c) { return c.getUser(); });
        QVERIFY2(!user.error.isError(), qPrintable(user.error.logString()));
        signOutAndCheck(*s);
    }

    void passwordSignIn()
    {
        auto s = newSession();
        passwordSignIn(*s, m_sandbox.demoEmail(), m_sandbox.demoPassword());
        QCOMPARE(s->manager->sessionKind(), QStringLiteral("password"));
        const Ran user = runRequest<User>(*s, [](ApiClient &c) { return c.getUser(); });
        QVERIFY2(!user.error.isError(), qPrintable(user.error.logString()));
        QCOMPARE(std::any_cast<User>(user.result).email, m_sandbox.demoEmail());
        const QString listing = secretToolSearchAll();
        for (const char *entry : {"/access_token", "/refresh_token", "/session_meta"})
            QVERIFY2(listing.contains(s->manager->profile() + QLatin1String(entry)),
                     qPrintable(listing));
        // The password itself is stored nowhere (B11).
        QVERIFY(!listing.contains(m_sandbox.demoPassword()));
        signOutAndCheck(*s);
    }

    void wrongPasswordGetsOneMessage()
    {
        auto s = newSession();
        QStringList messages;
        for (const QString &email : {m_sandbox.demoEmail(), QStringLiteral("nobody@plexe.local")}) {
            PasswordSignIn flow(s->manager->apiClient(), &m_clock);
            QSignalSpy failed(&flow, &PasswordSignIn::failed);
            QByteArray wrong = "not-the-password-123";
            flow.start(email, wrong);
            QVERIFY(waitSpy(failed, 10000));
            messages << failed.first().at(1).toString();
        }
        QCOMPARE(messages.at(0), messages.at(1));
        QCOMPARE(messages.at(0), QStringLiteral("The email or password is not correct."));
    }

    void totpSignIn()
    {
        auto s = newSession();
        PasswordSignIn flow(s->manager->apiClient(), &m_clock);
        QSignalSpy needsCode(&flow, &PasswordSignIn::needsCode);
        QSignalSpy done(&flow, &PasswordSignIn::finished);
        QSignalSpy failed(&flow, &PasswordSignIn::failed);
        QByteArray password = m_sandbox.seedValue(QStringLiteral("totp_password")).toUtf8();
        flow.start(m_sandbox.seedValue(QStringLiteral("totp_email")), password);
        QVERIFY(waitSpy(needsCode, 10000));
        const QString code = totpCode(m_sandbox.seedValue(QStringLiteral("totp_secret")).toLatin1(),
                                      QDateTime::currentSecsSinceEpoch());
        QVERIFY(flow.submitCode(code));
        QVERIFY(QTest::qWaitFor([&] { return done.size() + failed.size() > 0; }, 10000));
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        begin(*s, done.first().first().value<SignInResult>());
        const Ran user = runRequest<User>(*s, [](ApiClient &c) { return c.getUser(); });
        QVERIFY2(!user.error.isError(), qPrintable(user.error.logString()));
        QCOMPARE(std::any_cast<User>(user.result).email,
                 m_sandbox.seedValue(QStringLiteral("totp_email")));
        signOutAndCheck(*s);
    }

    void browserSignIn()
    {
        auto s = newSession();
        SandboxBrowser browser(m_sandbox.caPath(), m_sandbox.demoEmail(), m_sandbox.demoPassword());
        BrowserSignIn flow(s->manager->apiClient(), &m_clock, browser.opener());
        QSignalSpy done(&flow, &BrowserSignIn::finished);
        QSignalSpy failed(&flow, &BrowserSignIn::failed);
        QSignalSpy browserDone(&browser, &SandboxBrowser::finished);
        QVERIFY(flow.start());
        QVERIFY(QTest::qWaitFor([&] { return done.size() + failed.size() > 0; }, 15000));
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QVERIFY(waitSpy(browserDone));
        QVERIFY2(browserDone.first().first().toBool(),
                 qPrintable(browser.error() + QString::number(browser.callbackStatus())));
        QVERIFY(browser.callbackPage().contains("signed in"));
        QVERIFY(!browser.code().isEmpty());
        QVERIFY(!browser.callbackPage().contains(browser.code().toUtf8())); // A7
        canary(browser.code().toUtf8());
        QCOMPARE(browser.callbackStatus(), 200);
        QCOMPARE(browser.opened().size(), 1);
        QCOMPARE(QUrl(QUrlQuery(browser.opened().first())
                          .queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded))
                     .host(),
                 QStringLiteral("127.0.0.1"));
        s->manager->setOAuthConfiguration(flow.configuration());
        begin(*s, done.first().first().value<SignInResult>());
        QCOMPARE(s->manager->sessionKind(), QStringLiteral("oauth"));
        const Ran user = runRequest<User>(*s, [](ApiClient &c) { return c.getUser(); });
        QVERIFY2(!user.error.isError(), qPrintable(user.error.logString()));
        QCOMPARE(std::any_cast<User>(user.result).email, m_sandbox.demoEmail());
        signOutAndCheck(*s);
    }

    void refreshRotatesAndSavesFirst()
    {
        auto s = newSession();
        passwordSignIn(*s, m_sandbox.demoEmail(), m_sandbox.demoPassword());
        const QByteArray firstRefresh = stored(*s).refreshToken;
        QVERIFY(!firstRefresh.isEmpty());

        // The order, not only the end state: when the coordinator hands the new access token
        // out (tokensRotated), the keychain must already hold the new refresh token, and no
        // request may have been created with the new access token before that moment.
        int seq = 0;
        int rotatedAt = -1;
        int rotations = 0;
        QByteArray keychainAtRotation;
        QByteArray accessAtRotation;
        connect(s->manager->refreshCoordinator(), &RefreshCoordinator::tokensRotated, this, [&] {
            if (++rotations > 1)
                return; // the first hand-out is the one that counts
            rotatedAt = seq++;
            accessAtRotation = s->manager->refreshCoordinator()->accessToken();
            keychainAtRotation =
                secretToolLookup(s->manager->profile(), QStringLiteral("refresh_token"));
        });
        auto *nam = s->manager->findChild<QNetworkAccessManager *>();
        QVERIFY(nam);
        RequestRecorder recorder([&seq] { return seq++; });
        nam->installEventFilter(&recorder);

        setServerClockOffset(1000); // past the 15-minute access token
        const Ran user = runRequest<User>(*s, [](ApiClient &c) { return c.getUser(); });
        nam->removeEventFilter(&recorder);
        QVERIFY2(!user.error.isError(), qPrintable(user.error.logString()));
        QVERIFY(user.refreshed);
        QCOMPARE(s->manager->refreshCoordinator()->refreshCount(), 1);
        const StoredSession now = stored(*s);
        QVERIFY(!now.refreshToken.isEmpty());
        QVERIFY(now.refreshToken != firstRefresh); // rotated, and the new one is in the keychain
        QCOMPARE(now.accessToken, s->manager->apiClient()->credential().secret());

        QVERIFY2(rotatedAt >= 0, "tokensRotated never came");
        canary(keychainAtRotation);
        // QtKeychain's libsecret backend keeps binary values base64-encoded.
        QVERIFY2(keychainAtRotation.trimmed() == now.refreshToken ||
                     QByteArray::fromBase64(keychainAtRotation.trimmed()) == now.refreshToken,
                 "the new refresh token was not in the keychain when the access token was "
                 "handed out");
        QCOMPARE(rotations, 1);
        QCOMPARE(accessAtRotation, now.accessToken);
        const QByteArray newBearer = "Bearer " + now.accessToken;
        int usedNew = 0;
        for (const auto &sent : std::as_const(recorder.sent)) {
            QVERIFY2(!sent->gone, "a request was gone before it could be inspected");
            if (sent->authorization == newBearer) {
                ++usedNew;
                QVERIFY2(sent->seq > rotatedAt, "the new access token was used before the save");
            }
        }
        QCOMPARE(usedNew, 1); // the retried GET /auth/user

        signOutAndCheck(*s);
        // Revoked at sign-out: the rotated token no longer works.
        QCOMPARE(tryRefresh(*s, now.refreshToken), QStringLiteral("invalid_grant"));
    }

    void fiveConcurrent401sRefreshOnce()
    {
        auto s = newSession();
        passwordSignIn(*s, m_sandbox.demoEmail(), m_sandbox.demoPassword());
        setServerClockOffset(1000);
        QList<std::shared_ptr<Ran>> runs;
        for (int i = 0; i < 5; ++i)
            runs << start<User>(*s, [](ApiClient &c) { return c.getUser(); });
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(runs.begin(), runs.end(), [](auto &r) { return r->finished; });
            },
            15000));
        for (const auto &r : runs) {
            QVERIFY2(!r->error.isError(), qPrintable(r->error.logString()));
            QVERIFY(r->refreshed);
        }
        // One refresh: a second use of the same refresh token would have revoked the family
        // (RFC 9700 §4.14) and failed the others.
        QCOMPARE(s->manager->refreshCoordinator()->refreshCount(), 1);
        QVERIFY(s->manager->isSignedIn());
        signOutAndCheck(*s);
    }

    void stepUpThenOneRetry()
    {
        auto s = newSession();
        passwordSignIn(*s, m_sandbox.demoEmail(), m_sandbox.demoPassword());
        const QString keyId = createReadOnlyKey(*s, QStringLiteral("step-up"));
        QVERIFY(!keyId.isEmpty());

        setServerClockOffset(700); // past the server's 10-minute step-up window
        QSignalSpy required(s->manager.get(), &SessionManager::stepUpRequired);
        auto revoke = start<RevokedApiKey>(
            *s, [keyId](ApiClient &c) { return c.revokeApiKey(keyId); }, true);
        QVERIFY(waitSpy(required, 10000));
        QCOMPARE(required.first().first().toBool(), true);
        QVERIFY(!revoke->finished);
        QByteArray password = m_sandbox.demoPassword().toUtf8();
        s->manager->reauthenticate(password);
        QVERIFY(QTest::qWaitFor([&] { return revoke->finished; }, 10000));
        QVERIFY2(!revoke->error.isError(), qPrintable(revoke->error.logString()));
        QVERIFY(revoke->steppedUp);
        QCOMPARE(required.size(), 1);
        canary(stored(*s).accessToken);
        signOutAndCheck(*s);
    }

    void cancelledStepUpLeavesTheKey()
    {
        auto s = newSession();
        passwordSignIn(*s, m_sandbox.demoEmail(), m_sandbox.demoPassword());
        const QString keyId = createReadOnlyKey(*s, QStringLiteral("cancel"));
        QVERIFY(!keyId.isEmpty());
        setServerClockOffset(700);
        QSignalSpy required(s->manager.get(), &SessionManager::stepUpRequired);
        auto revoke = start<RevokedApiKey>(
            *s, [keyId](ApiClient &c) { return c.revokeApiKey(keyId); }, true);
        QVERIFY(waitSpy(required, 10000));
        s->manager->cancelStepUp();
        QVERIFY(QTest::qWaitFor([&] { return revoke->finished; }, 10000));
        QVERIFY(revoke->error.needsReauthentication());
        setServerClockOffset(0);
        const Ran after =
            runRequest<ApiKey>(*s, [keyId](ApiClient &c) { return c.getApiKey(keyId); });
        QVERIFY2(!after.error.isError(), qPrintable(after.error.logString()));
        QCOMPARE(std::any_cast<ApiKey>(after.result).status, QStringLiteral("active"));
        signOutAndCheck(*s);
    }

    void signOutRevokesAndDeletesEverything()
    {
        auto s = newSession();
        passwordSignIn(*s, m_sandbox.demoEmail(), m_sandbox.demoPassword());
        const QByteArray refresh = stored(*s).refreshToken;
        QVERIFY(!refresh.isEmpty());
        QSignalSpy dialogs(s->manager.get(), &SessionManager::closeSecretDialogs);
        QSignalSpy clipboard(s->manager.get(), &SessionManager::clearSecretClipboard);
        QSignalSpy data(s->manager.get(), &SessionManager::dropSessionData);
        signOutAndCheck(*s);
        QCOMPARE(dialogs.size(), 1);
        QCOMPARE(clipboard.size(), 1);
        QCOMPARE(data.size(), 1);
        QVERIFY(s->manager->apiClient()->credential().isEmpty());
        QCOMPARE(tryRefresh(*s, refresh), QStringLiteral("invalid_grant"));
        const QString listing = secretToolSearchAll();
        QVERIFY2(!listing.contains(QLatin1String("attribute.user")), qPrintable(listing));
    }

    // Last: E31 over everything this run logged and wrote.
    void canaryCheck()
    {
        QVERIFY(m_canaries.count() >= 8);
        m_canaries.end();
        const QStringList logs = m_canaries.messages();
        QVERIFY(logs.size() > 20); // the debug categories were really on
        QVERIFY(std::any_of(logs.begin(), logs.end(), [](const QString &m) {
            return m.startsWith(QLatin1String("plexe.auth"));
        }));
        int files = 0;
        const QStringList leaks = m_canaries.leaks(&files);
        QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("a secret in: ") + leaks.join(u", ")));
        QVERIFY(files >= 1); // at least the stderr capture
    }

    void cleanupTestCase()
    {
        m_canaries.end();
        m_sandbox.stop();
    }
};

QTEST_GUILESS_MAIN(TestSignInSandbox)
#include "tst_signin_sandbox.moc"
