// SandboxServer's start/stop handshake: a stop() from another thread (the SIGTERM waiter) must
// end run() whenever it comes, including in the gap between run()'s last look at the stop
// request and the HTTP server marking itself as listening.
#include "cli/DataFolder.h"
#include "server/SandboxServer.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

using namespace plexe::sandbox;

namespace {
constexpr auto kRunEnds = std::chrono::seconds(20);
}

class TestSandboxServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_dirs = 0;

    ServeOptions options()
    {
        ServeOptions result;
        result.dataDir = m_tmp.filePath(QStringLiteral("data%1").arg(++m_dirs)).toStdString();
        const std::string error = DataFolder::prepare(result.dataDir);
        if (!error.empty())
            qFatal("%s", error.c_str());
        return result;
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void stopBeforeRunReturnsAtOnce()
    {
        SandboxServer server(options());
        server.stop();
        QCOMPARE(server.run(), 0);
    }

    void stopWhileListeningEndsRun()
    {
        SandboxServer server(options());
        std::atomic<bool> listening{false};
        server.setBeforeListenHook([&listening] { listening = true; });
        auto run = std::async(std::launch::async, [&server] { return server.run(); });
        QTRY_VERIFY_WITH_TIMEOUT(listening.load(), 20000);
        server.stop();
        QVERIFY(run.wait_for(kRunEnds) == std::future_status::ready);
        QCOMPARE(run.get(), 0);
    }

    // The regression: SIGTERM right after the sandbox printed its URL was lost, and the
    // sandbox outlived the console that had started it.
    void stopInTheGapBeforeListeningEndsRun()
    {
        SandboxServer server(options());
        std::future<void> stopper;
        server.setBeforeListenHook([&server, &stopper] {
            stopper = std::async(std::launch::async, [&server] { server.stop(); });
            // Let stop() record its request before run() goes on to listen.
            while (!server.stopRequested())
                std::this_thread::yield();
        });
        auto run = std::async(std::launch::async, [&server] { return server.run(); });
        const bool ended = run.wait_for(kRunEnds) == std::future_status::ready;
        if (!ended) {
            server.stop(); // the server is listening by now: unblock run() for a clean exit
            run.wait();
        }
        QVERIFY2(ended, "run() did not end after stop() came before it listened");
        QCOMPARE(run.get(), 0);
        QVERIFY(stopper.wait_for(kRunEnds) == std::future_status::ready);
    }
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
