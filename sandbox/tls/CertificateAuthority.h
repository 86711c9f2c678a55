#pragma once

#include "tls/OpenSslPtr.h"

#include <cstdint>
#include <string>

namespace plexe::sandbox {

// The sandbox's own certificate authority (EC P-256): it signs the server certificates, and
// the console trusts its certificate (ca.pem) for this sandbox only.
class CertificateAuthority
{
public:
    struct Issued
    {
        X509Ptr certificate;
        PKeyPtr key;
    };

    static CertificateAuthority create(int64_t now);
    CertificateAuthority(X509Ptr certificate, PKeyPtr key);

    // A TLS server certificate with a fresh key. `subjectAltNames` in OpenSSL's config syntax
    // ("IP:127.0.0.1, DNS:localhost"); validity in Unix seconds.
    Issued issueServer(const std::string &commonName, const std::string &subjectAltNames,
                       int64_t notBefore, int64_t notAfter) const;

    X509 *certificate() const { return m_certificate.get(); }
    EVP_PKEY *key() const { return m_key.get(); }

private:
    X509Ptr m_certificate;
    PKeyPtr m_key;
};

} // namespace plexe::sandbox
