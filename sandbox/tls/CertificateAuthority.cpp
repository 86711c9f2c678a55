#include "tls/CertificateAuthority.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/x509v3.h>

#include <stdexcept>

namespace plexe::sandbox {

namespace {
constexpr int64_t kDay = 86400;

void check(bool ok, const char *what)
{
    if (!ok)
        throw std::runtime_error(std::string("OpenSSL: ") + what + " failed");
}

PKeyPtr newKey()
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    check(key != nullptr, "EVP_EC_gen");
    return key;
}

X509Ptr newCertificate(EVP_PKEY *publicKey, const std::string &commonName, int64_t notBefore,
                       int64_t notAfter)
{
    X509Ptr x(X509_new());
    check(x != nullptr, "X509_new");
    check(X509_set_version(x.get(), 2) == 1, "X509_set_version");
    // A random 127-bit serial: unique without keeping a counter on disk.
    std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(BN_new(), &BN_free);
    check(serial && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1,
          "BN_rand");
    check(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(x.get())) != nullptr,
          "BN_to_ASN1_INTEGER");
    check(ASN1_TIME_set(X509_getm_notBefore(x.get()), time_t(notBefore)) != nullptr, "notBefore");
    check(ASN1_TIME_set(X509_getm_notAfter(x.get()), time_t(notAfter)) != nullptr, "notAfter");
    X509_NAME *name = X509_get_subject_name(x.get());
    check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char *>("plexe-sandbox"), -1,
                                     -1, 0) == 1,
          "subject O");
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char *>(commonName.c_str()),
                                     -1, -1, 0) == 1,
          "subject CN");
    check(X509_set_pubkey(x.get(), publicKey) == 1, "X509_set_pubkey");
    return x;
}

void addExtension(X509 *x, X509 *issuer, int nid, const std::string &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, x, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    check(ext != nullptr, "X509V3_EXT_conf_nid");
    const int added = X509_add_ext(x, ext, -1);
    X509_EXTENSION_free(ext);
    check(added == 1, "X509_add_ext");
}
} // namespace

CertificateAuthority::CertificateAuthority(X509Ptr certificate, PKeyPtr key)
    : m_certificate(std::move(certificate)), m_key(std::move(key))
{}

CertificateAuthority CertificateAuthority::create(int64_t now)
{
    PKeyPtr key = newKey();
    X509Ptr x = newCertificate(key.get(), "plexe-sandbox local CA (not the Plexe service)",
                               now - kDay, now + 3650 * kDay);
    check(X509_set_issuer_name(x.get(), X509_get_subject_name(x.get())) == 1, "issuer");
    addExtension(x.get(), x.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExtension(x.get(), x.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(x.get(), x.get(), NID_subject_key_identifier, "hash");
    check(X509_sign(x.get(), key.get(), EVP_sha256()) > 0, "X509_sign");
    return CertificateAuthority(std::move(x), std::move(key));
}

CertificateAuthority::Issued CertificateAuthority::issueServer(const std::string &commonName,
                                                               const std::string &subjectAltNames,
                                                               int64_t notBefore,
                                                               int64_t notAfter) const
{
    Issued issued;
    issued.key = newKey();
    issued.certificate = newCertificate(issued.key.get(), commonName, notBefore, notAfter);
    X509 *x = issued.certificate.get();
    check(X509_set_issuer_name(x, X509_get_subject_name(m_certificate.get())) == 1, "issuer");
    addExtension(x, m_certificate.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExtension(x, m_certificate.get(), NID_key_usage, "critical,digitalSignature");
    addExtension(x, m_certificate.get(), NID_ext_key_usage, "serverAuth");
    addExtension(x, m_certificate.get(), NID_subject_alt_name, subjectAltNames);
    addExtension(x, m_certificate.get(), NID_subject_key_identifier, "hash");
    addExtension(x, m_certificate.get(), NID_authority_key_identifier, "keyid:always");
    check(X509_sign(x, m_key.get(), EVP_sha256()) > 0, "X509_sign");
    return issued;
}

} // namespace plexe::sandbox
