#include "accounts/PasswordHash.h"

#include <QtTest>

using plexe::sandbox::PasswordHash;

class TestPasswordHash : public QObject
{
    Q_OBJECT
private slots:
    void defaultIsPbkdf2With600kIterations()
    {
        const std::string stored = PasswordHash::hash("correct horse");
        QVERIFY(stored.rfind("pbkdf2-sha256$600000$", 0) == 0);
        QVERIFY(PasswordHash::verify("correct horse", stored));
    }
    void wrongPasswordFails()
    {
        const std::string stored = PasswordHash::hash("secret-1", 1000);
        QVERIFY(PasswordHash::verify("secret-1", stored));
        QVERIFY(!PasswordHash::verify("secret-2", stored));
        QVERIFY(!PasswordHash::verify("", stored));
    }
    void saltsDiffer()
    {
        QVERIFY(PasswordHash::hash("same", 1000) != PasswordHash::hash("same", 1000));
    }
    void malformedStoredHashesAreRejected_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("empty") << QString();
        QTest::newRow("other scheme") << QStringLiteral("bcrypt$10$abc$def");
        QTest::newRow("missing parts") << QStringLiteral("pbkdf2-sha256$1000$abc");
        QTest::newRow("bad count") << QStringLiteral("pbkdf2-sha256$x$AAAA$AAAA");
        QTest::newRow("zero count") << QStringLiteral("pbkdf2-sha256$0$AAAA$AAAA");
        QTest::newRow("bad base64") << QStringLiteral("pbkdf2-sha256$1000$!!!!$AAAA");
        QTest::newRow("short hash") << QStringLiteral("pbkdf2-sha256$1000$AAAA$AAAA");
    }
    void malformedStoredHashesAreRejected()
    {
        QFETCH(QString, stored);
        QVERIFY(!PasswordHash::verify("anything", stored.toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
