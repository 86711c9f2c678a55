#pragma once

#include <string>

namespace plexe::sandbox {

// The `seed` command: fills a new data folder with the demo account, its keys (one of each
// kind) and models, an OAuth-only and a TOTP demo account, all in one transaction, and prints
// every demo credential once.
class Seeder
{
public:
    struct Options
    {
        std::string dataDir; // absolute
        int models = 12;
        int logEvents = 0; // access-log events for the demo account (LogSeeder)
        // --build-seconds: the building demo models finish this long after the seed; 0 = never.
        int buildSeconds = 0;
        // --write-demo-credentials: also <data>/demo-credentials, for plexe-console --sandbox.
        // Opt-in, so that a data folder holds no demo secret in clear unless asked to.
        bool writeCredentials = false;
    };

    // Returns the process exit code: 0, or 1 (already seeded, or an I/O failure).
    static int run(const Options &options);
};

} // namespace plexe::sandbox
