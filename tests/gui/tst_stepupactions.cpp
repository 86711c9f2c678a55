// Every protected key action (create, edit, rotate, revoke) in the real window against a real
// sandbox, with a session signed in longer ago than the 10-minute step-up window (the injected
// clock): the action asks "Confirm it is you" with the focus in the password field, the password
// is typed into whatever has the focus, and the action then completes on the server without
// being pressed again (issue 21, item 10). Checked by listing the keys on the sandbox.
#include "ConsoleFixture.h"
#include "api/ApiClient.h"
#include "api/ApiKey.h"
#include "keys/ApiKeyTableModel.h"
#include "keys/ApiKeysPane.h"
#include "keys/RevealKeyDialog.h"
#include "session/SessionRequest.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

class TestStepUpActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> f;

    ApiKeysPane *pane() const { return f->window->apiKeysPane(); }
    QTableView *table() const { return f->find<QTableView>(QStringLiteral("keyTable")); }

    template <typename T = QWidget> T *visible(const QString &objectName) const
    {
        for (T *w : f->window->findChildren<T *>(objectName)) {
            if (w->isVisible())
                return w;
        }
        return nullptr;
    }

    void signIn()
    {
        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
        QCOMPARE(f->window->workspace()->currentPane(), pane());
        QTRY_VERIFY_WITH_TIMEOUT(
            f->find<QLabel>(QStringLiteral("countLabel"))->text().contains(QStringLiteral("key")),
            10000);
    }

    // Every key of the account as the server lists it now.
    QList<ApiKey> serverKeys() const
    {
        SessionRequest *request = f->window->currentSession()->run(
            [](ApiClient &c) { return c.listApiKeys(QString(), 100, 0); });
        QList<ApiKey> keys;
        QSignalSpy done(request, &SessionRequest::finished);
        connect(request, &SessionRequest::finished, f->window.get(), [request, &keys] {
            if (const ApiKeyPage *page = request->result<ApiKeyPage>())
                keys = page->keys;
            else
                qWarning() << "listing failed:" << request->error().userMessage();
        });
        if (done.isEmpty())
            done.wait(10000);
        return keys;
    }

    QString serverStatus(const QString &name) const
    {
        for (const ApiKey &key : serverKeys()) {
            if (key.name == name)
                return key.status;
        }
        return QString();
    }

    // A key made through the API while the sign-in is fresh (no prompt), then listed.
    void createKey(const QString &name)
    {
        SessionRequest *request = f->window->currentSession()->run(
            [name](ApiClient &c) { return c.createApiKey(name, QStringLiteral("read_write")); },
            true);
        QSignalSpy done(request, &SessionRequest::finished);
        bool ok = false;
        connect(request, &SessionRequest::finished, f->window.get(), [request, &ok] {
            ok = request->isOk();
            if (CreatedApiKey *key = request->result<CreatedApiKey>())
                key->wipe();
        });
        QVERIFY(!done.isEmpty() || done.wait(10000));
        QVERIFY(ok);
        pane()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(name) >= 0, 10000);
    }

    int rowOf(const QString &name) const
    {
        QAbstractItemModel *shown = table()->model();
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, ApiKeyTableModel::Name).data().toString() == name)
                return row;
        }
        return -1;
    }

    void select(const QString &name)
    {
        const int row = rowOf(name);
        QVERIFY2(row >= 0, qPrintable(name));
        table()->selectRow(row);
        QCOMPARE(pane()->selectedKey()->name, name);
    }

    // The prompt opens with the password field focused; the password goes to whatever has the
    // focus, and Enter confirms.
    void answerStepUpByTyping()
    {
        QWidget *prompt = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((prompt = visible(QStringLiteral("stepUpPrompt"))), 5000);
        QWidget *field = prompt->findChild<QWidget *>(QStringLiteral("stepUpPassword"));
        QVERIFY(field);
        // The prompt's window is activated from the event loop: wait for the focus to land.
        const auto focused = [] {
            return QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                               : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(focused(), field->objectName(), 3000);
        QTest::keyClicks(QApplication::focusWidget(), f->sandbox.demoPassword());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    }

private slots:
    void init()
    {
        f = std::make_unique<ConsoleFixture>();
        QVERIFY(f->startSandbox());
        f->openWindow();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        signIn();
        if (QTest::currentTestFailed())
            return;
        f->window->activateWindow();
    }

    void cleanup() { f.reset(); }

    void createCompletesAfterStepUp()
    {
        f->clock.advance(11min); // outside the step-up window, inside the idle timeout
        f->click(QStringLiteral("createKeyButton"));
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = visible(QStringLiteral("createKeyDialog"))));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                         QStringLiteral("after step-up"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createButton")),
                          Qt::LeftButton);
        answerStepUpByTyping();
        // Created with the one press: the key is revealed, and the server lists it.
        QTRY_VERIFY_WITH_TIMEOUT(visible<RevealKeyDialog>(QString()), 15000);
        QCOMPARE(serverStatus(QStringLiteral("after step-up")), QStringLiteral("active"));
    }

    void editCompletesAfterStepUp()
    {
        createKey(QStringLiteral("before edit"));
        select(QStringLiteral("before edit"));
        f->clock.advance(11min);
        f->click(QStringLiteral("editButton"));
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = visible(QStringLiteral("editKeyDialog"))));
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("editNameEdit"));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("after edit"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("editSaveButton")),
                          Qt::LeftButton);
        answerStepUpByTyping();
        QTRY_VERIFY_WITH_TIMEOUT(!visible(QStringLiteral("editKeyDialog")), 15000);
        QCOMPARE(serverStatus(QStringLiteral("after edit")), QStringLiteral("active"));
        QVERIFY(serverStatus(QStringLiteral("before edit")).isEmpty());
    }

    void rotateCompletesAfterStepUp()
    {
        createKey(QStringLiteral("to rotate"));
        select(QStringLiteral("to rotate"));
        f->clock.advance(11min);
        f->click(QStringLiteral("rotateButton"));
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = visible(QStringLiteral("rotateKeyDialog"))));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("rotateStartButton")),
                          Qt::LeftButton);
        answerStepUpByTyping();
        // The replacement is created with the one press: revealed, and listed by the server.
        QTRY_VERIFY_WITH_TIMEOUT(visible<RevealKeyDialog>(QString()), 15000);
        bool listed = false;
        for (const ApiKey &key : serverKeys())
            listed = listed || (key.name.startsWith(QStringLiteral("to rotate (rotated")) &&
                                key.status == QLatin1String("active"));
        QVERIFY(listed);
    }

    void revokeCompletesAfterStepUp()
    {
        createKey(QStringLiteral("to revoke"));
        select(QStringLiteral("to revoke"));
        f->clock.advance(11min);
        f->click(QStringLiteral("revokeButton"));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = visible<QMessageBox>(QStringLiteral("confirmationDialog"))));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        answerStepUpByTyping();
        QTRY_COMPARE_WITH_TIMEOUT(serverStatus(QStringLiteral("to revoke")),
                                  QStringLiteral("revoked"), 15000);
    }
};

QTEST_MAIN(TestStepUpActions)
#include "tst_stepupactions.moc"
