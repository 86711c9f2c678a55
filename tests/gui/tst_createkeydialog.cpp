// CreateKeyDialog against a real sandbox: the form's rules (name counted as the server counts,
// Read-only preselected, expiry choices), accessible names, a 422 next to its field, the 429
// countdown on the 11th creation in an hour, the reveal that follows, and a keyboard-only run.
#include "ConsoleFixture.h"
#include "api/ApiClient.h"
#include "core/SecretBytes.h"
#include "keys/CreateKeyDialog.h"
#include "keys/RevealKeyDialog.h"
#include "session/SessionRequest.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

class TestCreateKeyDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> f;

    // The dialog's own controls: the window has other widgets with the same object names
    // (the profile editor's "nameEdit", for one), so never look them up window-wide.
    static void typeIn(QWidget *d, const char *name, const QString &text)
    {
        auto *edit = d->findChild<QLineEdit *>(QString::fromLatin1(name));
        QVERIFY2(edit, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    static void clickIn(QWidget *d, const char *name)
    {
        auto *button = d->findChild<QAbstractButton *>(QString::fromLatin1(name));
        QVERIFY2(button, name);
        QVERIFY2(button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    CreateKeyDialog *openDialog()
    {
        auto *dialog =
            new CreateKeyDialog(f->window->currentSession(), &f->clipboard, &f->clock,
                                f->sandbox.demoEmail(), Profile::sandboxName(), f->window.get());
        dialog->open();
        return dialog;
    }

    template <typename T = QWidget> T *in(QWidget *dialog, const char *name) const
    {
        return dialog->findChild<T *>(QString::fromLatin1(name));
    }

    RevealKeyDialog *openReveal() const
    {
        for (auto *d : f->window->findChildren<RevealKeyDialog *>())
            if (d->isVisible())
                return d;
        return nullptr;
    }

    // Leaves the reveal dialog the only sanctioned way, confirming the discard when not copied.
    void leaveReveal(RevealKeyDialog *reveal)
    {
        QTest::mouseClick(in<QPushButton>(reveal, "storedButton"), Qt::LeftButton);
        if (!reveal->wasCopied()) {
            QMessageBox *box = nullptr;
            QTRY_VERIFY(
                (box = reveal->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"))) &&
                box->isVisible());
            QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                              Qt::LeftButton);
        }
        QTRY_VERIFY(!openReveal());
    }

private slots:
    void init()
    {
        f = std::make_unique<ConsoleFixture>();
        SandboxProcess::Options options;
        options.keyCreateLimit = 10; // the contract's limit: the 11th in an hour is refused
        QVERIFY(f->startSandbox(options));
        f->openWindow();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
    }

    void cleanup() { f.reset(); }

    void formDefaultsAndAccessibleNames()
    {
        CreateKeyDialog *d = openDialog();
        QCOMPARE(d->windowTitle(), QStringLiteral("Create key"));
        QVERIFY(in<QRadioButton>(d, "readOnlyRadio")->isChecked());
        QVERIFY(!in<QRadioButton>(d, "readWriteRadio")->isChecked());
        auto *create = in<QPushButton>(d, "createButton");
        QVERIFY(create->isDefault());
        QVERIFY(!create->isEnabled());
        const QList<std::pair<const char *, QString>> names = {
            {"nameEdit", QStringLiteral("Key name")},
            {"readOnlyRadio", QStringLiteral("Read-only")},
            {"readWriteRadio", QStringLiteral("Read & write")},
            {"expiryCombo", QStringLiteral("Expires")},
            {"createButton", QStringLiteral("Create")},
        };
        for (const auto &[object, name] : names)
            QCOMPARE(in(d, object)->accessibleName(), name);
        // Every widget that takes the focus has a name and an accessible name.
        for (QWidget *w : d->findChildren<QWidget *>()) {
            if (w->focusPolicy() == Qt::NoFocus || qobject_cast<QLabel *>(w) ||
                !w->parentWidget() || w->objectName().startsWith(QLatin1String("qt_")))
                continue;
            if (w->parentWidget()->inherits("QAbstractSpinBox") ||
                w->parentWidget()->inherits("QComboBox"))
                continue; // the inner editor of a date edit or combo box
            QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
        d->reject();
    }

    void nameCountedAsTheServerCounts()
    {
        CreateKeyDialog *d = openDialog();
        auto *create = in<QPushButton>(d, "createButton");
        auto *error = in<QLabel>(d, "nameError");
        typeIn(d, "nameEdit", QStringLiteral("   "));
        QVERIFY(!create->isEnabled());
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Enter a name for the key."));
        // 100 emoji: 200 UTF-16 units, 100 characters.
        QString emoji;
        for (int i = 0; i < 100; ++i)
            emoji += QString::fromUcs4(U"\U0001F511");
        in<QLineEdit>(d, "nameEdit")->setText(emoji);
        QVERIFY(create->isEnabled());
        QVERIFY(!error->isVisible() || error->text().isEmpty());
        QCOMPARE(in<QLabel>(d, "nameCount")->text(), QStringLiteral("100/100"));
        in<QLineEdit>(d, "nameEdit")->setText(emoji + QStringLiteral("x"));
        QVERIFY(!create->isEnabled());
        QVERIFY(error->isVisible());
        // "e" + a combining accent is one character once in NFC, as the server stores it.
        QString accented;
        for (int i = 0; i < 100; ++i)
            accented += QStringLiteral("e\u0301");
        in<QLineEdit>(d, "nameEdit")->setText(accented);
        QVERIFY(create->isEnabled());
        d->reject();
    }

    void createsTrimmedReadOnlyKeyAndReveals()
    {
        CreateKeyDialog *d = openDialog();
        QSignalSpy created(d, &CreateKeyDialog::keyCreated);
        typeIn(d, "nameEdit", QStringLiteral("  ci deploy  "));
        auto *combo = in<QComboBox>(d, "expiryCombo");
        combo->setCurrentIndex(1);
        QCOMPARE(d->expirationDays(), std::optional<int>(30));
        clickIn(d, "createButton");
        QVERIFY(created.size() == 1 || created.wait(10000));
        const auto info = created.first().first().value<ApiKey>();
        QCOMPARE(info.name, QStringLiteral("ci deploy"));
        QCOMPARE(info.permissionLevel, QStringLiteral("read_only"));
        QVERIFY(info.expiresAt.isValid());
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().daysTo(info.expiresAt) - 30) <= 1);
        QTRY_VERIFY(openReveal());
        RevealKeyDialog *reveal = openReveal();
        QCOMPARE(reveal->keyInfo().keyId, info.keyId);
        QCOMPARE(in<QLabel>(reveal, "revealKeyId")->text(), info.keyId);
        QVERIFY(
            in<QLineEdit>(reveal, "revealKeyEdit")->text().startsWith(QLatin1String("plx_sk_")));
        QTRY_VERIFY(!f->window->findChild<CreateKeyDialog *>());
        leaveReveal(reveal); // not copied: asks to confirm the discard
    }

    void expiryOnADate()
    {
        CreateKeyDialog *d = openDialog();
        auto *combo = in<QComboBox>(d, "expiryCombo");
        auto *date = in<QDateEdit>(d, "expiryDate");
        QVERIFY(!date->isVisible());
        combo->setCurrentIndex(4);
        QVERIFY(date->isVisible());
        const QDate today = f->clock.now().toLocalTime().date();
        date->setDate(today.addDays(45));
        QCOMPARE(d->expirationDays(), std::optional<int>(45));
        combo->setCurrentIndex(0);
        QCOMPARE(d->expirationDays(), std::optional<int>());
        d->reject();
    }

    void serverRefusalLandsNextToItsField()
    {
        CreateKeyDialog *d = openDialog();
        // A right-to-left override passes the documented rule; this server refuses it.
        in<QLineEdit>(d, "nameEdit")->setText(QStringLiteral("evil\u202Egnp.exe"));
        clickIn(d, "createButton");
        auto *nameError = in<QLabel>(d, "nameError");
        QTRY_VERIFY_WITH_TIMEOUT(nameError->isVisible(), 10000);
        QVERIFY2(nameError->text().contains(QLatin1String("invisible")),
                 qPrintable(nameError->text()));
        QCOMPARE(QApplication::focusWidget(), in(d, "nameEdit"));
        QVERIFY(!in<MessageWidget>(d, "createKeyMessage")->isShowing());

        // A date further out than the server allows: the server says so, by the expiry.
        typeIn(d, "nameEdit", QStringLiteral("far future"));
        in<QComboBox>(d, "expiryCombo")->setCurrentIndex(4);
        in<QDateEdit>(d, "expiryDate")->setDate(f->clock.now().date().addYears(20));
        clickIn(d, "createButton");
        auto *expiryError = in<QLabel>(d, "expiryError");
        QTRY_VERIFY_WITH_TIMEOUT(expiryError->isVisible(), 10000);
        QVERIFY2(expiryError->text().contains(QLatin1String("expiration_days")),
                 qPrintable(expiryError->text()));
        QVERIFY(!nameError->isVisible());
        d->reject();
        QVERIFY(!openReveal());
    }

    void eleventhCreationInAnHourShowsCountdown()
    {
        SessionManager *session = f->window->currentSession();
        for (int i = 0; i < 10; ++i) {
            SessionRequest *r = session->run(
                [i](ApiClient &c) {
                    return c.createApiKey(QStringLiteral("burst %1").arg(i),
                                          QStringLiteral("read_only"));
                },
                true);
            bool ok = false;
            connect(r, &SessionRequest::finished, this, [r, &ok] {
                ok = r->isOk();
                if (CreatedApiKey *k = r->result<CreatedApiKey>())
                    wipeInPlace(k->key);
            });
            QSignalSpy done(r, &SessionRequest::finished);
            QVERIFY(done.wait(10000));
            QVERIFY(ok);
        }
        CreateKeyDialog *d = openDialog();
        typeIn(d, "nameEdit", QStringLiteral("one too many"));
        clickIn(d, "createButton");
        auto *message = in<MessageWidget>(d, "createKeyMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isShowing(), 10000);
        QVERIFY2(message->text().startsWith(
                     QStringLiteral("Too many keys were created recently. You can create "
                                    "another in ")),
                 qPrintable(message->text()));
        QCOMPARE(message->kind(), MessageWidget::Kind::Warning);
        QVERIFY(!in<QPushButton>(d, "createButton")->isEnabled());
        QVERIFY(!openReveal());
        d->reject();
    }

    void keyboardOnlyCreateCopyConfirm()
    {
        CreateKeyDialog *d = openDialog();
        QTRY_COMPARE(QApplication::focusWidget(), in(d, "nameEdit"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("keyboard only"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Create is the default
        QTRY_VERIFY_WITH_TIMEOUT(openReveal(), 10000);
        RevealKeyDialog *reveal = openReveal();
        QTRY_VERIFY(reveal->isActiveWindow() || QApplication::focusWidget());
        QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == reveal);
        // Enter copies (Copy is the default), Ctrl+C in the field goes the same way.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(f->clipboard.holdsSecret());
        QVERIFY(reveal->wasCopied());
        for (int i = 0;
             i < 10 && QApplication::focusWidget()->objectName() != QLatin1String("storedButton");
             ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("storedButton"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTRY_VERIFY(!openReveal());
        f->clipboard.clearNow();
    }
};

QTEST_MAIN(TestCreateKeyDialog)
#include "tst_createkeydialog.moc"
