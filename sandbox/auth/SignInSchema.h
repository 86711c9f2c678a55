#pragma once

namespace plexe::sandbox {

// The SQL of the sign-in migration: account columns for TOTP and OAuth-only accounts, and the
// tables of codes, MFA challenges, token families, refresh and access tokens and browser
// sessions. Every secret in them is a SHA-256 hash (OpaqueToken::storageHash); TOTP seeds are
// sealed (SecretBox).
class SignInSchema
{
public:
    static const char *sql();
};

} // namespace plexe::sandbox
