// ScheduledRevocations without a network: the QSettings round trip per profile (no secret in
// the file, only what the list shows), due and overdue with a ManualClock, reminders while
// signed out (once per key), refusals, and damaged entries left out.
#include "api/ApiKey.h"
#include "keys/ScheduledRevocations.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SessionStore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace plexe;
using namespace std::chrono_literals;

namespace {

ApiKey listed(const QString &id, const QString &name)
{
    ApiKey key;
    key.keyId = id;
    key.name = name;
    // More than the list shows, as a careless caller might pass: only 11 + 4 may be kept.
    key.keyPrefix = QStringLiteral("plx_sk_9f3aSECRETPART");
    key.keySuffix = QStringLiteral("MORESECRETc21d");
    key.permissionLevel = QStringLiteral("read_write");
    key.status = QStringLiteral("active");
    return key;
}

struct Fixture
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("console.ini"));
    QSettings settings{path, QSettings::IniFormat};
    ManualClock clock;
    SessionStore store{QStringLiteral("ai.plexe.console.unit")};
    SessionManager manager{QStringLiteral("team/eu"), endpoint(), &store, &clock};

    static ApiEndpoint endpoint()
    {
        ApiEndpoint ep;
        ep.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:9"));
        return ep;
    }
};

} // namespace

class TestScheduledRevocations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingsRoundTrip()
    {
        Fixture f;
        QList<ScheduledRevocation> before;
        {
            ScheduledRevocations schedule(&f.settings, &f.manager, &f.clock);
            QVERIFY(schedule.schedule(listed(QStringLiteral("key_b"), QStringLiteral("later")),
                                      f.clock.now().addDays(2)));
            QVERIFY(schedule.schedule(listed(QStringLiteral("key_a"), QStringLiteral("sooner")),
                                      f.clock.now().addSecs(3600)));
            before = schedule.entries();
        }
        QCOMPARE(before.size(), 2);
        QCOMPARE(before.at(0).keyId, QStringLiteral("key_a")); // soonest first
        QCOMPARE(before.at(0).maskedKey(), QStringLiteral("plx_sk_9f3a\u2026c21d"));
        QCOMPARE(before.at(0).scheduledAt, f.clock.now());

        // The next start: a new settings object on the same file.
        QSettings reread(f.path, QSettings::IniFormat);
        ScheduledRevocations again(&reread, &f.manager, &f.clock);
        QCOMPARE(again.entries(), before);
        QCOMPARE(again.profile(), QStringLiteral("team/eu"));
    }

    void noSecretInTheSettingsFile()
    {
        Fixture f;
        ScheduledRevocations schedule(&f.settings, &f.manager, &f.clock);
        QVERIFY(schedule.schedule(listed(QStringLiteral("key_a"), QStringLiteral("ci")),
                                  f.clock.now().addSecs(60)));
        f.settings.sync();
        QFile file(f.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString content = QString::fromUtf8(file.readAll());
        QVERIFY(content.contains(QStringLiteral("key_a")));
        // No more of a key than "plx_sk_" + 4 and the last 4.
        QVERIFY2(!content.contains(QRegularExpression(QStringLiteral("plx_sk_\\w{5,}"))),
                 qPrintable(content));
        QVERIFY(!content.contains(QStringLiteral("SECRET")));
        // Only these fields exist.
        QSettings reread(f.path, QSettings::IniFormat);
        const QStringList allowed{QStringLiteral("keyId"),       QStringLiteral("keyPrefix"),
                                  QStringLiteral("keySuffix"),   QStringLiteral("name"),
                                  QStringLiteral("account"),     QStringLiteral("due"),
                                  QStringLiteral("scheduledAt"), QStringLiteral("size")};
        for (const QString &key : reread.allKeys())
            QVERIFY2(allowed.contains(key.section(QLatin1Char('/'), -1)), qPrintable(key));
    }

    void dueAndOverdueWithAManualClock()
    {
        Fixture f;
        ScheduledRevocations schedule(&f.settings, &f.manager, &f.clock);
        QSignalSpy reminders(&schedule, &ScheduledRevocations::reminder);
        QVERIFY(schedule.schedule(listed(QStringLiteral("key_a"), QStringLiteral("ci")),
                                  f.clock.now().addSecs(3600)));
        schedule.tick();
        QVERIFY(schedule.overdue().isEmpty());
        f.clock.advance(59min);
        schedule.tick();
        QVERIFY(schedule.overdue().isEmpty());
        QCOMPARE(reminders.size(), 0);
        f.clock.advance(1min); // due now: due <= now counts
        QCOMPARE(schedule.overdue().size(), 1);
        schedule.tick(); // signed out: a reminder, nothing sent
        QCOMPARE(reminders.size(), 1);
        const auto overdue = reminders.first().at(1).value<QList<ScheduledRevocation>>();
        QCOMPARE(overdue.size(), 1);
        QCOMPARE(overdue.first().keyId, QStringLiteral("key_a"));
        QVERIFY(reminders.first().first().toString().contains(QStringLiteral("Sign in")));
        schedule.tick(); // once per key, not every tick
        QCOMPARE(reminders.size(), 1);
        QCOMPARE(schedule.entries().size(), 1); // still scheduled
    }

    void overdueAtStartReminds()
    {
        Fixture f;
        {
            ScheduledRevocations schedule(&f.settings, &f.manager, &f.clock);
            QVERIFY(schedule.schedule(listed(QStringLiteral("key_a"), QStringLiteral("ci")),
                                      f.clock.now().addSecs(60)));
        }
        f.clock.advance(24h); // the console was closed meanwhile
        ScheduledRevocations next(&f.settings, &f.manager, &f.clock);
        QSignalSpy reminders(&next, &ScheduledRevocations::reminder);
        next.start();
        QCOMPARE(reminders.size(), 1);
    }

    void refusalsAndReplacing()
    {
        Fixture f;
        ScheduledRevocations schedule(&f.settings, &f.manager, &f.clock);
        QSignalSpy changed(&schedule, &ScheduledRevocations::changed);
        QString error;
        QVERIFY(!schedule.schedule(listed(QStringLiteral("key_a"), QStringLiteral("ci")),
                                   f.clock.now(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!schedule.schedule(listed(QString(), QStringLiteral("ci")),
                                   f.clock.now().addSecs(60), &error));
        QCOMPARE(changed.size(), 0);
        QVERIFY(schedule.schedule(listed(QStringLiteral("key_a"), QStringLiteral("ci")),
                                  f.clock.now().addSecs(60)));
        QVERIFY(schedule.schedule(listed(QStringLiteral("key_a"), QStringLiteral("ci")),
                                  f.clock.now().addSecs(120)));
        QCOMPARE(schedule.entries().size(), 1);
        QCOMPARE(schedule.entries().first().due, f.clock.now().addSecs(120));
        QVERIFY(schedule.unschedule(QStringLiteral("key_a")));
        QVERIFY(!schedule.unschedule(QStringLiteral("key_a")));
        QCOMPARE(changed.size(), 3);
        QSettings reread(f.path, QSettings::IniFormat);
        ScheduledRevocations again(&reread, &f.manager, &f.clock);
        QVERIFY(again.entries().isEmpty());
    }

    void profilesAreSeparate()
    {
        Fixture f;
        SessionManager other(QStringLiteral("team"), Fixture::endpoint(), &f.store, &f.clock);
        ScheduledRevocations mine(&f.settings, &f.manager, &f.clock);
        ScheduledRevocations theirs(&f.settings, &other, &f.clock);
        QVERIFY(mine.schedule(listed(QStringLiteral("key_a"), QStringLiteral("ci")),
                              f.clock.now().addSecs(60)));
        QVERIFY(theirs.entries().isEmpty());
        QSettings reread(f.path, QSettings::IniFormat);
        QCOMPARE(ScheduledRevocations(&reread, &other, &f.clock).entries().size(), 0);
        QCOMPARE(ScheduledRevocations(&reread, &f.manager, &f.clock).entries().size(), 1);
    }

    void damagedEntriesAreLeftOut()
    {
        Fixture f;
        {
            ScheduledRevocations schedule(&f.settings, &f.manager, &f.clock);
            QVERIFY(schedule.schedule(listed(QStringLiteral("key_a"), QStringLiteral("ci")),
                                      f.clock.now().addSecs(60)));
        }
        // A second entry without a valid due time, as a hand edit might leave.
        f.settings.setValue(QStringLiteral("scheduledRevocations/team%2Feu/keys/size"), 2);
        f.settings.setValue(QStringLiteral("scheduledRevocations/team%2Feu/keys/2/keyId"),
                            QStringLiteral("key_x"));
        f.settings.setValue(QStringLiteral("scheduledRevocations/team%2Feu/keys/2/due"),
                            QStringLiteral("soon"));
        ScheduledRevocations again(&f.settings, &f.manager, &f.clock);
        QCOMPARE(again.entries().size(), 1);
        QCOMPARE(again.entries().first().keyId, QStringLiteral("key_a"));
    }
};

QTEST_GUILESS_MAIN(TestScheduledRevocations)
#include "tst_scheduledrevocations.moc"
