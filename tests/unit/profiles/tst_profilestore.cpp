// ProfileStore: the built-ins, add/edit/remove, validation, reload from QSettings, and
// per-run overrides that never reach the settings file.
#include "profiles/ProfileStore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace plexe;

namespace {

Profile custom(const QString &name, const QString &url)
{
    Profile profile;
    profile.name = name;
    profile.apiUrl = QUrl(url);
    return profile;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QSettings> openSettings() const
    {
        return std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    }
    QByteArray settingsFile() const
    {
        QFile file(settingsPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void init() { QFile::remove(settingsPath()); }

    void builtInsComeFirst()
    {
        auto settings = openSettings();
        ProfileStore store(settings.get());
        const QList<Profile> all = store.profiles();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, QStringLiteral("Plexe Cloud"));
        QCOMPARE(all.at(0).apiUrl, QUrl(QStringLiteral("https://api.plexe.ai")));
        QVERIFY(all.at(0).builtIn);
        QVERIFY(!all.at(0).isSandbox());
        QCOMPARE(all.at(1).name, QStringLiteral("Local sandbox"));
        QVERIFY(all.at(1).apiUrl.isEmpty());
        QVERIFY(all.at(1).isSandbox());
        QCOMPARE(store.lastUsed(), Profile::cloudName());
        QCOMPARE(all.at(0).endpoint().baseUrl, all.at(0).apiUrl);

        QVERIFY(store.add(custom(QStringLiteral("Staging"), QStringLiteral("https://s.example")),
                          nullptr));
        QCOMPARE(store.profiles().size(), 3);
        QCOMPARE(store.profiles().at(2).name, QStringLiteral("Staging"));
        QVERIFY(!store.profiles().at(2).isSandbox());
    }

    void addEditRemove()
    {
        auto settings = openSettings();
        ProfileStore store(settings.get());
        QSignalSpy changed(&store, &ProfileStore::changed);
        QString error;
        QVERIFY(store.add(custom(QStringLiteral("Staging"), QStringLiteral("https://s.example")),
                          &error));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!store.add(custom(QStringLiteral("staging"), QStringLiteral("https://t.example")),
                           &error));
        QVERIFY(error.contains(QStringLiteral("exists")));
        QVERIFY(!store.add(
            custom(QStringLiteral("Plexe Cloud"), QStringLiteral("https://t.example")), &error));

        store.setLastUsed(QStringLiteral("Staging"));
        Profile edited = custom(QStringLiteral("Staging 2"), QStringLiteral("https://s2.example"));
        edited.oidcIssuer = QUrl(QStringLiteral("https://id.example"));
        edited.oidcClientId = QStringLiteral("console");
        QVERIFY2(store.update(QStringLiteral("Staging"), edited, &error), qPrintable(error));
        QCOMPARE(changed.count(), 2);
        QVERIFY(!store.find(QStringLiteral("Staging")));
        QCOMPARE(store.find(QStringLiteral("Staging 2"))->oidcIssuer, edited.oidcIssuer);
        QCOMPARE(store.lastUsed(), QStringLiteral("Staging 2"));

        QVERIFY(!store.update(QStringLiteral("Plexe Cloud"), edited, &error));
        QVERIFY(!store.update(QStringLiteral("Nope"), edited, &error));
        QVERIFY(!store.remove(QStringLiteral("Plexe Cloud"), &error));
        QVERIFY(!store.remove(QStringLiteral("Local sandbox"), &error));
        QVERIFY(!store.remove(QStringLiteral("Nope"), &error));
        QCOMPARE(changed.count(), 2);

        QVERIFY(store.remove(QStringLiteral("Staging 2"), &error));
        QCOMPARE(changed.count(), 3);
        QCOMPARE(store.profiles().size(), 2);
        QCOMPARE(store.lastUsed(), Profile::cloudName());
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<bool>("valid");
        const QString ok = QStringLiteral("https://api.example");
        QTest::newRow("https") << "Prod" << ok << "" << true;
        QTest::newRow("loopback http") << "Local"
                                       << "http://127.0.0.1:8080"
                                       << "" << true;
        // The contract allows loopback addresses only; a name could resolve anywhere (issue 7).
        QTest::newRow("localhost http") << "Local"
                                        << "http://localhost:8080"
                                        << "" << false;
        QTest::newRow("remote http") << "Remote"
                                     << "http://example.com"
                                     << "" << false;
        QTest::newRow("ftp") << "Ftp"
                             << "ftp://example.com"
                             << "" << false;
        QTest::newRow("user info") << "U"
                                   << "https://me:pw@example.com"
                                   << "" << false;
        QTest::newRow("no url") << "Empty"
                                << ""
                                << "" << false;
        QTest::newRow("empty name") << "" << ok << "" << false;
        QTest::newRow("spaces only") << "   " << ok << "" << false;
        QTest::newRow("surrounding space") << " Prod" << ok << "" << false;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('x')) << ok << "" << true;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('x')) << ok << "" << false;
        QTest::newRow("newline") << "Pro\nd" << ok << "" << false;
        QTest::newRow("tab") << "Pro\td" << ok << "" << false;
        QTest::newRow("unicode") << QStringLiteral("Prüfung ✓") << ok << "" << true;
        QTest::newRow("https issuer") << "I" << ok << "https://id.example" << true;
        QTest::newRow("http issuer") << "I" << ok << "http://id.example" << false;
    }

    void validation()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(QString, issuer);
        QFETCH(bool, valid);
        Profile profile = custom(name, url);
        profile.oidcIssuer = QUrl(issuer);
        QString error;
        QCOMPARE(ProfileStore::validate(profile, &error), valid);
        QCOMPARE(error.isEmpty(), valid);
    }

    void caFileMustBeReadable()
    {
        Profile profile = custom(QStringLiteral("Ca"), QStringLiteral("https://api.example"));
        profile.caFile = m_dir.filePath(QStringLiteral("missing.pem"));
        QString error;
        QVERIFY(!ProfileStore::validate(profile, &error));
        QVERIFY(error.contains(QStringLiteral("missing.pem")));
        QFile file(m_dir.filePath(QStringLiteral("ca.pem")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        profile.caFile = file.fileName();
        QVERIFY(ProfileStore::validate(profile, &error));
    }

    void reloadsFromSettings()
    {
        {
            auto settings = openSettings();
            ProfileStore store(settings.get());
            Profile a = custom(QStringLiteral("A"), QStringLiteral("https://a.example/v"));
            a.oidcIssuer = QUrl(QStringLiteral("https://id.example"));
            a.oidcClientId = QStringLiteral("client-a");
            QVERIFY(store.add(a, nullptr));
            QVERIFY(store.add(custom(QStringLiteral("B"), QStringLiteral("http://127.0.0.1:9")),
                              nullptr));
            store.setLastUsed(QStringLiteral("B"));
            store.setLastUsed(QStringLiteral("unknown")); // ignored
        }
        auto settings = openSettings();
        ProfileStore store(settings.get());
        const QList<Profile> all = store.profiles();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(2).name, QStringLiteral("A"));
        QCOMPARE(all.at(2).apiUrl, QUrl(QStringLiteral("https://a.example/v")));
        QCOMPARE(all.at(2).oidcIssuer, QUrl(QStringLiteral("https://id.example")));
        QCOMPARE(all.at(2).oidcClientId, QStringLiteral("client-a"));
        QVERIFY(!all.at(2).builtIn);
        QCOMPARE(all.at(3).name, QStringLiteral("B"));
        QCOMPARE(store.lastUsed(), QStringLiteral("B"));
    }

    // Issue 21 items 4 and 5: everything kept for a profile is keyed by an id that a rename
    // keeps, and a profile added later under a removed one's name gets another.
    void idIsStableAcrossRenamesAndNeverReused()
    {
        auto settings = openSettings();
        ProfileStore store(settings.get());
        QCOMPARE(store.find(Profile::cloudName())->id, Profile::cloudName());
        QCOMPARE(store.find(Profile::sandboxName())->id, Profile::sandboxName());
        QString error;
        Profile staging = custom(QStringLiteral("Staging"), QStringLiteral("https://s.example"));
        staging.id = QStringLiteral("Plexe Cloud"); // whatever a caller passes is not taken
        QVERIFY(store.add(staging, &error));
        const QString id = store.find(QStringLiteral("Staging"))->id;
        QVERIFY(!id.isEmpty());
        QVERIFY(id != Profile::cloudName() && !id.contains(QLatin1Char('/')));
        QVERIFY2(
            store.update(QStringLiteral("Staging"),
                         custom(QStringLiteral("Staging EU"), QStringLiteral("https://s.example")),
                         &error),
            qPrintable(error));
        QCOMPARE(store.find(QStringLiteral("Staging EU"))->id, id);
        QCOMPARE(store.findById(id)->name, QStringLiteral("Staging EU"));
        {
            auto again = openSettings();
            ProfileStore reloaded(again.get());
            QCOMPARE(reloaded.find(QStringLiteral("Staging EU"))->id, id);
        }
        QSignalSpy removed(&store, &ProfileStore::removed);
        QVERIFY(store.remove(QStringLiteral("Staging EU"), &error));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().value<Profile>().id, id);
        QVERIFY(!store.findById(id));
        QVERIFY(store.add(custom(QStringLiteral("Staging EU"), QStringLiteral("https://s.example")),
                          &error));
        QVERIFY(store.find(QStringLiteral("Staging EU"))->id != id);
    }

    // A profile saved before ids existed keeps its name as id: that is what its keychain
    // entries, journal and schedules are keyed by. A rename then keeps that id.
    void profilesSavedBeforeIdsKeepTheirNameAsId()
    {
        {
            auto settings = openSettings();
            settings->beginGroup(QStringLiteral("profiles"));
            settings->beginWriteArray(QStringLiteral("custom"), 1);
            settings->setArrayIndex(0);
            settings->setValue(QStringLiteral("name"), QStringLiteral("Old"));
            settings->setValue(QStringLiteral("apiUrl"), QStringLiteral("https://old.example"));
            settings->endArray();
            settings->endGroup();
        }
        auto settings = openSettings();
        ProfileStore store(settings.get());
        QCOMPARE(store.find(QStringLiteral("Old"))->id, QStringLiteral("Old"));
        QString error;
        QVERIFY(store.update(QStringLiteral("Old"),
                             custom(QStringLiteral("New"), QStringLiteral("https://old.example")),
                             &error));
        auto again = openSettings();
        ProfileStore reloaded(again.get());
        QCOMPARE(reloaded.find(QStringLiteral("New"))->id, QStringLiteral("Old"));
    }

    void damagedEntriesAreLeftOut()
    {
        {
            auto settings = openSettings();
            settings->beginGroup(QStringLiteral("profiles"));
            settings->beginWriteArray(QStringLiteral("custom"));
            const QStringList names = {QStringLiteral("Good"), QStringLiteral("Bad url"),
                                       QStringLiteral("Plexe Cloud"), QStringLiteral("good")};
            const QStringList urls = {
                QStringLiteral("https://g.example"), QStringLiteral("http://evil.example"),
                QStringLiteral("https://x.example"), QStringLiteral("https://g2.example")};
            for (int i = 0; i < names.size(); ++i) {
                settings->setArrayIndex(i);
                settings->setValue(QStringLiteral("name"), names.at(i));
                settings->setValue(QStringLiteral("apiUrl"), urls.at(i));
            }
            settings->endArray();
            settings->endGroup();
        }
        auto settings = openSettings();
        ProfileStore store(settings.get());
        QCOMPARE(store.profiles().size(), 3);
        QCOMPARE(store.profiles().at(2).name, QStringLiteral("Good"));
        QCOMPARE(store.find(Profile::cloudName())->apiUrl, Profile::cloudUrl());
    }

    void overridesAreNeverWritten()
    {
        const QUrl sandboxUrl(QStringLiteral("https://127.0.0.1:45678"));
        const QString overrideCa = m_dir.filePath(QStringLiteral("override-ca.pem"));
        {
            auto settings = openSettings();
            ProfileStore store(settings.get());
            QSignalSpy changed(&store, &ProfileStore::changed);
            QVERIFY(store.add(custom(QStringLiteral("Mine"), QStringLiteral("https://m.example")),
                              nullptr));
            store.setSessionOverride(Profile::sandboxName(), sandboxUrl, overrideCa);
            store.setSessionOverride(QStringLiteral("Mine"),
                                     QUrl(QStringLiteral("https://override.example:7777")),
                                     QString());
            QCOMPARE(changed.count(), 3);
            const Profile sandbox = *store.find(Profile::sandboxName());
            QCOMPARE(sandbox.apiUrl, sandboxUrl);
            QCOMPARE(sandbox.caFile, overrideCa);
            QCOMPARE(sandbox.endpoint().extraCaFile, overrideCa);
            QCOMPARE(store.profiles().at(1).apiUrl, sandboxUrl);
            QVERIFY(store.stored(Profile::sandboxName())->apiUrl.isEmpty());
            QCOMPARE(store.find(QStringLiteral("Mine"))->apiUrl.port(), 7777);

            // Edits and renames while an override is active write the stored values only, and
            // the override follows the renamed profile.
            Profile edited = *store.stored(QStringLiteral("Mine"));
            edited.name = QStringLiteral("Mine 2");
            QVERIFY(store.update(QStringLiteral("Mine"), edited, nullptr));
            QCOMPARE(store.find(QStringLiteral("Mine 2"))->apiUrl.port(), 7777);
            QVERIFY(store.add(custom(QStringLiteral("Other"), QStringLiteral("https://o.example")),
                              nullptr));
            store.setLastUsed(Profile::sandboxName());
        }
        const QByteArray file = settingsFile();
        QVERIFY(file.contains("m.example"));
        QVERIFY(!file.contains("45678"));
        QVERIFY(!file.contains("7777"));
        QVERIFY(!file.contains("override"));

        auto settings = openSettings();
        ProfileStore store(settings.get());
        QVERIFY(store.find(Profile::sandboxName())->apiUrl.isEmpty());
        QCOMPARE(store.find(QStringLiteral("Mine 2"))->apiUrl,
                 QUrl(QStringLiteral("https://m.example")));
        QCOMPARE(store.lastUsed(), Profile::sandboxName());

        store.setSessionOverride(QStringLiteral("Other"), sandboxUrl, QString());
        store.clearSessionOverride(QStringLiteral("Other"));
        QCOMPARE(store.find(QStringLiteral("Other"))->apiUrl,
                 QUrl(QStringLiteral("https://o.example")));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
