// plexe-sandbox: a thin main() over plexe_sandbox_lib.
#include "cli/CommandLine.h"
#include "cli/DataFolder.h"
#include "cli/UserAddCommand.h"
#include "seed/Seeder.h"
#include "server/SandboxServer.h"
#include "util/Clock.h"

#include <QCoreApplication>

#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>

#include <cstdio>
#include <thread>

using namespace plexe::sandbox;

namespace {

// SIGINT/SIGTERM are blocked in every thread and taken by sigwait() in one thread, which can
// then call server.stop() safely (a signal handler could not).
int serve(const ServeOptions &options)
{
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    // A client that hangs up while its answer is being written must cost one failed write
    // (EPIPE), never the whole server.
    signal(SIGPIPE, SIG_IGN);

    SandboxServer server(options);
    std::thread waiter([&server, stopSignals] {
        int received = 0;
        sigwait(&stopSignals, &received);
        server.stop();
    });
    const int code = server.run();
    // Wake the waiter if the server ended on its own.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    // The data folder holds the CA key and the database: nothing in it is for other users.
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plexe-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLEXE_SANDBOX_VERSION));

    const CommandLine::Result cli = CommandLine::parse(QCoreApplication::arguments());
    if (cli.command == CommandLine::Command::Exit) {
        std::fputs(cli.output.c_str(), stdout);
        std::fputs(cli.error.c_str(), stderr);
        return cli.exitCode;
    }
    const std::string dataDir = cli.command == CommandLine::Command::Serve     ? cli.serve.dataDir
                                : cli.command == CommandLine::Command::UserAdd ? cli.userAdd.dataDir
                                                                               : cli.seed.dataDir;
    const std::string error = DataFolder::prepare(dataDir);
    if (!error.empty()) {
        std::fprintf(stderr, "plexe-sandbox: %s\n", error.c_str());
        return 1;
    }
    if (cli.command == CommandLine::Command::Seed)
        return Seeder::run(cli.seed);
    if (cli.command == CommandLine::Command::UserAdd)
        return UserAddCommand::run(cli.userAdd);
    Clock::setOffsetFile(cli.serve.clockOffsetFile);
    return serve(cli.serve);
}
