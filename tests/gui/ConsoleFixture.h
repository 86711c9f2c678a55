#pragma once
// A console window for GUI tests, composed as Console composes it but from test services: a
// ManualClock, settings in a temp file, the real Secret Service of the harness, and a real
// plexe-sandbox over TLS behind the "Local sandbox" profile.

#include "SandboxProcess.h"
#include "common/MessageWidget.h"
#include "common/SecretClipboard.h"
#include "core/Preferences.h"
#include "profiles/ProfileStore.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SessionStore.h"
#include "shell/MainWindow.h"
#include "shell/StatusLine.h"
#include "shell/Workspace.h"
#include "signin/SignInPage.h"

#include <QAbstractButton>
#include <QGuiApplication>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace plexe::test {

class ConsoleFixture
{
public:
    enum class Keychain { Fresh, AsLeft };

    // Fresh: the console's keychain entries left by an earlier test of the same binary (they
    // share the harness' Secret Service) are deleted first, as on a new user's machine.
    explicit ConsoleFixture(Keychain keychain = Keychain::Fresh)
        : clock(QDateTime::currentDateTimeUtc()),
          settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat),
          profiles(&settings), preferences(&settings),
          clipboard(QGuiApplication::clipboard(), &clock)
    {
        if (keychain == Keychain::Fresh)
            clearKeychain();
    }

    static void clearKeychain()
    {
        QProcess tool;
        tool.start(
            QStringLiteral("secret-tool"),
            {QStringLiteral("clear"), QStringLiteral("server"), SessionStore::defaultService()});
        tool.waitForFinished(10000);
    }

    // Starts the sandbox (once) and points the "Local sandbox" profile at it.
    bool startSandbox(const SandboxProcess::Options &options = {})
    {
        if (!sandbox.start(options)) {
            qWarning() << sandbox.errorString();
            return false;
        }
        profiles.setSessionOverride(Profile::sandboxName(), sandbox.baseUrl(), sandbox.caPath());
        return true;
    }

    // A new window (the previous one is destroyed first, as a restart would).
    MainWindow *openWindow(BrowserSignIn::Opener opener = {})
    {
        window.reset();
        ShellServices services;
        services.clock = &clock;
        services.settings = &settings;
        services.store = &store;
        services.profiles = &profiles;
        services.preferences = &preferences;
        services.clipboard = &clipboard;
        services.opener = opener ? opener : [this](const QUrl &url) {
            opened << url;
            return true;
        };
        window = std::make_unique<MainWindow>(services);
        window->show();
        window->openProfile(Profile::sandboxName());
        return window.get();
    }

    template <typename T = QWidget> T *find(const QString &objectName) const
    {
        return window->findChild<T *>(objectName);
    }

    // The page the window shows: "startPage", "signInPage" or "workspace".
    QString page() const
    {
        for (const char *name : {"startPage", "signInPage", "workspace"}) {
            QWidget *w = find(QString::fromLatin1(name));
            if (w && w->isVisible())
                return QString::fromLatin1(name);
        }
        return QString();
    }

    bool waitForPage(const QString &name, int timeoutMs = 15000) const
    {
        // A bounded wait on the state that must change, pumping the event loop meanwhile.
        return QTest::qWaitFor([&] { return page() == name; }, timeoutMs);
    }

    // Stops the sandbox, presses F5 and waits for `banner` to say "Offline — showing data as of
    // HH:MM" (product.md "Everywhere"): the refresh could not reach the server.
    bool refreshOffline(const MessageWidget *banner)
    {
        sandbox.kill();
        QTest::keyClick(window.get(), Qt::Key_F5);
        return QTest::qWaitFor(
            [banner] {
                return banner->isShowing() &&
                       banner->text().startsWith(QStringLiteral("Offline — showing data as of "));
            },
            20000);
    }

    void type(const QString &field, const QString &text) const
    {
        auto *edit = find<QLineEdit>(field);
        QVERIFY2(edit, qPrintable(field));
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    void click(const QString &button) const
    {
        auto *b = find<QAbstractButton>(button);
        QVERIFY2(b, qPrintable(button));
        QVERIFY2(b->isEnabled(), qPrintable(button + QStringLiteral(" is disabled")));
        QTest::mouseClick(b, Qt::LeftButton);
    }

    QString signInMessage() const
    {
        auto *banner = window->signInPage()->banner();
        return banner->isShowing() ? banner->text() : QString();
    }

    // Signs in with an API key to a server of the test's own (a ScriptedHttpServer's origin),
    // through a profile made for it, in a new window.
    void signInWithApiKeyTo(const QString &origin, const QByteArray &apiKey,
                            const QString &profileName)
    {
        Profile profile;
        profile.name = profileName;
        profile.apiUrl = QUrl(origin);
        QString error;
        QVERIFY2(profiles.add(profile, &error), qPrintable(error));
        openWindow();
        window->openProfile(profile.name);
        QVERIFY(waitForPage(QStringLiteral("signInPage")));
        click(QStringLiteral("apiKeyButton"));
        type(QStringLiteral("apiKeyEdit"), QString::fromLatin1(apiKey));
        click(QStringLiteral("apiKeySignInButton"));
        QVERIFY2(waitForPage(QStringLiteral("workspace")), qPrintable(signInMessage()));
    }

    void signInWithPassword(const QString &email, const QString &password)
    {
        type(QStringLiteral("emailEdit"), email);
        type(QStringLiteral("passwordEdit"), password);
        click(QStringLiteral("signInButton"));
    }

    // Every keychain entry of the console: QtKeychain's libsecret backend stores them with
    // server=<service> (secret-tool searches the harness' Secret Service).
    static QString keychainEntries()
    {
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"),
                   {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                    SessionStore::defaultService()});
        tool.waitForFinished(10000);
        return QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
    }

    QTemporaryDir dir;
    ManualClock clock;
    QSettings settings;
    SessionStore store;
    ProfileStore profiles;
    Preferences preferences;
    SecretClipboard clipboard; // cleared by the injected clock: tests advance it, never wait
    SandboxProcess sandbox;
    QList<QUrl> opened;
    std::unique_ptr<MainWindow> window;
};

} // namespace plexe::test
