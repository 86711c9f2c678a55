// The Access Logs chart on its own: the accessible summary, hit testing, the range a click or
// the keyboard emits, and painting in both palettes without a crash.
#include "logs/ActivityChart.h"
#include "shell/Translations.h"

#include <QSignalSpy>
#include <QTest>

using namespace plexe;

namespace {

ActivitySeries sample()
{
    ActivitySeries s;
    s.from = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
    s.bucketSeconds = 3600;
    s.buckets = {{5, 1}, {0, 0}, {40, 10}, {2, 0}};
    return s;
}

} // namespace

class TestActivityChart : public QObject
{
    Q_OBJECT

    // As main() does: the English plural forms ("bars of 1 hour") come from a translation.
    Translations m_translations;

private slots:
    void initTestCase() { m_translations.install({QStringLiteral("en-US")}); }

    void summarySaysWhatTheBarsShow()
    {
        ActivityChart chart;
        QCOMPARE(chart.accessibleName(), QStringLiteral("Activity chart"));
        QCOMPARE(chart.summary(), QStringLiteral("No events in this time range."));
        chart.setUtc(true);
        chart.setSeries(sample());
        const QString summary = chart.summary();
        QVERIFY2(summary.startsWith(QStringLiteral("58 events, 11 failures, in bars of 1 hour.")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Busiest:")) &&
                     summary.contains(QStringLiteral("02:00")) &&
                     summary.contains(QStringLiteral("(50 events)")),
                 qPrintable(summary));
        QCOMPARE(chart.accessibleDescription(), summary);
    }

    void clickEmitsTheBarsRange()
    {
        ActivityChart chart;
        chart.resize(400, 110);
        chart.setSeries(sample());
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QSignalSpy range(&chart, &ActivityChart::rangeClicked);
        const QRect bar = chart.barRect(2);
        QVERIFY(bar.isValid());
        QCOMPARE(chart.barAt(bar.center()), 2);
        QTest::mouseClick(&chart, Qt::LeftButton, {}, bar.center());
        QCOMPARE(range.size(), 1);
        QCOMPARE(range.at(0).at(0).toDateTime(),
                 QDateTime(QDate(2026, 3, 1), QTime(2, 0), Qt::UTC));
        QCOMPARE(range.at(0).at(1).toDateTime(),
                 QDateTime(QDate(2026, 3, 1), QTime(3, 0), Qt::UTC));
        // Outside the bars: nothing.
        QTest::mouseClick(&chart, Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(range.size(), 1);
    }

    void keyboardChoosesAndEmits()
    {
        ActivityChart chart;
        chart.resize(400, 110);
        chart.setSeries(sample());
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QCOMPARE(chart.focusPolicy(), Qt::StrongFocus);
        chart.setFocus();
        QTRY_VERIFY(chart.hasFocus());
        QCOMPARE(chart.currentBar(), 3); // the newest bar first
        QSignalSpy range(&chart, &ActivityChart::rangeClicked);
        QTest::keyClick(&chart, Qt::Key_Left);
        QCOMPARE(chart.currentBar(), 2);
        QVERIFY(chart.accessibleDescription().contains(QStringLiteral("Chosen bar")));
        QTest::keyClick(&chart, Qt::Key_Return);
        QCOMPARE(range.size(), 1);
        QCOMPARE(range.at(0).at(0).toDateTime(),
                 QDateTime(QDate(2026, 3, 1), QTime(2, 0), Qt::UTC));
        QTest::keyClick(&chart, Qt::Key_Home);
        QCOMPARE(chart.currentBar(), 0);
        QTest::keyClick(&chart, Qt::Key_Space);
        QCOMPARE(range.size(), 2);
        QCOMPARE(range.at(1).at(1).toDateTime(),
                 QDateTime(QDate(2026, 3, 1), QTime(1, 0), Qt::UTC));
    }

    void paintsInADarkPalette()
    {
        ActivityChart chart;
        QPalette dark = chart.palette();
        dark.setColor(QPalette::Base, Qt::black);
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::WindowText, Qt::white);
        chart.setPalette(dark);
        chart.resize(300, 100);
        chart.setSeries(sample());
        const QImage image = chart.grab().toImage();
        QVERIFY(!image.isNull());
        // Something other than the background was drawn where the busiest bar stands.
        const QRect bar = chart.barRect(2);
        QVERIFY(image.pixelColor(bar.center().x(), bar.bottom() - 2) != image.pixelColor(2, 2));
    }
};

QTEST_MAIN(TestActivityChart)
#include "tst_activitychart.moc"
