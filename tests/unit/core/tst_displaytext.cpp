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

    // Issue 21 items 1 and 3: text Qt could take for HTML is escaped inside one paragraph laid
    // out like a plain tooltip; anything else is left as it is (tst_hostiletext renders both).
    void forAutoText_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QStringLiteral("Key id: key_9")
                               << QStringLiteral("Key id: key_9");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("img") << QStringLiteral("<img src=\"/dev/zero\">")
                             << QStringLiteral("<p style=\"white-space:pre\">&lt;img "
                                               "src=&quot;/dev/zero&quot;&gt;</p>");
        QTest::newRow("entity") << QStringLiteral("a &lt; b")
                                << QStringLiteral("<p style=\"white-space:pre\">a &amp;lt; b</p>");
    }

    void forAutoText()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(DisplayText::forAutoText(in), out);
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
