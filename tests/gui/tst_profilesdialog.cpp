// Managing profiles from the window: add with validation (an error keeps what was typed),
// built-ins locked, remove after a confirmation, and the switcher following along.
#include "ConsoleFixture.h"
#include "logs/RequestJournal.h"
#include "session/SessionOrigin.h"

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

    // A session stored in the real keychain under `profile`'s id, made for its origin.
    static void storeSession(ConsoleFixture &f, const Profile &profile, const QByteArray &apiKey)
    {
        StoredSession s;
        s.profile = profile.id;
        s.apiKey = apiKey;
        s.meta.kind = QStringLiteral("api_key");
        s.meta.createdAt = f.clock.now();
        s.meta.lastActivity = f.clock.now();
        s.meta.authTime = f.clock.now();
        s.meta.origin = SessionOrigin::of(profile.endpoint());
        bool saved = false;
        f.store.save(s, nullptr, [&saved](const SessionStore::Outcome &o) {
            QCOMPARE(o.status, SessionStore::Status::Ok);
            saved = true;
        });
        QTRY_VERIFY(saved);
    }

    // Removes `name` through Manage… as a user does.
    void removeThroughTheDialog(ConsoleFixture &f, const QString &name)
    {
        f.click(QStringLiteral("manageProfilesButton"));
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = visible(f, QStringLiteral("profilesDialog"))));
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("profileList"));
        const QList<QListWidgetItem *> items = list->findItems(name, Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        list->setCurrentItem(items.first());
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("removeProfileButton")),
                          Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmationDialog"))));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(list->findItems(name, Qt::MatchExactly).isEmpty());
        dialog->close();
    }

private slots:
    // Issue 21 item 4: removing a profile that was not opened in this run deletes what the
    // keychain and the disk keep for it; a new profile with the same name starts empty.
    void removingAProfileNeverOpenedLeavesNothing()
    {
        ConsoleFixture f;
        QString error;
        QVERIFY(f.profiles.add(Profile{QString(), QStringLiteral("Staging"),
                                       QUrl(QStringLiteral("https://staging.example.com")), QUrl(),
                                       QString(), QString(), false},
                               &error));
        const Profile staging = *f.profiles.find(QStringLiteral("Staging"));
        storeSession(f, staging, "plx_sk_stored_for_staging_0000");
        const QString journal = RequestJournal::pathForProfile(staging.id);
        QVERIFY(QDir().mkpath(QFileInfo(journal).absolutePath()));
        QFile file(journal);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{}\n");
        file.close();
        QVERIFY(f.keychainEntries().contains(staging.id + QStringLiteral("/api_key")));

        f.openWindow(); // opens the sandbox profile; Staging is never opened
        QVERIFY(f.waitForPage(QStringLiteral("signInPage")));
        removeThroughTheDialog(f, QStringLiteral("Staging"));
        QTRY_VERIFY_WITH_TIMEOUT(!f.keychainEntries().contains(staging.id + QLatin1Char('/')),
                                 5000);
        QVERIFY(!QFile::exists(journal));

        // The same name again: another id, nothing restored, the sign-in page.
        QVERIFY(f.profiles.add(Profile{QString(), QStringLiteral("Staging"),
                                       QUrl(QStringLiteral("https://staging.example.com")), QUrl(),
                                       QString(), QString(), false},
                               &error));
        QVERIFY(f.profiles.find(QStringLiteral("Staging"))->id != staging.id);
    }

    // Issue 21 item 5: a rename keeps what is kept for the profile (it is keyed by the id): the
    // stored session is restored under the new name after a restart.
    void renameKeepsTheStoredSession()
    {
        ConsoleFixture f;
        QVERIFY(f.startSandbox());
        QString error;
        Profile mine{QString(),
                     QStringLiteral("Mine"),
                     f.sandbox.baseUrl(),
                     QUrl(),
                     QString(),
                     f.sandbox.caPath(),
                     false};
        QVERIFY(f.profiles.add(mine, &error));
        mine = *f.profiles.find(QStringLiteral("Mine"));
        storeSession(f, mine, f.sandbox.demoApiKey().toLatin1());
        Profile renamed = mine;
        renamed.name = QStringLiteral("Mine, renamed");
        QVERIFY2(f.profiles.update(QStringLiteral("Mine"), renamed, &error), qPrintable(error));
        f.openWindow();
        f.window->openProfile(QStringLiteral("Mine, renamed"));
        QVERIFY2(f.waitForPage(QStringLiteral("workspace")), qPrintable(f.signInMessage()));
        QCOMPARE(f.window->currentSession()->profile(), mine.id);
        QCOMPARE(f.window->currentSession()->profileName(), QStringLiteral("Mine, renamed"));
        f.window->currentSession()->signOut();
        QTRY_VERIFY_WITH_TIMEOUT(!f.keychainEntries().contains(mine.id + QLatin1Char('/')), 5000);
    }

    // Issue 21 item 2 in the window: the profile's address changed since the session was
    // stored; the sign-in page says so and the keychain no longer has it.
    void changedAddressSignsOutLocallyAndSaysWhy()
    {
        ConsoleFixture f;
        QVERIFY(f.startSandbox());
        QString error;
        Profile mine{QString(),
                     QStringLiteral("Mine"),
                     QUrl(QStringLiteral("https://old.example")),
                     QUrl(),
                     QString(),
                     QString(),
                     false};
        QVERIFY(f.profiles.add(mine, &error));
        mine = *f.profiles.find(QStringLiteral("Mine"));
        storeSession(f, mine, f.sandbox.demoApiKey().toLatin1());
        Profile moved = mine;
        moved.apiUrl = f.sandbox.baseUrl();
        moved.caFile = f.sandbox.caPath();
        QVERIFY2(f.profiles.update(QStringLiteral("Mine"), moved, &error), qPrintable(error));
        f.openWindow();
        f.window->openProfile(QStringLiteral("Mine"));
        QVERIFY(f.waitForPage(QStringLiteral("signInPage")));
        QTRY_VERIFY(f.signInMessage().contains(QStringLiteral("old.example")));
        QTRY_VERIFY_WITH_TIMEOUT(!f.keychainEntries().contains(mine.id + QLatin1Char('/')), 5000);
    }

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
