#include "mainwindow/MainWindow.h"

#include <QLabel>
#include <QLoggingCategory>
#include <QStatusBar>
#include <QVBoxLayout>

namespace plexe {

Q_LOGGING_CATEGORY(lcUi, "plexe.ui", QtWarningMsg)

MainWindow::MainWindow(const LaunchOptions &options, QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Plexe Console — Sign in"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/plexe-console.svg")));

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *heading = new QLabel(tr("Sign in to Plexe"), page);
    heading->setObjectName(QStringLiteral("signInHeading"));
    heading->setTextFormat(Qt::PlainText);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAlignment(Qt::AlignCenter);
    layout->addStretch();
    layout->addWidget(heading);
    layout->addStretch();
    setCentralWidget(page);

    const QString where =
        options.apiUrl.isEmpty()
            ? tr("Not signed in")
            : tr("Not signed in — %1 (%2)")
                  .arg(options.profile.isEmpty() ? tr("custom profile") : options.profile,
                       options.apiUrl.toDisplayString());
    statusBar()->showMessage(where);
    resize(1100, 720);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // The start-up smoke test and the start-up benchmark wait for this line.
    qCInfo(lcUi) << "main window shown:" << windowTitle();
}

} // namespace plexe
