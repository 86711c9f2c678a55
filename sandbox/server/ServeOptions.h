#pragma once

#include "auth/SignInSettings.h"
#include "tls/TlsIdentity.h"

#include <string>

namespace plexe::sandbox {

// What `plexe-sandbox serve` was asked to do.
struct ServeOptions
{
    std::string dataDir; // absolute
    std::string bind = "127.0.0.1";
    int port = 0;            // 0: any free port
    int rateLimit = 100;     // requests per minute per credential, 0 = off
    int keyCreateLimit = 10; // key creations per hour per account, 0 = off
    TlsIdentity::Variant certificate = TlsIdentity::Variant::Valid;
    SignInSettings signIn;
    std::string clockOffsetFile; // test only: see Clock::setOffsetFile
};

} // namespace plexe::sandbox
