#pragma once

#include <cstdint>
#include <string>

namespace plexe::sandbox {

// Wall-clock time as Unix seconds, and its ISO-8601 UTC form ("2026-01-31T12:00:00Z").
class Clock
{
public:
    static int64_t now();
    static std::string iso8601(int64_t unixSeconds);
};

} // namespace plexe::sandbox
