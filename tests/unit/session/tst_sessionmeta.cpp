#include "session/SessionMeta.h"

#include <QtTest>

using namespace plexe;

class TestSessionMeta : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        SessionMeta meta;
        meta.authTime = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        meta.createdAt = meta.authTime;
        meta.lastActivity = meta.authTime.addSecs(30);
        meta.kind = QStringLiteral("password");
        const auto back = SessionMeta::fromJson(meta.toJson());
        QVERIFY(back.has_value());
        QVERIFY(*back == meta);
        QVERIFY(!back->expiresAt.isValid());
    }

    void rejectsBrokenJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("truncated") << QByteArray("{\"created_at\":");
        QTest::newRow("no created_at")
            << QByteArray("{\"last_activity\":\"2026-01-01T00:00:00Z\"}");
        QTest::newRow("bad time") << QByteArray(
            "{\"created_at\":\"yesterday\",\"last_activity\":\"2026-01-01T00:00:00Z\"}");
    }

    void rejectsBrokenJson()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!SessionMeta::fromJson(json).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSessionMeta)
#include "tst_sessionmeta.moc"
