#pragma once

#include <vector>

namespace plexe::sandbox {

class Connection;

// The schema as an ordered list of steps; each runs once, in its own transaction, and bumps
// schema_version. Later features append steps (sessions, tokens, access logs) and never edit
// a released one.
class Migrations
{
public:
    struct Step
    {
        int version;
        const char *sql;
    };

    static const std::vector<Step> &steps();
    static int currentVersion(Connection &connection);
    static void apply(Connection &connection);
};

} // namespace plexe::sandbox
