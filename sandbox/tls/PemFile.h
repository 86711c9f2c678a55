#pragma once

#include "tls/OpenSslPtr.h"

#include <string>

namespace plexe::sandbox {

// Reads and writes certificates and private keys as PEM files. Key files are created with
// mode 0600 from the start, so a key is never readable by others even for a moment.
class PemFile
{
public:
    static X509Ptr readCertificate(const std::string &path);
    static PKeyPtr readPrivateKey(const std::string &path);
    static void writeCertificate(const std::string &path, X509 *certificate);
    static void writePrivateKey(const std::string &path, EVP_PKEY *key);
};

} // namespace plexe::sandbox
