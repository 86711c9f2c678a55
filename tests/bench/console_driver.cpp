// Drives plexe-console's own composition (plexe::Console, as main() builds it) on a sandbox, for
// the sign-in and memory benchmarks. Reads the email and password from stdin, fills the sign-in
// page and clicks Sign in, then times from the click (milliseconds, from the console's own log
// lines and signals):
//   login_ms     the answer to POST /auth/login arrived (login_call_ms: that call's own time)
//   signed_in_ms the session began ("signed in"); the keychain save starts here, in parallel
//   user_ms      the answer to GET /auth/user arrived (user_call_ms: that call's own time)
//   shown_ms     "workspace shown": the window holds the account
//   painted_ms   the workspace's first paint is over
//   saved_ms     the keychain said the session is saved
// Then it visits every pane, lets them settle, reads its own resident memory (rss_kb, pss_kb,
// as bare_window does), signs out (which also empties the keychain) and prints one line:
//   shown_ms=… painted_ms=… login_ms=… … rss_kb=… pss_kb=…
// Exits non-zero when it cannot measure (no sign-in page, sign-in failed, timeout).
//   console_driver BASE_URL CA_FILE < credentials
#include "ProcMemory.h"

#include "core/LaunchOptions.h"
#include "profiles/Profile.h"
#include "session/SessionManager.h"
#include "shell/Console.h"
#include "shell/MainWindow.h"
#include "shell/Workspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <string>

namespace {

QElapsedTimer sinceClick;
std::map<std::string, double> marks; // name -> ms since the click

void mark(const std::string &name, double value = -1)
{
    if (sinceClick.isValid() && !marks.count(name))
        marks[name] = value >= 0 ? value : double(sinceClick.nsecsElapsed()) / 1e6;
}

// The figure before " ms" at the end of a plexe.net line ("POST …/auth/login 200 … 187 ms").
double callMs(const QString &message)
{
    const QStringList words = message.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return words.size() >= 2 ? words.at(words.size() - 2).toDouble() : -1;
}

void onMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QLatin1String category(context.category ? context.category : "");
    if (category == QLatin1String("plexe.net") && message.contains(QLatin1String("/auth/login "))) {
        mark("login_ms");
        mark("login_call_ms", callMs(message));
    } else if (category == QLatin1String("plexe.net") &&
               message.contains(QLatin1String("/auth/user "))) {
        mark("user_ms");
        mark("user_call_ms", callMs(message));
    } else if (message.startsWith(QLatin1String("signed in:"))) {
        mark("signed_in_ms");
    } else if (message == QLatin1String("workspace shown")) {
        mark("shown_ms");
    } else if (type != QtDebugMsg && type != QtInfoMsg) {
        std::fprintf(stderr, "%s: %s\n", context.category, qUtf8Printable(message));
    }
}

// Runs the event loop until `done` or the timeout; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    tick.start(2);
    loop.exec();
    return done();
}

void settle(int ms)
{
    waitFor([] { return false; }, ms);
}

// Marks the end of the first paint of a widget after the click (a queued call, as the console's
// "main window painted").
class PaintWatch : public QObject
{
public:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && sinceClick.isValid() && !m_seen) {
            m_seen = true;
            QMetaObject::invokeMethod(
                this, [] { mark("painted_ms"); }, Qt::QueuedConnection);
        }
        return false;
    }

private:
    bool m_seen = false;
};

int fail(const char *why)
{
    std::fprintf(stderr, "console_driver: %s\n", why);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The console's own names: the same settings file and keychain service.
    QApplication::setApplicationName(QStringLiteral("plexe-console"));
    QApplication::setOrganizationName(QStringLiteral("Plexe"));
    if (argc < 3)
        return fail("usage: console_driver BASE_URL CA_FILE < credentials");
    std::string email, password;
    std::getline(std::cin, email);
    std::getline(std::cin, password);
    QLoggingCategory::setFilterRules(
        QStringLiteral("plexe.net.debug=true\nplexe.session.info=true\nplexe.ui.info=true"));
    qInstallMessageHandler(onMessage);

    plexe::LaunchOptions options;
    options.profile = plexe::Profile::sandboxName();
    options.apiUrl = QUrl(QString::fromLocal8Bit(argv[1]));
    options.caFile = QString::fromLocal8Bit(argv[2]);
    plexe::Console console(options, QCoreApplication::applicationDirPath());
    QString error;
    if (!console.isUsable(&error))
        return fail(qPrintable(error));
    console.show();
    plexe::MainWindow *window = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets())
        window = window ? window : qobject_cast<plexe::MainWindow *>(w);
    if (!window)
        return fail("no main window");
    const auto find = [window](const char *name) {
        return window->findChild<QWidget *>(QLatin1String(name));
    };
    if (!waitFor([&] { return find("signInPage")->isVisible(); }, 20000))
        return fail("the sign-in page was not shown");

    qobject_cast<QLineEdit *>(find("emailEdit"))->setText(QString::fromStdString(email));
    qobject_cast<QLineEdit *>(find("passwordEdit"))->setText(QString::fromStdString(password));
    password.assign(password.size(), '\0');
    plexe::SessionManager *session = window->currentSession();
    QObject::connect(session, &plexe::SessionManager::sessionSaved, [] { mark("saved_ms"); });
    PaintWatch paints;
    window->workspace()->installEventFilter(&paints);

    auto *signIn = qobject_cast<QAbstractButton *>(find("signInButton"));
    sinceClick.start();
    signIn->click();
    if (!waitFor([] { return marks.count("painted_ms") && marks.count("shown_ms"); }, 20000))
        return fail("no populated window within 20 s (wrong password?)");

    // Every pane, as a user would go through them (Ctrl+1..4), each given time to load.
    for (int i = 1; i <= window->workspace()->count(); ++i) {
        window->findChild<QAction *>(QStringLiteral("showPane%1").arg(i))->trigger();
        settle(300);
    }
    waitFor([] { return marks.count("saved_ms") > 0; }, 5000);
    settle(500);
    const plexe::bench::ProcMemory memory = plexe::bench::readProcMemory();

    bool cleared = false;
    QObject::connect(session, &plexe::SessionManager::keychainCleared, [&] { cleared = true; });
    qobject_cast<QAbstractButton *>(find("signOutButton"))->click();
    if (!waitFor([&] { return cleared && find("signInPage")->isVisible(); }, 10000))
        return fail("sign-out did not finish");

    for (const char *name : {"shown_ms", "painted_ms", "login_ms", "login_call_ms", "signed_in_ms",
                             "user_ms", "user_call_ms", "saved_ms"})
        std::printf("%s=%.1f ", name, marks.count(name) ? marks[name] : -1.0);
    std::printf("rss_kb=%ld pss_kb=%ld\n", memory.rssKb, memory.pssKb);
    return 0;
}
