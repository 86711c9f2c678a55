#pragma once

#include <QString>

namespace plexe {

// One demo account of a seeded sandbox, as the sign-in page offers it ("Fill in").
struct DemoAccount
{
    QString label; // "Demo account", "TOTP account", "OAuth-only account" (translated)
    QString email;
    QString password;   // empty for oauthOnly
    QString totpSecret; // base32, set for the TOTP account
    QString apiKey;     // a read-write key, set for the demo account
    bool oauthOnly = false;

    bool operator==(const DemoAccount &other) const
    {
        return label == other.label && email == other.email && password == other.password &&
               totpSecret == other.totpSecret && apiKey == other.apiKey &&
               oauthOnly == other.oauthOnly;
    }
};

} // namespace plexe
