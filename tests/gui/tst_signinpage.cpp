// The sign-in page against a real plexe-sandbox over TLS and the harness' Secret Service:
// password, wrong password, TOTP, API key, and the browser step (real flow, Cancel, paste).
#include "ConsoleFixture.h"
#include "SandboxBrowser.h"
#include "shell/StatusLine.h"
#include "signin/BrowserStep.h"

#include <QClipboard>

#include <QLabel>
#include <QTcpSocket>

using namespace plexe;
using namespace plexe::test;

class TestSignInPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> f;

    void expectSignedInAs(const QString &email)
    {
        QVERIFY2(
            f->waitForPage(QStringLiteral("workspace")),
            qPrintable(QStringLiteral("page: %1, message: %2").arg(f->page(), f->signInMessage())));
        QCOMPARE(f->window->windowTitle(),
                 QStringLiteral("Plexe Console — %1 (Local sandbox)").arg(email));
        QCOMPARE(f->window->statusLine()->storageText(),
                 QStringLiteral("Session stored in: Secret Service"));
    }

private slots:
    void init()
    {
        f = std::make_unique<ConsoleFixture>();
        QVERIFY(f->startSandbox());
        f->openWindow();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        QCOMPARE(f->window->windowTitle(), QStringLiteral("Plexe Console — Sign in"));
    }

    void cleanup() { f.reset(); }

    void passwordSignInOpensTheWorkspace()
    {
        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        expectSignedInAs(f->sandbox.demoEmail());
        // The password field was emptied when the request left.
        QVERIFY(f->find<QLineEdit>(QStringLiteral("passwordEdit"))->text().isEmpty());
        // Account pane shows the account.
        QCOMPARE(f->find<QLabel>(QStringLiteral("emailValue"))->text(), f->sandbox.demoEmail());
        QCOMPARE(f->find<QLabel>(QStringLiteral("methodValue"))->text(),
                 QStringLiteral("Email and password"));
    }

    void wrongPasswordSaysSoWithoutNamingWhich()
    {
        f->signInWithPassword(f->sandbox.demoEmail(), QStringLiteral("not-the-password"));
        QTRY_VERIFY_WITH_TIMEOUT(!f->signInMessage().isEmpty(), 10000);
        QCOMPARE(f->signInMessage(), QStringLiteral("The email or password is not correct."));
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
        QVERIFY(f->find<QLineEdit>(QStringLiteral("passwordEdit"))->text().isEmpty());
        QCOMPARE(f->find<QLineEdit>(QStringLiteral("emailEdit"))->text(), f->sandbox.demoEmail());
        // An unknown email gets the very same words.
        f->signInWithPassword(QStringLiteral("nobody@plexe.local"), QStringLiteral("whatever"));
        QTRY_VERIFY_WITH_TIMEOUT(!f->find<QWidget>(QStringLiteral("signInProgress"))->isVisible(),
                                 10000);
        QCOMPARE(f->signInMessage(), QStringLiteral("The email or password is not correct."));
    }

    void passwordAcceptsLongPastedPasswords()
    {
        auto *password = f->find<QLineEdit>(QStringLiteral("passwordEdit"));
        const QString longPassword(200, QLatin1Char('x'));
        password->setText(longPassword); // a paste
        QCOMPARE(password->text().size(), 200);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        f->click(QStringLiteral("showPasswordButton"));
        QCOMPARE(password->echoMode(), QLineEdit::Normal);
    }

    void totpAccountAsksForTheCode()
    {
        f->signInWithPassword(f->sandbox.seedValue(QStringLiteral("totp_email")),
                              f->sandbox.seedValue(QStringLiteral("totp_password")));
        auto *code = f->find<QLineEdit>(QStringLiteral("codeEdit"));
        QTRY_VERIFY_WITH_TIMEOUT(code->isVisible(), 10000);
        QCOMPARE(code->accessibleName(), QStringLiteral("Authentication code"));
        // A wrong code keeps the step open with a message.
        f->type(QStringLiteral("codeEdit"), QStringLiteral("000000"));
        f->click(QStringLiteral("verifyCodeButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!f->signInMessage().isEmpty(), 10000);
        QVERIFY(code->isVisible());
        const QByteArray secret = f->sandbox.seedValue(QStringLiteral("totp_secret")).toLatin1();
        f->type(QStringLiteral("codeEdit"), totpCode(secret, QDateTime::currentSecsSinceEpoch()));
        f->click(QStringLiteral("verifyCodeButton"));
        expectSignedInAs(f->sandbox.seedValue(QStringLiteral("totp_email")));
    }

    void apiKeySignIn()
    {
        f->click(QStringLiteral("apiKeyButton"));
        auto *key = f->find<QLineEdit>(QStringLiteral("apiKeyEdit"));
        QTRY_VERIFY(key->isVisible());
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        f->type(QStringLiteral("apiKeyEdit"), QStringLiteral("  ") + f->sandbox.demoApiKey());
        f->click(QStringLiteral("apiKeySignInButton"));
        expectSignedInAs(f->sandbox.demoEmail());
        QCOMPARE(f->find<QLabel>(QStringLiteral("methodValue"))->text(), QStringLiteral("API key"));
    }

    void apiKeyThatIsNotAKeyIsRefused()
    {
        f->click(QStringLiteral("apiKeyButton"));
        f->type(QStringLiteral("apiKeyEdit"), QStringLiteral("plx_sk_not-a-real-key"));
        f->click(QStringLiteral("apiKeySignInButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!f->signInMessage().isEmpty(), 10000);
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
    }

    void browserSignInThroughTheSandboxPage()
    {
        SandboxBrowser browser(f->sandbox.caPath(), f->sandbox.demoEmail(),
                               f->sandbox.demoPassword());
        f->openWindow(browser.opener());
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        f->click(QStringLiteral("browserButton"));
        expectSignedInAs(f->sandbox.demoEmail());
        QCOMPARE(browser.opened().size(), 1);
        QCOMPARE(f->find<QLabel>(QStringLiteral("methodValue"))->text(),
                 QStringLiteral("Browser sign-in"));
    }

    void browserStepCountsDownAndCancelClosesThePort()
    {
        f->click(QStringLiteral("githubButton"));
        auto *status = f->find<QLabel>(QStringLiteral("browserStatus"));
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Waiting for your browser… 5:00"),
                                  10000);
        f->clock.advance(std::chrono::seconds(8));
        QTRY_COMPARE(status->text(), QStringLiteral("Waiting for your browser… 4:52"));
        QCOMPARE(f->opened.size(), 1);
        const QUrl address = f->opened.first();
        QCOMPARE(QUrlQuery(address).queryItemValue(QStringLiteral("provider")),
                 QStringLiteral("github"));
        QCOMPARE(f->find<QLineEdit>(QStringLiteral("signInAddress"))->text(),
                 address.toString(QUrl::FullyEncoded));
        const QUrl redirect(
            QUrlQuery(address).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        f->click(QStringLiteral("browserCancelButton"));
        QTRY_VERIFY(f->find<QWidget>(QStringLiteral("emailEdit"))->isVisible());
        // A3: the loopback port is closed after Cancel.
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
        QVERIFY(!probe.waitForConnected(2000));
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
    }

    void browserThatCannotOpenOffersCopyAndPaste()
    {
        // The opener fails; a second client plays the browser the user opened by hand, and the
        // user pastes the address it ended on (the console's port is closed by then, A3).
        QUrl address;
        f->openWindow([&address](const QUrl &url) {
            address = url;
            return false;
        });
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        f->click(QStringLiteral("browserButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!address.isEmpty(), 10000);
        QTRY_VERIFY(!f->signInMessage().isEmpty()); // "could not be opened"
        auto *copy = f->find<QAbstractButton>(QStringLiteral("copyAddressButton"));
        QCOMPARE(copy->accessibleName(), QStringLiteral("Copy sign-in address"));
        f->click(QStringLiteral("copyAddressButton"));
        QCOMPARE(QGuiApplication::clipboard()->text(), address.toString(QUrl::FullyEncoded));

        // A wrong address is refused and the attempt goes on.
        f->type(QStringLiteral("pastedAddressEdit"), QStringLiteral("https://example.com/"));
        f->click(QStringLiteral("pastedAddressButton"));
        QCOMPARE(f->page(), QStringLiteral("signInPage"));

        SandboxBrowser browser(f->sandbox.caPath(), f->sandbox.demoEmail(),
                               f->sandbox.demoPassword());
        QSignalSpy done(&browser, &SandboxBrowser::finished);
        browser.opener()(address);
        QVERIFY(done.wait(15000));
        QVERIFY(!browser.lastLocation().isEmpty());
        f->type(QStringLiteral("pastedAddressEdit"), browser.lastLocation().toString());
        f->click(QStringLiteral("pastedAddressButton"));
        expectSignedInAs(f->sandbox.demoEmail());
    }
};

QTEST_MAIN(TestSignInPage)
#include "tst_signinpage.moc"
