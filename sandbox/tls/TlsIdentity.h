#pragma once

#include "tls/OpenSslPtr.h"

#include <cstdint>
#include <string>

namespace plexe::sandbox {

// The files of a data folder's TLS identity: ca.pem + ca-key.pem (created once) and a server
// certificate for 127.0.0.1, ::1 and localhost, issued afresh at every start so it never
// expires under a long-lived data folder. Test variants prove that clients check certificates.
class TlsIdentity
{
public:
    enum class Variant { Valid, Expired, WrongHost };

    // Creates the CA on first use (serve or seed) and reuses it afterwards.
    static void ensureCa(const std::string &dataDir, int64_t now);
    static TlsIdentity prepare(const std::string &dataDir, Variant variant, int64_t now);

    const std::string &caPath() const { return m_caPath; }
    X509 *certificate() const { return m_certificate.get(); }
    EVP_PKEY *key() const { return m_key.get(); }

private:
    std::string m_caPath;
    X509Ptr m_certificate;
    PKeyPtr m_key;
};

} // namespace plexe::sandbox
