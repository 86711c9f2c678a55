// The guided rotation in the real window against a real sandbox: Rotate in the API Keys pane
// opens RotateKeyDialog naming key, account and profile; the replacement is revealed once and
// verified; the old key is then revoked now (a confirmation with the verb on the right and Cancel
// the default) or at a chosen time by ScheduledRevocations on the injected clock, or, overdue at
// the next start with a step-up needed, from the pane's reminder banner. Rotating the console's
// own API key keeps the window signed in with the new key in the keychain. And the Edit dialog
// keeps a name the server refuses next to its field.
#include "ConsoleFixture.h"
#include "SandboxBrowser.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "core/SecretBytes.h"
#include "keys/ApiKeyTableModel.h"
#include "keys/ApiKeysPane.h"
#include "keys/RevealKeyDialog.h"
#include "keys/RotateKeyDialog.h"
#include "keys/ScheduledRevocations.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

// A helper's QVERIFY returns from the helper only: stop the test function too.
#define STEP(call)                                                                                 \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

class TestRotateKeyDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> f;

    ApiKeysPane *pane() const { return f->window->apiKeysPane(); }
    QTableView *table() const { return f->find<QTableView>(QStringLiteral("keyTable")); }
    QAbstractItemModel *shown() const { return table()->model(); }

    template <typename T = QWidget> static T *in(QWidget *dialog, const char *name)
    {
        return dialog->findChild<T *>(QString::fromLatin1(name));
    }

    static void clickIn(QWidget *dialog, const char *name)
    {
        auto *button = in<QAbstractButton>(dialog, name);
        QVERIFY2(button, name);
        QVERIFY2(button->isVisible() && button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    template <typename T> T *visible(const QString &objectName = {}) const
    {
        for (T *w : f->window->findChildren<T *>(objectName)) {
            if (w->isVisible())
                return w;
        }
        return nullptr;
    }

    RotateKeyDialog *rotateDialog() const { return visible<RotateKeyDialog>(); }
    RevealKeyDialog *revealDialog() const { return visible<RevealKeyDialog>(); }
    QMessageBox *confirmation() const
    {
        return visible<QMessageBox>(QStringLiteral("confirmationDialog"));
    }
    QWidget *stepUpPrompt() const { return visible<QWidget>(QStringLiteral("stepUpPrompt")); }

    ScheduledRevocations *schedule() const
    {
        return f->window->currentSession()->findChild<ScheduledRevocations *>();
    }

    void signInWithPassword()
    {
        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
        waitForList();
    }

    void waitForList()
    {
        QCOMPARE(f->window->workspace()->currentPane(), pane());
        QTRY_VERIFY_WITH_TIMEOUT(
            f->find<QLabel>(QStringLiteral("countLabel"))->text().contains(QStringLiteral("key")),
            10000);
    }

    int rowOf(const QString &name) const
    {
        for (int row = 0; row < shown()->rowCount(); ++row) {
            if (shown()->index(row, ApiKeyTableModel::Name).data().toString() == name)
                return row;
        }
        return -1;
    }

    QString cell(int row, int column) const
    {
        return shown()->index(row, column).data().toString();
    }

    void select(const QString &name)
    {
        const int row = rowOf(name);
        QVERIFY2(row >= 0, qPrintable(name));
        table()->selectRow(row);
        QVERIFY(pane()->selectedKey());
        QCOMPARE(pane()->selectedKey()->name, name);
    }

    // A plain GET /auth/user made with nothing but `key`: the error (none when it works).
    ApiError getUserWith(const QByteArray &key) const
    {
        ApiCall *call =
            f->window->currentSession()->apiClient()->getUserWith(Credential::apiKey(key));
        QSignalSpy done(call, &ApiCall::finished);
        if (!done.wait(10000))
            return ApiError(ApiError::Kind::Network, QStringLiteral("no answer"));
        return call->error();
    }

    static void verifyRevoked(const ApiError &error)
    {
        QCOMPARE(error.httpStatus(), 401);
        QCOMPARE(error.code(), QStringLiteral("revoked_key"));
    }

    // Selects `name`, presses Rotate, checks what the dialog names and starts the rotation; the
    // replacement is revealed, copied and stored, and the steps say it is verified. Returns the
    // dialog and the new key (the caller wipes it).
    RotateKeyDialog *rotateUntilVerified(const QString &name, QByteArray *newKey)
    {
        select(name);
        const ApiKey old = *pane()->selectedKey();
        f->click(QStringLiteral("rotateButton"));
        if (!QTest::qWaitFor([this] { return rotateDialog() != nullptr; }, 5000))
            return nullptr;
        RotateKeyDialog *d = rotateDialog();
        const QString subject = in<QLabel>(d, "rotateSubject")->text();
        if (!subject.contains(QStringLiteral("%1 (%2)").arg(name, old.maskedKey())) ||
            !subject.contains(f->sandbox.demoEmail()) ||
            !subject.contains(Profile::sandboxName())) {
            qWarning() << "the dialog does not name key, account and profile:" << subject;
            return nullptr;
        }
        for (int step = 1; step <= 4; ++step) {
            if (!in<QLabel>(d, qPrintable(QStringLiteral("rotateStep%1").arg(step)))
                     ->text()
                     .startsWith(QStringLiteral("\u25CB"))) // all to do
                return nullptr;
        }
        auto *revoke = in<QPushButton>(d, "rotateRevokeButton");
        if (revoke->isVisible())
            return nullptr; // nothing to revoke before the replacement exists
        QTest::mouseClick(in<QPushButton>(d, "rotateStartButton"), Qt::LeftButton);

        if (!QTest::qWaitFor([this] { return revealDialog() != nullptr; }, 10000))
            return nullptr;
        RevealKeyDialog *reveal = revealDialog();
        *newKey = in<QLineEdit>(reveal, "revealKeyEdit")->text().toLatin1();
        if (!newKey->startsWith("plx_sk_"))
            return nullptr;
        // The old key cannot be revoked while the new one is only on screen.
        if (revoke->isEnabled())
            return nullptr;
        QTest::mouseClick(in<QPushButton>(reveal, "copyKeyButton"), Qt::LeftButton);
        QTest::mouseClick(in<QPushButton>(reveal, "storedButton"), Qt::LeftButton);
        if (!reveal->wasCopied()) { // no clipboard here: confirm the discard instead
            if (!QTest::qWaitFor([reveal] {
                    auto *box =
                        reveal->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"));
                    return box && box->isVisible();
                }))
                return nullptr;
            QTest::mouseClick(reveal->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"))
                                  ->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                              Qt::LeftButton);
        }
        if (!QTest::qWaitFor([this] { return revealDialog() == nullptr; }, 5000))
            return nullptr;
        // Created, stored, verified: only the revocation is left.
        if (!QTest::qWaitFor([revoke] { return revoke->isVisible() && revoke->isEnabled(); },
                             10000))
            return nullptr;
        for (int step = 1; step <= 3; ++step) {
            const QString text =
                in<QLabel>(d, qPrintable(QStringLiteral("rotateStep%1").arg(step)))->text();
            if (!text.startsWith(QStringLiteral("\u2713"))) {
                qWarning() << "step" << step << "is not done:" << text;
                return nullptr;
            }
        }
        if (!in<QLabel>(d, "rotateStep3")->accessibleName().endsWith(QStringLiteral(": done")))
            return nullptr;
        return d;
    }

    // Answers the confirmation: Cancel is the default, the verb (`verb`) is on its right.
    void confirm(const QString &verb)
    {
        QTRY_VERIFY(confirmation());
        QMessageBox *box = confirmation();
        const QString facts = box->informativeText();
        QVERIFY2(facts.contains(f->sandbox.demoEmail()), qPrintable(facts));
        QVERIFY2(facts.contains(Profile::sandboxName()), qPrintable(facts));
        auto *cancel = box->findChild<QPushButton *>(QStringLiteral("cancelButton"));
        auto *yes = box->findChild<QPushButton *>(QStringLiteral("confirmButton"));
        QVERIFY(cancel && yes);
        QCOMPARE(box->defaultButton(), cancel);
        QCOMPARE(yes->text(), verb);
        QVERIFY2(yes->mapTo(box, QPoint()).x() > cancel->mapTo(box, QPoint()).x(),
                 "the verb is not on the right of Cancel");
        QTest::mouseClick(yes, Qt::LeftButton);
    }

    void answerStepUp()
    {
        QTRY_VERIFY_WITH_TIMEOUT(stepUpPrompt(), 5000);
        QTest::keyClicks(stepUpPrompt()->findChild<QLineEdit *>(QStringLiteral("stepUpPassword")),
                         f->sandbox.demoPassword());
        QTest::mouseClick(
            stepUpPrompt()->findChild<QPushButton *>(QStringLiteral("stepUpConfirmButton")),
            Qt::LeftButton);
    }

    // Shows every key (Active, Revoked and Expired) and returns the status of `keyId`'s row.
    QString statusOf(const QString &keyId) const
    {
        f->find<QComboBox>(QStringLiteral("statusCombo"))->setCurrentIndex(2);
        for (int row = 0; row < shown()->rowCount(); ++row) {
            table()->selectRow(row);
            if (pane()->selectedKey() && pane()->selectedKey()->keyId == keyId)
                return cell(row, ApiKeyTableModel::Status);
        }
        return QString();
    }

    QString demoKeyId()
    {
        select(QStringLiteral("Demo key"));
        return pane()->selectedKey() ? pane()->selectedKey()->keyId : QString();
    }

    // Schedules the revocation of the rotated key at `due` (local time) in the dialog `d`.
    void scheduleAt(RotateKeyDialog *d, const QDateTime &due)
    {
        QTest::mouseClick(in<QRadioButton>(d, "revokeLaterRadio"), Qt::LeftButton);
        QVERIFY(in<QRadioButton>(d, "revokeLaterRadio")->isChecked());
        auto *when = in<QDateTimeEdit>(d, "revokeAt");
        QVERIFY(when->isEnabled());
        when->setDateTime(due);
        QCOMPARE(in<QPushButton>(d, "rotateRevokeButton")->text(),
                 QStringLiteral("Schedule revocation"));
        STEP(clickIn(d, "rotateRevokeButton"));
        STEP(confirm(QStringLiteral("Schedule revocation")));
        QTRY_VERIFY_WITH_TIMEOUT(
            in<QLabel>(d, "rotateStep4")->text().startsWith(QStringLiteral("\u2713")), 5000);
        QCOMPARE(in<QPushButton>(d, "rotateCancelButton")->text(), QStringLiteral("Close"));
        QCOMPARE(d->rotation()->state(), KeyRotation::State::Scheduled);
    }

    void closeDialog(RotateKeyDialog *d)
    {
        const QPointer<RotateKeyDialog> guard(d);
        clickIn(d, "rotateCancelButton");
        QTRY_VERIFY(!guard);
    }

private slots:
    void init()
    {
        f = std::make_unique<ConsoleFixture>();
        QVERIFY(f->startSandbox());
        f->openWindow();
        QVERIFY2(f->waitForPage(QStringLiteral("signInPage")),
                 qPrintable(f->page() + f->signInMessage()));
    }

    void cleanup()
    {
        // A session left in the keychain would be restored by the next test's window.
        if (f->window && f->window->currentSession() && f->window->currentSession()->isSignedIn()) {
            f->window->currentSession()->signOut();
            QTRY_VERIFY_WITH_TIMEOUT(
                !ConsoleFixture::keychainEntries().contains(QStringLiteral("Local sandbox/")),
                5000);
        }
        f.reset();
    }

    void rotateThenRevokeNow()
    {
        STEP(signInWithPassword());
        const QString oldId = demoKeyId();
        QByteArray newKey;
        RotateKeyDialog *d = rotateUntilVerified(QStringLiteral("Demo key"), &newKey);
        QVERIFY(d);
        QVERIFY(!getUserWith(f->sandbox.demoApiKey().toLatin1()).isError()); // both work still
        QVERIFY(in<QRadioButton>(d, "revokeNowRadio")->isChecked());
        QCOMPARE(in<QPushButton>(d, "rotateRevokeButton")->text(),
                 QStringLiteral("Revoke old key"));

        // Cancel in the confirmation revokes nothing.
        STEP(clickIn(d, "rotateRevokeButton"));
        QTRY_VERIFY(confirmation());
        QTest::mouseClick(confirmation()->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!confirmation());
        QCOMPARE(d->rotation()->state(), KeyRotation::State::ReadyToRevoke);

        STEP(clickIn(d, "rotateRevokeButton"));
        STEP(confirm(QStringLiteral("Revoke key")));
        QTRY_COMPARE_WITH_TIMEOUT(d->rotation()->state(), KeyRotation::State::Revoked, 10000);
        QVERIFY(in<QLabel>(d, "rotateStep4")->text().startsWith(QStringLiteral("\u2713")));
        verifyRevoked(getUserWith(f->sandbox.demoApiKey().toLatin1()));
        QVERIFY(!getUserWith(newKey).isError());
        wipeInPlace(newKey);

        STEP(closeDialog(d));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(oldId), QStringLiteral("Revoked"), 10000);
    }

    void scheduledRevocationRunsWhenDue()
    {
        STEP(signInWithPassword());
        const QString oldId = demoKeyId();
        QByteArray newKey;
        RotateKeyDialog *d = rotateUntilVerified(QStringLiteral("Demo key"), &newKey);
        QVERIFY(d);
        const QDateTime due = f->clock.now().addSecs(120);
        STEP(scheduleAt(d, due.toLocalTime()));
        STEP(closeDialog(d));
        ScheduledRevocations *revocations = schedule();
        QVERIFY(revocations);
        QCOMPARE(revocations->entries().size(), 1);
        QCOMPARE(revocations->entries().at(0).keyId, oldId);

        // Not before its time.
        f->clock.advance(60s);
        revocations->tick();
        // tick() sends a due revocation at once; none left for this key means none was due.
        QVERIFY(!revocations->isRevoking(oldId));
        QCOMPARE(revocations->entries().size(), 1);
        QVERIFY(!getUserWith(f->sandbox.demoApiKey().toLatin1()).isError());

        // Past it: the next tick (its timer's, here called at once) revokes, and the list shows it.
        QSignalSpy revoked(revocations, &ScheduledRevocations::revoked);
        f->clock.advance(61s + 1s);
        revocations->tick();
        QVERIFY(revoked.wait(10000));
        QVERIFY(revocations->entries().isEmpty());
        verifyRevoked(getUserWith(f->sandbox.demoApiKey().toLatin1()));
        QVERIFY(!getUserWith(newKey).isError());
        wipeInPlace(newKey);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(oldId), QStringLiteral("Revoked"), 10000);
    }

    // Issue 21 item 6: a revocation the demo account scheduled is not carried out while
    // another account is signed in on the same profile (there the key is unknown: 404, and it
    // used to be forgotten while it stayed active); its own account carries it out.
    void scheduledRevocationWaitsForItsOwnAccount()
    {
        STEP(signInWithPassword());
        const QString oldId = demoKeyId();
        QByteArray newKey;
        RotateKeyDialog *d = rotateUntilVerified(QStringLiteral("Demo key"), &newKey);
        QVERIFY(d);
        STEP(scheduleAt(d, f->clock.now().addSecs(120).toLocalTime()));
        STEP(closeDialog(d));
        ScheduledRevocations *revocations = schedule();
        QCOMPARE(revocations->entries().size(), 1);
        QCOMPARE(revocations->entries().at(0).account, f->sandbox.demoEmail());

        f->window->currentSession()->signOut();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        f->signInWithPassword(f->sandbox.seedValue(QStringLiteral("totp_email")),
                              f->sandbox.seedValue(QStringLiteral("totp_password")));
        QTRY_VERIFY_WITH_TIMEOUT(f->find<QWidget>(QStringLiteral("codeEdit"))->isVisible(), 10000);
        f->type(QStringLiteral("codeEdit"),
                totpCode(f->sandbox.seedValue(QStringLiteral("totp_secret")).toLatin1(),
                         QDateTime::currentSecsSinceEpoch()));
        f->click(QStringLiteral("verifyCodeButton"));
        QVERIFY(f->waitForPage(QStringLiteral("workspace")));
        QCOMPARE(schedule(), revocations); // one profile, one schedule

        f->clock.advance(3min);
        revocations->tick();
        QVERIFY(!revocations->isRevoking(oldId));
        QCOMPARE(revocations->entries().size(), 1);
        QVERIFY(!getUserWith(f->sandbox.demoApiKey().toLatin1()).isError());
        QTRY_VERIFY(pane()->reminderBanner()->isShowing());
        QVERIFY2(pane()->reminderBanner()->text().contains(f->sandbox.demoEmail()),
                 qPrintable(pane()->reminderBanner()->text()));

        // Its own account again: carried out on sign-in.
        QSignalSpy revoked(revocations, &ScheduledRevocations::revoked);
        f->window->currentSession()->signOut();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        STEP(signInWithPassword());
        QVERIFY(revoked.size() == 1 || revoked.wait(10000));
        QVERIFY(revocations->entries().isEmpty());
        verifyRevoked(getUserWith(f->sandbox.demoApiKey().toLatin1()));
        QVERIFY(!getUserWith(newKey).isError());
        wipeInPlace(newKey);
    }

    void overdueAtRestartRemindsThenRevokesWithStepUp()
    {
        STEP(signInWithPassword());
        const QString oldId = demoKeyId();
        QByteArray newKey;
        RotateKeyDialog *d = rotateUntilVerified(QStringLiteral("Demo key"), &newKey);
        QVERIFY(d);
        STEP(scheduleAt(d, f->clock.now().addSecs(120).toLocalTime()));
        STEP(closeDialog(d));
        QTRY_VERIFY_WITH_TIMEOUT(
            ConsoleFixture::keychainEntries().contains(QStringLiteral("Local sandbox/")), 5000);

        // Past the due time and the 10-minute step-up window, inside the idle timeout: restart.
        f->clock.advance(11min);
        f->openWindow();
        QVERIFY(f->waitForPage(QStringLiteral("workspace")));
        STEP(waitForList());
        QTRY_VERIFY_WITH_TIMEOUT(pane()->reminderBanner()->isShowing(), 5000);
        QVERIFY2(pane()->reminderBanner()->text().contains(QStringLiteral("overdue")),
                 qPrintable(pane()->reminderBanner()->text()));
        QVERIFY(!stepUpPrompt()); // no prompt out of nowhere
        QVERIFY(!getUserWith(f->sandbox.demoApiKey().toLatin1()).isError());
        QCOMPARE(schedule()->entries().size(), 1);

        QSignalSpy revoked(schedule(), &ScheduledRevocations::revoked);
        f->click(QStringLiteral("revokeOverdueButton"));
        STEP(answerStepUp());
        QVERIFY(revoked.size() == 1 || revoked.wait(10000));
        QVERIFY(schedule()->entries().isEmpty());
        QTRY_VERIFY(!pane()->reminderBanner()->isShowing()); // nothing left to remind of
        verifyRevoked(getUserWith(f->sandbox.demoApiKey().toLatin1()));
        QVERIFY(!getUserWith(newKey).isError());
        wipeInPlace(newKey);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(oldId), QStringLiteral("Revoked"), 10000);
    }

    void rotatingTheConsolesOwnKey()
    {
        f->click(QStringLiteral("apiKeyButton"));
        f->type(QStringLiteral("apiKeyEdit"), f->sandbox.demoApiKey());
        f->click(QStringLiteral("apiKeySignInButton"));
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
        STEP(waitForList());
        const QString oldId = demoKeyId();
        QVERIFY(f->window->currentSession()->isOwnApiKey(*pane()->selectedKey()));
        QByteArray newKey;
        RotateKeyDialog *d = rotateUntilVerified(QStringLiteral("Demo key"), &newKey);
        QVERIFY(d);
        QVERIFY(
            in<QLabel>(d, "rotateStep3")->text().contains(QStringLiteral("switch the console")));
        QVERIFY(d->rotation()->rotatesOwnCredential());
        // Switched before the old key is revoked.
        QVERIFY(f->window->currentSession()->isOwnApiKey(d->rotation()->newKey()));

        STEP(clickIn(d, "rotateRevokeButton"));
        STEP(confirm(QStringLiteral("Revoke key")));
        QTRY_COMPARE_WITH_TIMEOUT(d->rotation()->state(), KeyRotation::State::Revoked, 10000);
        STEP(closeDialog(d));
        QCOMPARE(f->page(), QStringLiteral("workspace"));
        QVERIFY(f->window->currentSession()->isSignedIn());
        verifyRevoked(getUserWith(f->sandbox.demoApiKey().toLatin1()));
        QVERIFY(!getUserWith(newKey).isError());
        wipeInPlace(newKey);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(oldId), QStringLiteral("Revoked"), 10000);

        // The keychain holds the new key: a restart restores the session and it works.
        f->openWindow();
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
        STEP(waitForList());
        QCOMPARE(statusOf(oldId), QStringLiteral("Revoked"));
        f->find<QComboBox>(QStringLiteral("statusCombo"))->setCurrentIndex(0);
        QTRY_VERIFY(rowOf(QStringLiteral("Demo key")) < 0);
        bool ownShown = false;
        for (int row = 0; row < shown()->rowCount(); ++row) {
            table()->selectRow(row);
            ownShown = ownShown || f->window->currentSession()->isOwnApiKey(*pane()->selectedKey());
        }
        QVERIFY(ownShown); // the session's key is the replacement listed as active
    }

    void editKeepsARefusedNameNextToItsField()
    {
        STEP(signInWithPassword());
        STEP(select(QStringLiteral("Demo key")));
        f->click(QStringLiteral("editButton"));
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = f->find<QWidget>(QStringLiteral("editKeyDialog"))) &&
                    dialog->isVisible());
        auto *name = in<QLineEdit>(dialog, "editNameEdit");
        name->clear();
        // QTest::keyClicks() types ASCII only; the field takes it as a paste would.
        name->insert(QStringLiteral("evil \u202Egnp.exe"));
        STEP(clickIn(dialog, "editSaveButton"));
        auto *error = in<QLabel>(dialog, "editNameError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QVERIFY(!error->text().isEmpty());
        QVERIFY(dialog->isVisible());
        QVERIFY(!in<QLabel>(dialog, "editError")->isVisible());
        QCOMPARE(name->text(), QStringLiteral("evil \u202Egnp.exe"));
        QCOMPARE(dialog->focusWidget(), name);
        // The server kept the old name.
        pane()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(QStringLiteral("Demo key")) >= 0, 10000);
    }
};

QTEST_MAIN(TestRotateKeyDialog)
#include "tst_rotatekeydialog.moc"
