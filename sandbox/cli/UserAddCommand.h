#pragma once

#include <string>

namespace plexe::sandbox {

// `plexe-sandbox user add --data DIR --email E [--name N] [--password-stdin] [--totp]
// [--oauth-only]`: adds an account to a data folder and prints, once, what only the person
// should keep (a generated password, the TOTP secret and its otpauth:// URI).
class UserAddCommand
{
public:
    struct Options
    {
        std::string dataDir; // absolute
        std::string email;
        std::string name; // empty: the part of the email before '@'
        bool passwordStdin = false;
        bool totp = false;
        bool oauthOnly = false;
    };

    // Returns the exit code: 0, 1 (I/O, taken email), 2 (invalid input).
    static int run(const Options &options);
};

} // namespace plexe::sandbox
