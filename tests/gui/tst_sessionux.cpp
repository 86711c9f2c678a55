// The window's session behaviour against a real sandbox and the harness' Secret Service:
// restore at start, idle warning and timeout back to the same pane, sign-out and "forget"
// leaving no keychain entry, the step-up prompt, and a keyboard-only sign-in and sign-out.
#include "ConsoleFixture.h"
#include "SandboxBrowser.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "keys/ApiKeyTableModel.h"
#include "session/SessionPolicy.h"
#include "session/SessionRequest.h"
#include "shell/StatusLine.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

class TestSessionUx : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> f;

    void signIn(const QString &email, const QString &password)
    {
        f->signInWithPassword(email, password);
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
    }

    // Moves the injected clock and lets the session policy look at it.
    void advance(std::chrono::milliseconds by)
    {
        f->clock.advance(by);
        f->window->currentSession()->policy()->tick();
    }

    // The step-up prompt on screen (a closed one may linger until it is deleted).
    QWidget *openPrompt() const
    {
        for (QWidget *w : f->window->findChildren<QWidget *>(QStringLiteral("stepUpPrompt"))) {
            if (w->isVisible())
                return w;
        }
        return nullptr;
    }

    QString profileEntries() const { return ConsoleFixture::keychainEntries(); }

private slots:
    void init()
    {
        f = std::make_unique<ConsoleFixture>();
        QVERIFY(f->startSandbox());
        f->openWindow();
        // Never a blank window: the spinner page says what happens while restoring.
        QCOMPARE(f->page(), QStringLiteral("startPage"));
        QCOMPARE(f->find<QLabel>(QStringLiteral("startText"))->text(),
                 QStringLiteral("Restoring your session…"));
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
    }

    void cleanup() { f.reset(); }

    void restartRestoresTheSession()
    {
        signIn(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QTRY_VERIFY_WITH_TIMEOUT(profileEntries().contains(QStringLiteral("Local sandbox/")), 5000);
        f->openWindow(); // a restart: a new window and session manager, the same keychain
        QCOMPARE(f->page(), QStringLiteral("startPage"));
        QVERIFY(f->waitForPage(QStringLiteral("workspace")));
        QCOMPARE(f->window->windowTitle(),
                 QStringLiteral("Plexe Console — %1 (Local sandbox)").arg(f->sandbox.demoEmail()));
    }

    void idleWarningThenTimeoutBackToTheSamePane()
    {
        signIn(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QTest::keyClick(f->window.get(), Qt::Key_3, Qt::ControlModifier); // Models
        QCOMPARE(f->window->workspace()->currentIndex(), 2);

        advance(14min + 1s); // 59 s before the 15-minute idle timeout
        MessageWidget *banner = f->window->windowBanner();
        QVERIFY(banner->isShowing());
        QVERIFY2(banner->text().startsWith(QStringLiteral("You will be signed out in 0:5")),
                 qPrintable(banner->text()));
        QVERIFY(f->window->statusLine()->idleText().startsWith(QStringLiteral("Signs out in")));
        f->click(QStringLiteral("staySignedInButton"));
        QVERIFY(!banner->isShowing());
        QVERIFY(f->window->statusLine()->idleText().isEmpty());

        advance(14min + 1s);
        QVERIFY(banner->isShowing());
        advance(60s); // no input: the idle timeout ends the session
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
        QCOMPARE(f->signInMessage(), QStringLiteral("Signed out after 15 minutes of inactivity."));
        QCOMPARE(f->window->windowTitle(), QStringLiteral("Plexe Console — Sign in"));
        QTRY_VERIFY_WITH_TIMEOUT(!profileEntries().contains(QStringLiteral("Local sandbox/")),
                                 5000);

        signIn(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QCOMPARE(f->window->workspace()->currentIndex(), 2); // back where the user was
    }

    void anotherAccountStartsFresh()
    {
        signIn(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QTest::keyClick(f->window.get(), Qt::Key_3, Qt::ControlModifier);
        advance(15min + 1s);
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
        // The API key of the demo account belongs to the same account: resumes.
        f->click(QStringLiteral("apiKeyButton"));
        f->type(QStringLiteral("apiKeyEdit"), f->sandbox.demoApiKey());
        f->click(QStringLiteral("apiKeySignInButton"));
        QVERIFY(f->waitForPage(QStringLiteral("workspace")));
        QCOMPARE(f->window->workspace()->currentIndex(), 2);
        advance(15min + 1s);
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
        // The OAuth-only account is someone else: starts on the first pane.
        SandboxBrowser browser(f->sandbox.caPath(),
                               f->sandbox.seedValue(QStringLiteral("oauth_email")), QString());
        Q_UNUSED(browser)
        f->signInWithPassword(f->sandbox.seedValue(QStringLiteral("totp_email")),
                              f->sandbox.seedValue(QStringLiteral("totp_password")));
        QTRY_VERIFY_WITH_TIMEOUT(f->find<QWidget>(QStringLiteral("codeEdit"))->isVisible(), 10000);
        f->type(QStringLiteral("codeEdit"),
                totpCode(f->sandbox.seedValue(QStringLiteral("totp_secret")).toLatin1(),
                         QDateTime::currentSecsSinceEpoch()));
        f->click(QStringLiteral("verifyCodeButton"));
        QVERIFY(f->waitForPage(QStringLiteral("workspace")));
        QCOMPARE(f->window->workspace()->currentIndex(), 0);
    }

    void signOutLeavesNoKeychainEntry()
    {
        signIn(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QTRY_VERIFY_WITH_TIMEOUT(profileEntries().contains(QStringLiteral("Local sandbox/")), 5000);
        QTest::keyClick(f->window.get(), Qt::Key_4, Qt::ControlModifier); // Account
        f->click(QStringLiteral("signOutButton"));
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
        QCOMPARE(f->signInMessage(), QStringLiteral("You have signed out."));
        QTRY_VERIFY_WITH_TIMEOUT(!profileEntries().contains(QStringLiteral("Local sandbox/")),
                                 5000);
        f->openWindow(); // nothing comes back at the next start
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
    }

    void forgetAsksNamingAccountAndProfileThenLeavesNothing()
    {
        signIn(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QTRY_VERIFY_WITH_TIMEOUT(profileEntries().contains(QStringLiteral("Local sandbox/")), 5000);
        QTest::keyClick(f->window.get(), Qt::Key_4, Qt::ControlModifier);
        f->click(QStringLiteral("forgetButton"));
        auto *box = f->window->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->informativeText().contains(f->sandbox.demoEmail()));
        QVERIFY(box->informativeText().contains(QStringLiteral("Local sandbox")));
        QCOMPARE(box->defaultButton()->objectName(), QStringLiteral("cancelButton"));
        // Cancel first: nothing happens.
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                          Qt::LeftButton);
        QCOMPARE(f->page(), QStringLiteral("workspace"));
        QTRY_VERIFY(!f->window->findChild<QMessageBox *>(QStringLiteral("confirmationDialog")));
        f->click(QStringLiteral("forgetButton"));
        box = f->window->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"));
        QTRY_VERIFY(box && box->isVisible());
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        QTRY_VERIFY_WITH_TIMEOUT(!profileEntries().contains(QStringLiteral("Local sandbox/")),
                                 5000);
    }

    void stepUpPromptCancelSendsNothingThenPasswordRetries()
    {
        signIn(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        SessionManager *session = f->window->currentSession();
        f->clock.advance(11min); // outside the 10-minute step-up window, inside the idle one
        const auto create = [](ApiClient &c) {
            return c.createApiKey(QStringLiteral("step-up test"), QStringLiteral("read_only"));
        };
        SessionRequest *request = session->run(create, true);
        QSignalSpy cancelled(request, &SessionRequest::finished);
        QTRY_VERIFY(openPrompt());
        QCOMPARE(request->attempts(), 0);
        QTest::mouseClick(
            openPrompt()->findChild<QPushButton *>(QStringLiteral("stepUpCancelButton")),
            Qt::LeftButton);
        QVERIFY(cancelled.size() == 1 || cancelled.wait(5000));

        request = session->run(create, true);
        bool ok = false;
        connect(request, &SessionRequest::finished, this, [&ok, request] { ok = request->isOk(); });
        QSignalSpy done(request, &SessionRequest::finished);
        QTRY_VERIFY(openPrompt());
        QTest::keyClicks(openPrompt()->findChild<QLineEdit *>(QStringLiteral("stepUpPassword")),
                         f->sandbox.demoPassword());
        QTest::mouseClick(
            openPrompt()->findChild<QPushButton *>(QStringLiteral("stepUpConfirmButton")),
            Qt::LeftButton);
        QVERIFY(done.size() == 1 || done.wait(15000));
        QVERIFY(ok);
    }

    void restoredKeyTheServerRefusesEndsTheSession()
    {
        // An API-key session in the keychain whose key the server no longer knows (revoked
        // elsewhere, or a sandbox seeded anew): the console must not sit in an empty workspace.
        f->click(QStringLiteral("apiKeyButton"));
        f->type(QStringLiteral("apiKeyEdit"), f->sandbox.demoApiKey());
        f->click(QStringLiteral("apiKeySignInButton"));
        QVERIFY(f->waitForPage(QStringLiteral("workspace")));
        // The whole session, not a part of it: a key without its metadata is an orphan that
        // the next start deletes (and then there is nothing to restore).
        QTRY_VERIFY_WITH_TIMEOUT(
            profileEntries().contains(QStringLiteral("Local sandbox/api_key")) &&
                profileEntries().contains(QStringLiteral("Local sandbox/session_meta")),
            5000);
        // Revoked elsewhere, by a second client holding the key, while the console is closed.
        // (A sandbox seeded anew is another origin now: issue 21 item 2 signs that session
        // out without a request, see tst_profilesdialog.)
        QString keyId;
        auto *keys = f->find<QAbstractItemView>(QStringLiteral("keyTable"));
        QVERIFY(keys);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < keys->model()->rowCount(); ++row) {
                    const QModelIndex name = keys->model()->index(row, ApiKeyTableModel::Name);
                    if (name.data().toString() == QLatin1String("Demo key"))
                        keyId = name.data(ApiKeyTableModel::KeyIdRole).toString();
                }
                return !keyId.isEmpty();
            }(),
            10000);
        f->window.reset();
        QNetworkAccessManager nam;
        ApiClient other(&nam);
        ApiEndpoint endpoint;
        endpoint.baseUrl = f->sandbox.baseUrl();
        endpoint.extraCaFile = f->sandbox.caPath();
        QVERIFY(other.setEndpoint(endpoint));
        other.setCredential(Credential::apiKey(f->sandbox.demoApiKey().toLatin1()));
        ApiCall *revoke = other.revokeApiKey(keyId);
        QSignalSpy revoked(revoke, &ApiCall::finished);
        QVERIFY(revoked.wait(10000));
        QVERIFY2(!revoke->error().isError(), qPrintable(revoke->error().logString()));
        f->openWindow();
        QVERIFY2(f->waitForPage(QStringLiteral("signInPage")), qPrintable(f->page()));
        QVERIFY2(f->signInMessage().contains(QStringLiteral("API key")),
                 qPrintable(f->signInMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(!profileEntries().contains(QStringLiteral("Local sandbox/")),
                                 5000);
    }

    void keyboardOnlySignInAndSignOut()
    {
        QWidget *email = f->find<QWidget>(QStringLiteral("emailEdit"));
        f->window->activateWindow();
        QTRY_COMPARE(QApplication::focusWidget(), email);
        QTest::keyClicks(QApplication::focusWidget(), f->sandbox.demoEmail());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("passwordEdit"));
        QTest::keyClicks(QApplication::focusWidget(), f->sandbox.demoPassword());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(f->waitForPage(QStringLiteral("workspace")));
        QTest::keyClick(f->window.get(), Qt::Key_4, Qt::ControlModifier);
        for (int i = 0;
             i < 30 && QApplication::focusWidget()->objectName() != QLatin1String("signOutButton");
             ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("signOutButton"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
    }
};

QTEST_MAIN(TestSessionUx)
#include "tst_sessionux.moc"
