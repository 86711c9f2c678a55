// ModelStatusText: both status vocabularies in any case map to one display set, anything else
// is shown as it came (neutralised); deployment words; build progress in both scales.
#include "models/ModelStatusText.h"

#include <QTest>

using namespace plexe;

class TestModelStatusText : public QObject
{
    Q_OBJECT

private slots:
    void bothVocabularies_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("settled");
        // The documented upper-case set...
        QTest::newRow("READY") << "READY"
                               << "Ready" << true;
        QTest::newRow("BUILDING") << "BUILDING"
                                  << "Building" << false;
        QTest::newRow("ERROR") << "ERROR"
                               << "Failed" << true;
        QTest::newRow("DRAFT") << "DRAFT"
                               << "Draft" << true;
        // ...the lower-case one of the other pages...
        QTest::newRow("pending") << "pending"
                                 << "Building" << false;
        QTest::newRow("processing") << "processing"
                                    << "Building" << false;
        QTest::newRow("building") << "building"
                                  << "Building" << false;
        QTest::newRow("completed") << "completed"
                                   << "Ready" << true;
        QTest::newRow("failed") << "failed"
                                << "Failed" << true;
        // ...and each in the other case, with stray spaces.
        QTest::newRow("ready") << "ready"
                               << "Ready" << true;
        QTest::newRow("COMPLETED") << "COMPLETED"
                                   << "Ready" << true;
        QTest::newRow("Processing") << " Processing "
                                    << "Building" << false;
        QTest::newRow("PENDING") << "PENDING"
                                 << "Building" << false;
        QTest::newRow("Error") << "Error"
                               << "Failed" << true;
        QTest::newRow("FAILED") << "FAILED"
                                << "Failed" << true;
        QTest::newRow("draft") << "draft"
                               << "Draft" << true;
        // Anything else as it came, made safe; nothing as a dash.
        QTest::newRow("archived") << "archived"
                                  << "archived" << true;
        QTest::newRow("bidi") << "odd\u202Eevil"
                              << "odd\uFFFDevil" << true;
        QTest::newRow("empty") << ""
                               << "\u2014" << true;
    }

    void bothVocabularies()
    {
        QFETCH(QString, raw);
        QFETCH(QString, shown);
        QFETCH(bool, settled);
        QCOMPARE(ModelStatusText::text(raw), shown);
        QCOMPARE(ModelStatusText::isSettled(ModelStatusText::state(raw)), settled);
    }

    void progressOnlyWhileBuilding()
    {
        QCOMPARE(ModelStatusText::withProgress(QStringLiteral("processing"), 42.7),
                 QStringLiteral("Building · 42 %"));
        QCOMPARE(ModelStatusText::withProgress(QStringLiteral("READY"), 100.0),
                 QStringLiteral("Ready"));
        QCOMPARE(ModelStatusText::withProgress(QStringLiteral("BUILDING"), std::nullopt),
                 QStringLiteral("Building"));
    }

    void progressScales()
    {
        QCOMPARE(ModelStatusText::percent(0.5).value_or(-1), 50.0);  // a ratio
        QCOMPARE(ModelStatusText::percent(45.0).value_or(-1), 45.0); // a percentage
        QCOMPARE(ModelStatusText::percent(0.0).value_or(-1), 0.0);
        QCOMPARE(ModelStatusText::percent(250.0).value_or(-1), 100.0); // clamped
        QCOMPARE(ModelStatusText::percent(-3.0).value_or(-1), 0.0);
        QVERIFY(!ModelStatusText::percent(std::nullopt));
    }

    void deploymentWords()
    {
        QCOMPARE(ModelStatusText::deployment(QStringLiteral("deployed")),
                 QStringLiteral("Deployed"));
        QCOMPARE(ModelStatusText::deployment(QStringLiteral("NOT_DEPLOYED")),
                 QStringLiteral("Not deployed"));
        QCOMPARE(ModelStatusText::deployment(QString()), QStringLiteral("\u2014"));
        QCOMPARE(ModelStatusText::deployment(QStringLiteral("canary\u2066")),
                 QStringLiteral("canary\uFFFD"));
    }
};

QTEST_GUILESS_MAIN(TestModelStatusText)
#include "tst_modelstatustext.moc"
