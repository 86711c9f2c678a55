// Smoke test: the console's window opens, is shown and says where the user is.
#include "mainwindow/MainWindow.h"

#include <QLabel>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void opensOnTheSignInPage()
    {
        plexe::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Plexe Console — Sign in"));
        auto *heading = window.findChild<QLabel *>(QStringLiteral("signInHeading"));
        QVERIFY(heading);
        QVERIFY(heading->isVisible());
        QVERIFY(!window.windowIcon().isNull());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
