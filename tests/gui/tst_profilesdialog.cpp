// Managing profiles from the window: add with validation (an error keeps what was typed),
// built-ins locked, remove after a confirmation, and the switcher following along.
#include "ConsoleFixture.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>

using namespace plexe;
using namespace plexe::test;

class TestProfilesDialog : public QObject
{
    Q_OBJECT

    QWidget *visible(ConsoleFixture &f, const QString &name)
    {
        for (QWidget *w : f.window->findChildren<QWidget *>(name)) {
            if (w->isVisible())
                return w;
        }
        return nullptr;
    }

private slots:
    void addValidateSwitchAndRemove()
    {
        ConsoleFixture f;
        f.openWindow();
        QVERIFY(f.waitForPage(QStringLiteral("signInPage")));
        f.click(QStringLiteral("manageProfilesButton"));
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = visible(f, QStringLiteral("profilesDialog"))));
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("profileList"));
        QCOMPARE(list->count(), 2);
        list->setCurrentRow(0); // Plexe Cloud: built in
        QVERIFY(
            !dialog->findChild<QPushButton *>(QStringLiteral("editProfileButton"))->isEnabled());
        QVERIFY(
            !dialog->findChild<QPushButton *>(QStringLiteral("removeProfileButton"))->isEnabled());

        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("addProfileButton")),
                          Qt::LeftButton);
        QWidget *edit = nullptr;
        QTRY_VERIFY((edit = visible(f, QStringLiteral("profileEditDialog"))));
        QTest::keyClicks(edit->findChild<QLineEdit *>(QStringLiteral("nameEdit")),
                         QStringLiteral("Staging"));
        auto *url = edit->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
        QTest::keyClicks(url, QStringLiteral("http://staging.example.com"));
        QTest::mouseClick(edit->findChild<QPushButton *>(QStringLiteral("saveProfileButton")),
                          Qt::LeftButton);
        auto *error = edit->findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        QVERIFY(edit->isVisible());
        QCOMPARE(url->text(), QStringLiteral("http://staging.example.com")); // nothing lost
        url->clear();
        QTest::keyClicks(url, QStringLiteral("https://staging.example.com"));
        QTest::mouseClick(edit->findChild<QPushButton *>(QStringLiteral("saveProfileButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!visible(f, QStringLiteral("profileEditDialog")));
        QCOMPARE(list->count(), 3);
        auto *switcher = f.find<QComboBox>(QStringLiteral("profileSwitcher"));
        QVERIFY(switcher->findText(QStringLiteral("Staging")) >= 0);
        // Stored for the next start, without secrets.
        QVERIFY(f.profiles.stored(QStringLiteral("Staging")).has_value());

        list->setCurrentRow(2);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("removeProfileButton")),
                          Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"))));
        QVERIFY(box->informativeText().contains(QStringLiteral("Staging")));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(list->count(), 2);
        QCOMPARE(switcher->findText(QStringLiteral("Staging")), -1);
    }
};

QTEST_MAIN(TestProfilesDialog)
#include "tst_profilesdialog.moc"
