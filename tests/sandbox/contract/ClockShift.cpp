// An LD_PRELOAD shim that moves a process's wall clock forward by PLEXE_TEST_CLOCK_OFFSET_S
// seconds. The contract tests load it into plexe-sandbox to see a key expire without waiting
// days, and without reaching into the sandbox's storage (the tests stay black-box).
#include <dlfcn.h>
#include <sys/time.h>
#include <time.h>

#include <cstdlib>
#include <cstring>

namespace {

time_t offsetSeconds()
{
    static const time_t offset = [] {
        const char *value = std::getenv("PLEXE_TEST_CLOCK_OFFSET_S");
        return value ? time_t(std::atoll(value)) : time_t(0);
    }();
    return offset;
}

template <typename Fn> Fn next(const char *name)
{
    void *symbol = dlsym(RTLD_NEXT, name);
    Fn fn = nullptr;
    static_assert(sizeof fn == sizeof symbol);
    std::memcpy(&fn, &symbol, sizeof fn);
    return fn;
}

} // namespace

extern "C" {

int clock_gettime(clockid_t clock, struct timespec *ts) noexcept
{
    static const auto real = next<int (*)(clockid_t, struct timespec *)>("clock_gettime");
    const int result = real(clock, ts);
    if (result == 0 && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE))
        ts->tv_sec += offsetSeconds();
    return result;
}

int gettimeofday(struct timeval *__restrict tv, void *__restrict tz) noexcept
{
    static const auto real = next<int (*)(struct timeval *, void *)>("gettimeofday");
    const int result = real(tv, tz);
    if (result == 0)
        tv->tv_sec += offsetSeconds();
    return result;
}

time_t time(time_t *out) noexcept
{
    static const auto real = next<time_t (*)(time_t *)>("time");
    const time_t now = real(nullptr) + offsetSeconds();
    if (out)
        *out = now;
    return now;
}

} // extern "C"
