// The yardstick of the start-up and memory benchmarks: a bare Qt Widgets window (a QMainWindow
// with a label, the console's size) that reports its first paint the way plexe-console does, a
// queued call after the window's first paintEvent, once the whole pass is painted and flushed.
//   bare_window                  prints "bare window painted" on stderr, then runs until killed
//   bare_window --memory MS      also waits MS ms after the first paint, prints
//                                "rss_kb=N pss_kb=N" on stdout and quits
#include "ProcMemory.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

namespace {

class BareWindow : public QMainWindow
{
public:
    int memoryAfterMs = -1;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QMainWindow::paintEvent(event);
        if (m_painted)
            return;
        m_painted = true;
        QMetaObject::invokeMethod(
            this, [this] { painted(); }, Qt::QueuedConnection);
    }

private:
    void painted()
    {
        std::fprintf(stderr, "bare window painted\n");
        if (memoryAfterMs < 0)
            return;
        QTimer::singleShot(memoryAfterMs, this, [] {
            const plexe::bench::ProcMemory memory = plexe::bench::readProcMemory();
            std::printf("rss_kb=%ld pss_kb=%ld\n", memory.rssKb, memory.pssKb);
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }

    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    BareWindow window;
    const QStringList args = QCoreApplication::arguments();
    const qsizetype memory = args.indexOf(QStringLiteral("--memory"));
    if (memory > 0 && memory + 1 < args.size())
        window.memoryAfterMs = args.at(memory + 1).toInt();
    window.setWindowTitle(QStringLiteral("Bare window"));
    window.setCentralWidget(new QLabel(QStringLiteral("A bare Qt Widgets window"), &window));
    window.resize(1100, 720); // as MainWindow, so that both back their pixels alike
    window.show();
    return QApplication::exec();
}
