// DisplayText::neutralise: every bidi control and control character becomes a visible U+FFFD;
// everything else (HTML included, which the views show as plain text) is left as it is.
#include "core/DisplayText.h"

#include <QtTest>

using namespace plexe;

class TestDisplayText : public QObject
{
    Q_OBJECT

private slots:
    void neutralise_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        const QString r(QChar::ReplacementCharacter);
        QTest::newRow("plain") << QStringLiteral("ci-deploy") << QStringLiteral("ci-deploy");
        QTest::newRow("html") << QStringLiteral("<b>x</b>") << QStringLiteral("<b>x</b>");
        QTest::newRow("RLO") << QStringLiteral("ci \u202Eyek")
                             << QStringLiteral("ci ") + r + QStringLiteral("yek");
        QTest::newRow("embeddings") << QStringLiteral("\u202A\u202B\u202C\u202D") << r + r + r + r;
        QTest::newRow("isolates") << QStringLiteral("\u2066\u2067\u2068\u2069") << r + r + r + r;
        QTest::newRow("marks") << QStringLiteral("a\u200Eb\u200Fc\u061Cd")
                               << QStringLiteral("a") + r + QStringLiteral("b") + r +
                                      QStringLiteral("c") + r + QStringLiteral("d");
        QTest::newRow("controls") << QStringLiteral("a\nb\tc")
                                  << QStringLiteral("a") + r + QStringLiteral("b") + r +
                                         QStringLiteral("c");
        QTest::newRow("arabic kept") << QStringLiteral("مفتاح") << QStringLiteral("مفتاح");
        QTest::newRow("neighbours kept")
            << QStringLiteral("\u2029\u2065\u206A") << QStringLiteral("\u2029\u2065\u206A");
    }

    void neutralise()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(DisplayText::neutralise(in), out);
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
