// The window's frame: title rule, sidebar and shortcuts, accessible names, remembered geometry
// and pane, and the sign-in page while signed out.
#include "ConsoleFixture.h"

#include <QAction>
#include <QComboBox>
#include <QListWidget>

using namespace plexe;
using namespace plexe::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void opensOnTheSignInPageWithNamedControls()
    {
        ConsoleFixture f;
        QVERIFY(f.startSandbox());
        f.openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        QVERIFY(f.waitForPage(QStringLiteral("signInPage")));
        QCOMPARE(f.window->windowTitle(), QStringLiteral("Plexe Console — Sign in"));
        QTRY_VERIFY(!f.window->windowIcon().isNull()); // set once the first frame is out
        // The names screen readers and our checks find the controls by (issue 9, item 8).
        const QStringList names = {QStringLiteral("Email"),
                                   QStringLiteral("Password"),
                                   QStringLiteral("Sign in"),
                                   QStringLiteral("Continue with Google"),
                                   QStringLiteral("Continue with GitHub"),
                                   QStringLiteral("Continue in browser"),
                                   QStringLiteral("Use an API key"),
                                   QStringLiteral("API key"),
                                   QStringLiteral("Authentication code"),
                                   QStringLiteral("Cancel"),
                                   QStringLiteral("Copy sign-in address"),
                                   QStringLiteral("Paste the address your browser ended on"),
                                   QStringLiteral("Sign out"),
                                   QStringLiteral("Sign out and forget this profile"),
                                   QStringLiteral("Profile")};
        QStringList found;
        for (QWidget *w : f.window->findChildren<QWidget *>())
            found << w->accessibleName();
        for (const QString &name : names)
            QVERIFY2(found.contains(name), qPrintable(name));
        auto *sidebar = f.find<QListWidget>(QStringLiteral("sidebar"));
        QStringList entries;
        for (int i = 0; i < sidebar->count(); ++i)
            entries << sidebar->item(i)->data(Qt::AccessibleTextRole).toString();
        QCOMPARE(entries, (QStringList{QStringLiteral("API Keys"), QStringLiteral("Access Logs"),
                                       QStringLiteral("Models"), QStringLiteral("Account")}));
        // Every interactive widget has an object name and an accessible name.
        for (QWidget *w : f.window->findChildren<QWidget *>()) {
            if (!(qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                  qobject_cast<QComboBox *>(w)) ||
                w->parent()->inherits("QComboBox") || w->parent()->inherits("QLineEdit") ||
                w->parent()->inherits("QAbstractSpinBox"))
                continue;
            QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
    }

    void rememberesGeometryAndPane()
    {
        ConsoleFixture f;
        QVERIFY(f.startSandbox());
        f.openWindow();
        QVERIFY(f.waitForPage(QStringLiteral("signInPage")));
        f.signInWithPassword(f.sandbox.demoEmail(), f.sandbox.demoPassword());
        QVERIFY(f.waitForPage(QStringLiteral("workspace")));
        QTest::keyClick(f.window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(f.window->workspace()->currentIndex(), 1);
        f.window->resize(1000, 700);
        f.window->close();
        f.openWindow();
        QCOMPARE(f.window->size(), QSize(1000, 700));
        QCOMPARE(f.window->workspace()->currentIndex(), 1);
    }

    void sandboxProfileWithoutASandboxSaysHowToStartIt()
    {
        ConsoleFixture f; // no sandbox started, no --sandbox
        f.openWindow();
        QVERIFY(f.waitForPage(QStringLiteral("signInPage")));
        QVERIFY(f.signInMessage().contains(QStringLiteral("--sandbox")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
