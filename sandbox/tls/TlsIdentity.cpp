#include "tls/TlsIdentity.h"

#include "tls/CertificateAuthority.h"
#include "tls/PemFile.h"

#include <sys/stat.h>

namespace plexe::sandbox {

namespace {
constexpr int64_t kDay = 86400;

bool exists(const std::string &path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

CertificateAuthority loadOrCreateCa(const std::string &dataDir, int64_t now)
{
    const std::string certPath = dataDir + "/ca.pem";
    const std::string keyPath = dataDir + "/ca-key.pem";
    if (exists(certPath) && exists(keyPath))
        return CertificateAuthority(PemFile::readCertificate(certPath),
                                    PemFile::readPrivateKey(keyPath));
    CertificateAuthority ca = CertificateAuthority::create(now);
    // Key first: a ca.pem without its key would be unusable on the next start.
    PemFile::writePrivateKey(keyPath, ca.key());
    PemFile::writeCertificate(certPath, ca.certificate());
    return ca;
}
} // namespace

void TlsIdentity::ensureCa(const std::string &dataDir, int64_t now)
{
    loadOrCreateCa(dataDir, now);
}

TlsIdentity TlsIdentity::prepare(const std::string &dataDir, Variant variant, int64_t now)
{
    const CertificateAuthority ca = loadOrCreateCa(dataDir, now);
    CertificateAuthority::Issued issued;
    switch (variant) {
    case Variant::Valid:
        issued = ca.issueServer("localhost", "IP:127.0.0.1, IP:::1, DNS:localhost", now - kDay,
                                now + 365 * kDay);
        break;
    case Variant::Expired:
        issued = ca.issueServer("localhost", "IP:127.0.0.1, IP:::1, DNS:localhost", now - 30 * kDay,
                                now - kDay);
        break;
    case Variant::WrongHost:
        issued = ca.issueServer("wrong.example", "DNS:wrong.example", now - kDay, now + 365 * kDay);
        break;
    }
    PemFile::writePrivateKey(dataDir + "/server-key.pem", issued.key.get());
    PemFile::writeCertificate(dataDir + "/server.pem", issued.certificate.get());

    TlsIdentity identity;
    identity.m_caPath = dataDir + "/ca.pem";
    identity.m_certificate = std::move(issued.certificate);
    identity.m_key = std::move(issued.key);
    return identity;
}

} // namespace plexe::sandbox
