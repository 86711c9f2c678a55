// RevealKeyDialog and SecretClipboard under Xvfb (a real X clipboard) against a real sandbox:
// Esc and the close button leave the key on screen; Copy offers it to a second process (xclip)
// with the x-kde-passwordManagerHint target; the injected clock's delay clears it; a value
// someone else copied meanwhile stays; the primary selection never gets it; sign-out closes
// the dialog and clears the clipboard; the idle sign-out waits while the key is shown (the
// dialog counts down itself), Discard revokes the key, the close button asks like "I have stored
// it", and a session that ends anyway revokes the uncopied key and says so at the next sign-in.
// Ends with the canary check (the keys nowhere in HOME, XDG folders, settings, logs or stderr) and
// the advisory in-process memory scan (C22).
#include "ConsoleFixture.h"
#include "SecretCanaries.h"
#include "api/ApiClient.h"
#include "common/MessageWidget.h"
#include "core/SecretBytes.h"
#include "keys/CreateKeyDialog.h"
#include "keys/RevealKeyDialog.h"
#include "session/SessionPolicy.h"
#include "session/SessionRequest.h"

#include <QMessageBox>
#include <QPushButton>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {
// Secrets are kept masked, so that the memory scan does not find the test's own copy.
QByteArray masked(const QByteArray &bytes)
{
    return SecretCanaries::mask(bytes);
}
constexpr char kMask = SecretCanaries::kMask;

// Runs xclip; returns its output (the caller wipes it) and whether it succeeded.
QByteArray xclip(const QStringList &args, bool *ok = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("xclip"), args);
    // Not waitForFinished(): this process must keep answering the X server's selection
    // requests while xclip reads from it.
    const bool finished = QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 5000);
    if (ok)
        *ok = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return p.readAllStandardOutput();
}

// Whether the clipboard (per a second process) holds the masked secret; wipes what it read.
bool clipboardHolds(const QByteArray &maskedSecret, const char *selection = "clipboard")
{
    QByteArray out =
        xclip({QStringLiteral("-selection"), QString::fromLatin1(selection), QStringLiteral("-o")});
    const bool holds = masked(out) == maskedSecret;
    wipeInPlace(out);
    return holds;
}
} // namespace

class TestRevealKeyDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> f;
    SecretCanaries m_canaries;

    RevealKeyDialog *openReveal() const
    {
        for (auto *d : f->window->findChildren<RevealKeyDialog *>())
            if (d->isVisible())
                return d;
        return nullptr;
    }

    template <typename T = QWidget> T *in(QWidget *dialog, const char *name) const
    {
        return dialog->findChild<T *>(QString::fromLatin1(name));
    }

    // Creates a key through the dialog; returns the reveal dialog and the key (masked).
    RevealKeyDialog *createKey(const QString &name, QByteArray *maskedKey)
    {
        auto *d =
            new CreateKeyDialog(f->window->currentSession(), &f->clipboard, &f->clock,
                                f->sandbox.demoEmail(), Profile::sandboxName(), f->window.get());
        d->open();
        // The dialog's own field: the window may hold other "nameEdit"s.
        QTest::keyClicks(in<QLineEdit>(d, "nameEdit"), name);
        QTest::mouseClick(in<QPushButton>(d, "createButton"), Qt::LeftButton);
        if (!QTest::qWaitFor([this] { return openReveal() != nullptr; }, 10000))
            return nullptr;
        RevealKeyDialog *reveal = openReveal();
        QByteArray plain = in<QLineEdit>(reveal, "revealKeyEdit")->text().toLatin1();
        *maskedKey = masked(plain);
        wipeInPlace(plain);
        m_canaries.addMasked(*maskedKey);
        return reveal;
    }

    // Moves the injected clock and lets the session policy look at it.
    void advance(std::chrono::milliseconds by)
    {
        f->clock.advance(by);
        f->window->currentSession()->policy()->tick();
    }

    // The status of the key named `name` as the server lists it now ("" when not listed).
    QString serverStatus(const QString &name) const
    {
        SessionRequest *request = f->window->currentSession()->run(
            [](ApiClient &c) { return c.listApiKeys(QString(), 100, 0); });
        QString status;
        QSignalSpy done(request, &SessionRequest::finished);
        connect(request, &SessionRequest::finished, f->window.get(), [request, &status, name] {
            if (const ApiKeyPage *page = request->result<ApiKeyPage>()) {
                for (const ApiKey &key : page->keys) {
                    if (key.name == name)
                        status = key.status;
                }
            }
        });
        if (done.isEmpty())
            done.wait(10000);
        return status;
    }

    QMessageBox *confirmationIn(QWidget *reveal) const
    {
        auto *box = reveal->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"));
        return box && box->isVisible() ? box : nullptr;
    }

private slots:
    void initTestCase()
    {
        // E31: every plexe.* category on; stderr goes to a file grepped at the end.
        QVERIFY(m_canaries.begin(QStringLiteral("reveal-stderr.txt")));
        QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"),
                 "run under Xvfb (XVFB in tests/gui/CMakeLists.txt)");
    }

    void init()
    {
        f = std::make_unique<ConsoleFixture>();
        QVERIFY(f->startSandbox());
        f->openWindow();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
    }

    void cleanup()
    {
        // Not the settings folder: the canary check reads it at the end.
        QFile::copy(f->settings.fileName(),
                    QDir(qEnvironmentVariable("PLEXE_TEST_TMP", QDir::tempPath()))
                        .filePath(QStringLiteral("settings-%1.ini").arg(m_canaries.count())));
        f.reset();
    }

    void copyOffersTheKeyWithTheHintThenClears()
    {
        QByteArray key;
        RevealKeyDialog *reveal = createKey(QStringLiteral("clipboard test"), &key);
        QVERIFY(reveal);
        QTest::keyClick(reveal, Qt::Key_Escape);
        QVERIFY(reveal->isVisible());
        reveal->close(); // what the window's close button does: it asks (closeButtonAsks…)
        QVERIFY(reveal->isVisible());
        QTRY_VERIFY(confirmationIn(reveal));
        QTest::mouseClick(
            confirmationIn(reveal)->findChild<QPushButton *>(QStringLiteral("cancelButton")),
            Qt::LeftButton);
        QTRY_VERIFY(!confirmationIn(reveal));
        QVERIFY(reveal->isVisible());

        f->clipboard.setClearDelay(5s); // shortened; the injected clock decides when
        QTest::mouseClick(in<QPushButton>(reveal, "copyKeyButton"), Qt::LeftButton);
        QVERIFY(f->clipboard.holdsSecret());
        QVERIFY(clipboardHolds(key));
        const QByteArray targets =
            xclip({QStringLiteral("-selection"), QStringLiteral("clipboard"), QStringLiteral("-t"),
                   QStringLiteral("TARGETS"), QStringLiteral("-o")});
        QVERIFY2(targets.contains("x-kde-passwordManagerHint"), targets.constData());
        QCOMPARE(
            xclip({QStringLiteral("-selection"), QStringLiteral("clipboard"), QStringLiteral("-t"),
                   QStringLiteral("x-kde-passwordManagerHint"), QStringLiteral("-o")}),
            QByteArray("secret"));
        auto *line = in<MessageWidget>(reveal, "clipboardMessage");
        QVERIFY(line->isShowing());
        QVERIFY2(line->text().contains(QLatin1String("0:05")), qPrintable(line->text()));
        QVERIFY(in<QPushButton>(reveal, "clearClipboardButton"));
        QCOMPARE(in<QPushButton>(reveal, "clearClipboardButton")->accessibleName(),
                 QStringLiteral("Clear clipboard now"));

        f->clock.advance(4s);
        QTest::qWait(300);
        QVERIFY(clipboardHolds(key));
        f->clock.advance(1s);
        QTRY_VERIFY(!f->clipboard.holdsSecret());
        bool ok = true;
        QByteArray after = xclip(
            {QStringLiteral("-selection"), QStringLiteral("clipboard"), QStringLiteral("-o")}, &ok);
        QVERIFY2(after.isEmpty(), "the clipboard still has a value");
        QVERIFY(line->text().contains(QLatin1String("no longer on the clipboard")));

        // Copied again, then someone else copies: theirs stays when our delay is over.
        QTest::mouseClick(in<QPushButton>(reveal, "copyKeyButton"), Qt::LeftButton);
        QVERIFY(clipboardHolds(key));
        QProcess other;
        other.start(QStringLiteral("sh"),
                    {QStringLiteral("-c"), QStringLiteral("printf 'not a secret' | xclip "
                                                          "-selection clipboard -i")});
        QVERIFY(QTest::qWaitFor([&other] { return other.state() == QProcess::NotRunning; }, 5000));
        QTRY_VERIFY(!f->clipboard.holdsSecret()); // it noticed the value is no longer ours
        f->clock.advance(10s);
        QTest::qWait(300);
        QCOMPARE(xclip({QStringLiteral("-selection"), QStringLiteral("clipboard"),
                        QStringLiteral("-o")}),
                 QByteArray("not a secret"));

        // "Clear clipboard now" clears at once.
        QTest::mouseClick(in<QPushButton>(reveal, "copyKeyButton"), Qt::LeftButton);
        QVERIFY(clipboardHolds(key));
        QTest::mouseClick(in<QPushButton>(reveal, "clearClipboardButton"), Qt::LeftButton);
        QVERIFY(!f->clipboard.holdsSecret());
        QVERIFY(!clipboardHolds(key));

        QTest::mouseClick(in<QPushButton>(reveal, "storedButton"), Qt::LeftButton);
        QTRY_VERIFY(!openReveal());
    }

    void primarySelectionNeverGetsTheKey()
    {
        QByteArray key;
        RevealKeyDialog *reveal = createKey(QStringLiteral("selection test"), &key);
        QVERIFY(reveal);
        auto *edit = in<QLineEdit>(reveal, "revealKeyEdit");
        QTest::mouseClick(edit, Qt::LeftButton);
        QTRY_VERIFY(edit->hasSelectedText()); // selects all on focus
        QTest::mouseDClick(edit, Qt::LeftButton);
        QTest::keyClick(edit, Qt::Key_End, Qt::ShiftModifier);
        QTest::qWait(100);
        QVERIFY(!clipboardHolds(key, "primary"));
        // Ctrl+C in the field goes through the secret clipboard.
        QTest::keyClick(edit, Qt::Key_C, Qt::ControlModifier);
        QVERIFY(f->clipboard.holdsSecret());
        QVERIFY(reveal->wasCopied());
        QTest::mouseClick(in<QPushButton>(reveal, "storedButton"), Qt::LeftButton);
        QTRY_VERIFY(!openReveal());
        f->clipboard.clearNow();
    }

    void discardWithoutCopyAsksFirst()
    {
        QByteArray key;
        RevealKeyDialog *reveal = createKey(QStringLiteral("discard test"), &key);
        QVERIFY(reveal);
        QTest::mouseClick(in<QPushButton>(reveal, "storedButton"), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = reveal->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"))));
        QTRY_VERIFY(box->isVisible());
        QVERIFY(box->informativeText().contains(f->sandbox.demoEmail()));
        QVERIFY(box->informativeText().contains(QStringLiteral("Local sandbox")));
        QVERIFY(box->informativeText().contains(QStringLiteral("discard test")));
        // It says that discarding revokes, and the verb says so too.
        QVERIFY2(box->text().contains(QStringLiteral("revokes it on the server")),
                 qPrintable(box->text()));
        QCOMPARE(box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->text(),
                 QStringLiteral("Discard and revoke key"));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                          Qt::LeftButton);
        QTest::qWait(50);
        QVERIFY(openReveal());
        QTest::mouseClick(in<QPushButton>(reveal, "storedButton"), Qt::LeftButton);
        QTRY_VERIFY(
            (box = reveal->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"))) &&
            box->isVisible());
        // The dialog deletes itself on close: what it says is read while it is there.
        bool revokedByTheDialog = false;
        connect(reveal, &QDialog::finished, this,
                [reveal, &revokedByTheDialog] { revokedByTheDialog = reveal->wasRevoked(); });
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!openReveal(), 10000);
        QVERIFY(revokedByTheDialog);
        // Revoked on the server, not only gone from the screen.
        QCOMPARE(serverStatus(QStringLiteral("discard test")), QStringLiteral("revoked"));
    }

    void closeButtonAsksLikeIHaveStoredIt()
    {
        QByteArray key;
        RevealKeyDialog *reveal = createKey(QStringLiteral("close button test"), &key);
        QVERIFY(reveal);
        QTest::mouseClick(in<QPushButton>(reveal, "storedButton"), Qt::LeftButton);
        QTRY_VERIFY(confirmationIn(reveal));
        const QString storedQuestion = confirmationIn(reveal)->text();
        const QString storedTitle = confirmationIn(reveal)->windowTitle();
        QTest::mouseClick(
            confirmationIn(reveal)->findChild<QPushButton *>(QStringLiteral("cancelButton")),
            Qt::LeftButton);
        QTRY_VERIFY(!confirmationIn(reveal));

        reveal->close(); // the title bar's close button, Alt+F4
        QTRY_VERIFY(confirmationIn(reveal));
        QCOMPARE(confirmationIn(reveal)->text(), storedQuestion);
        QCOMPARE(confirmationIn(reveal)->windowTitle(), storedTitle);
        QVERIFY(reveal->isVisible());
        QTest::mouseClick(
            confirmationIn(reveal)->findChild<QPushButton *>(QStringLiteral("confirmButton")),
            Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!openReveal(), 10000);
        QCOMPARE(serverStatus(QStringLiteral("close button test")), QStringLiteral("revoked"));
    }

    void idleSignOutWaitsWhileTheKeyIsShown()
    {
        QByteArray key;
        RevealKeyDialog *reveal = createKey(QStringLiteral("idle test"), &key);
        QVERIFY(reveal);
        const QPointer<RevealKeyDialog> guard(reveal);
        auto *idle = in<MessageWidget>(reveal, "revealIdleMessage");
        QVERIFY(idle && !idle->isShowing());

        advance(14min + 1s); // the idle warning: the dialog counts down itself
        QVERIFY(idle->isShowing());
        QVERIFY2(idle->text().startsWith(QStringLiteral("You will be signed out in 0:5")),
                 qPrintable(idle->text()));
        advance(60s); // past the idle timeout, the key still on screen
        advance(5min);
        QVERIFY(f->window->currentSession()->isSignedIn());
        QCOMPARE(f->page(), QStringLiteral("workspace"));
        QVERIFY(guard && guard->isVisible());
        QTRY_COMPARE(idle->text(),
                     QStringLiteral("Signing out for inactivity waits until you close this "
                                    "window."));
        QVERIFY(
            in<QLineEdit>(reveal, "revealKeyEdit")->text().startsWith(QStringLiteral("plx_sk_")));
        QCOMPARE(serverStatus(QStringLiteral("idle test")), QStringLiteral("active"));

        // Closed: the idle timer runs again from there.
        QTest::mouseClick(in<QPushButton>(reveal, "copyKeyButton"), Qt::LeftButton);
        QTest::mouseClick(in<QPushButton>(reveal, "storedButton"), Qt::LeftButton);
        QTRY_VERIFY(!openReveal());
        advance(14min);
        QVERIFY(f->window->currentSession()->isSignedIn());
        advance(1min + 1s);
        QVERIFY(!f->window->currentSession()->isSignedIn());
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
    }

    void sessionEndRevokesTheUncopiedKeyAndSaysSoAtSignIn()
    {
        QByteArray key;
        RevealKeyDialog *reveal = createKey(QStringLiteral("lost with the session"), &key);
        QVERIFY(reveal);
        advance(12h); // the absolute lifetime is never held
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
        QTRY_VERIFY(!openReveal());

        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
        MessageWidget *banner = f->window->windowBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isShowing() &&
                                     banner->text().contains(QStringLiteral("It was revoked")),
                                 10000);
        QVERIFY2(banner->text().contains(QStringLiteral("“lost with the session”")),
                 qPrintable(banner->text()));
        QCOMPARE(serverStatus(QStringLiteral("lost with the session")), QStringLiteral("revoked"));
        // Said once: the notice is gone from the settings.
        QVERIFY(!f->settings.childGroups().contains(QStringLiteral("lostKeyNotices")) ||
                f->settings.value(QStringLiteral("lostKeyNotices/Local%20sandbox/keys/size"), 0)
                        .toInt() == 0);
    }

    void signOutClosesTheDialogAndClearsTheClipboard()
    {
        QByteArray key;
        RevealKeyDialog *reveal = createKey(QStringLiteral("sign-out test"), &key);
        QVERIFY(reveal);
        QTest::mouseClick(in<QPushButton>(reveal, "copyKeyButton"), Qt::LeftButton);
        QVERIFY(clipboardHolds(key));
        f->window->currentSession()->signOut();
        QTRY_VERIFY(!openReveal());
        QVERIFY(!f->clipboard.holdsSecret());
        QVERIFY(!clipboardHolds(key));
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
    }

    // C22, advisory: after the dialog closed, is the key still somewhere in this process?
    void memoryScanAfterClose()
    {
        QByteArray key;
        RevealKeyDialog *reveal = createKey(QStringLiteral("memory scan"), &key);
        QVERIFY(reveal);
        QTest::mouseClick(in<QPushButton>(reveal, "copyKeyButton"), Qt::LeftButton);
        QTest::mouseClick(in<QPushButton>(reveal, "clearClipboardButton"), Qt::LeftButton);
        QTest::mouseClick(in<QPushButton>(reveal, "storedButton"), Qt::LeftButton);
        QTRY_VERIFY(!openReveal());
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

        QByteArray wide; // the UTF-16 form, masked byte by byte like the rest
        for (char c : key)
            wide += c, wide += char(0 ^ kMask);
        QFile maps(QStringLiteral("/proc/self/maps"));
        QFile mem(QStringLiteral("/proc/self/mem"));
        QVERIFY(maps.open(QIODevice::ReadOnly) && mem.open(QIODevice::ReadOnly));
        int narrowHits = 0, wideHits = 0;
        QStringList where;
        const QList<QByteArray> lines = maps.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() < 2 || !parts[1].startsWith('r'))
                continue;
            const QList<QByteArray> range = parts[0].split('-');
            const quint64 from = range[0].toULongLong(nullptr, 16);
            const quint64 to = range.value(1).toULongLong(nullptr, 16);
            if (to <= from || to - from > 512ull * 1024 * 1024 || !mem.seek(qint64(from)))
                continue;
            QByteArray chunk = mem.read(qint64(to - from));
            for (char &c : chunk)
                c = char(c ^ kMask);
            const int n = int(chunk.count(key)), w = int(chunk.count(wide));
            if (n + w > 0)
                where << QString::fromLatin1(parts.size() > 5 ? parts[5] : QByteArray("[anon]"));
            narrowHits += n;
            wideHits += w;
        }
        // Report, don't fail: copies inside Qt (the JSON parser, the line edit's layout, the
        // network stack's buffers) are out of the console's reach (see RevealKeyDialog.h).
        qInfo("C22 advisory memory scan: %d narrow and %d UTF-16 copies of the key after close%s",
              narrowHits, wideHits,
              where.isEmpty() ? "" : qPrintable(QStringLiteral(" in ") + where.join(u',')));
    }

    // Last: the created keys nowhere in the logs, stderr, HOME, XDG folders or the settings.
    void canaryCheck()
    {
        QVERIFY(m_canaries.count() >= 4);
        m_canaries.end();
        QVERIFY(m_canaries.messages().size() > 10); // the debug categories were really on
        int files = 0;
        const QStringList leaks = m_canaries.leaks(&files);
        QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("a key in: ") + leaks.join(u", ")));
        QVERIFY(files >= 2); // the stderr capture and the settings
    }

    void cleanupTestCase() { m_canaries.end(); }
};

QTEST_MAIN(TestRevealKeyDialog)
#include "tst_revealkeydialog.moc"
