// KeyNameRule: required, trimmed, at most 100 characters counted as the server counts them
// (NFC code points, not UTF-16 units or bytes).
#include "keys/KeyNameRule.h"

#include <QtTest>

using namespace plexe;

class TestKeyNameRule : public QObject
{
    Q_OBJECT

private slots:
    void rule_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("length");
        const QString key = QString::fromUcs4(U"\U0001F511");
        QTest::newRow("empty") << QString() << false << 0;
        QTest::newRow("spaces") << QStringLiteral(" \t ") << false << 0;
        QTest::newRow("trimmed") << QStringLiteral("  ci  ") << true << 2;
        QTest::newRow("100 ascii") << QString(100, u'a') << true << 100;
        QTest::newRow("101 ascii") << QString(101, u'a') << false << 101;
        QTest::newRow("100 emoji") << key.repeated(100) << true << 100;
        QTest::newRow("101 emoji") << key.repeated(101) << false << 101;
        QTest::newRow("100 e+accent, NFC")
            << QStringLiteral("e\u0301").repeated(100) << true << 100;
        QTest::newRow("padding not counted")
            << QStringLiteral("  ") + QString(100, u'b') << true << 100;
    }

    void rule()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QFETCH(int, length);
        QCOMPARE(KeyNameRule::problem(name).isEmpty(), valid);
        QCOMPARE(KeyNameRule::length(name), length);
    }

    void normalizedIsWhatIsSent()
    {
        QCOMPARE(KeyNameRule::normalized(QStringLiteral("  e\u0301  ")), QStringLiteral("\u00e9"));
    }
};

QTEST_GUILESS_MAIN(TestKeyNameRule)
#include "tst_keynamerule.moc"
