#pragma once

#include <cstdint>
#include <string>

namespace plexe::sandbox {

// The server's one clock: wall-clock time as Unix seconds (and milliseconds), and its ISO-8601
// UTC form ("2026-01-31T12:00:00Z"). Every expiry in the server (codes, tokens, lockouts,
// step-up, key expiry, rate limits) reads it, so a test can move all of them at once.
class Clock
{
public:
    static int64_t now();
    static int64_t nowMs();
    static std::string iso8601(int64_t unixSeconds);

    // TEST ONLY (`serve --clock-offset-file PATH`): the file's integer content, re-read at
    // every reading of the clock, is added to the time in seconds. A missing, empty or garbled
    // file means 0. Call before any thread starts; an empty path turns it off.
    static void setOffsetFile(const std::string &path);
    static int64_t offsetSeconds();
};

} // namespace plexe::sandbox
