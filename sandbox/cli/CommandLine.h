#pragma once

#include "cli/UserAddCommand.h"
#include "seed/Seeder.h"
#include "server/ServeOptions.h"

#include <QStringList>

#include <string>

namespace plexe::sandbox {

// Parses `plexe-sandbox serve|seed|user add [options]`, `--help` and `--version`. Bad arguments
// give a message for stderr and exit code 2; the caller prints and exits.
class CommandLine
{
public:
    enum class Command { Serve, Seed, UserAdd, Exit };

    struct Result
    {
        Command command = Command::Exit;
        ServeOptions serve;
        Seeder::Options seed;
        UserAddCommand::Options userAdd;
        int exitCode = 0;   // for Command::Exit
        std::string output; // printed to stdout (help, version) for Command::Exit
        std::string error;  // printed to stderr for Command::Exit
    };

    static Result parse(const QStringList &arguments);
};

} // namespace plexe::sandbox
