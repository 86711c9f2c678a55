// Benchmark: process start to first painted window, plexe-console beside bare_window (a bare Qt
// Widgets window built here), measured the same way in the same run. Each run spawns the
// program with stderr on a pipe and stops the clock when the program says its first paint is
// over ("main window painted", "bare window painted": both log it from a queued call after the
// window's first paintEvent). The programs alternate; one warm-up run of each is not counted.
// Prints exactly one JSON line on stdout:
//   {"bench":"startup_first_paint","platform":"xcb","runs":10,"console_ms":{"min":…,
//    "median":…,"max":…},"bare_ms":{…},"ratio_median":…}
// Exits non-zero only when a program does not report its first paint within 20 s.
//   bench_startup PATH/TO/plexe-console PATH/TO/bare_window [runs]
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

using Clock = std::chrono::steady_clock;

// Milliseconds from spawning `program` to the first stderr line that holds "window painted",
// or a negative number when it does not come.
double timeToFirstPaint(const char *program)
{
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0)
        return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    char *argv[] = {const_cast<char *>(program), nullptr};

    const Clock::time_point start = Clock::now();
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, program, &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    double ms = -1;
    std::string seen;
    while (spawned == 0) {
        pollfd fd = {out[0], POLLIN, 0};
        if (poll(&fd, 1, 20000) <= 0)
            break;
        char buffer[4096];
        const ssize_t n = read(out[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        seen.append(buffer, size_t(n));
        if (seen.find("window painted") != std::string::npos) {
            ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            break;
        }
    }
    if (ms < 0)
        std::fprintf(stderr, "bench: %s did not report its first paint:\n%s\n", program,
                     seen.c_str());
    close(out[0]);
    if (spawned == 0) {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    return ms;
}

std::string figures(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    char text[128];
    std::snprintf(text, sizeof text, "{\"min\":%.1f,\"median\":%.1f,\"max\":%.1f}", v.front(),
                  v[v.size() / 2], v.back());
    return text;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_startup PATH/TO/plexe-console PATH/TO/bare_window "
                             "[runs]\n");
        return 2;
    }
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 10;
    setenv("QT_LOGGING_RULES", "plexe.ui.info=true", 1);
    const char *platform = std::getenv("QT_QPA_PLATFORM");

    std::vector<double> console, bare;
    for (int i = 0; i <= runs; ++i) {
        const double c = timeToFirstPaint(argv[1]);
        const double b = timeToFirstPaint(argv[2]);
        if (c < 0 || b < 0)
            return 1;
        if (i == 0)
            continue; // warm-up: page cache, font cache, keyring daemon
        console.push_back(c);
        bare.push_back(b);
    }
    std::printf("{\"bench\":\"startup_first_paint\",\"platform\":\"%s\",\"runs\":%d,"
                "\"console_ms\":%s,\"bare_ms\":%s,\"ratio_median\":%.2f}\n",
                platform && *platform ? platform : "default", runs, figures(console).c_str(),
                figures(bare).c_str(), median(console) / median(bare));
    return 0;
}
