#include "tls/CertificateAuthority.h"

#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <QtTest>

using namespace plexe::sandbox;

namespace {
constexpr int64_t kNow = 1800000000;
constexpr int64_t kDay = 86400;
const char kSans[] = "IP:127.0.0.1, IP:::1, DNS:localhost";

// The verification result of `leaf` against `ca` at kNow, as X509_verify_cert sees it.
int verify(X509 *ca, X509 *leaf)
{
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, ca);
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, leaf, nullptr);
    X509_STORE_CTX_set_time(ctx, 0, time_t(kNow));
    const int ok = X509_verify_cert(ctx);
    const int error = ok == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    return error;
}
} // namespace

class TestCertificateAuthority : public QObject
{
    Q_OBJECT
private slots:
    void validCertificateVerifiesForLoopbackNames()
    {
        const auto ca = CertificateAuthority::create(kNow);
        const auto leaf = ca.issueServer("localhost", kSans, kNow - kDay, kNow + kDay);
        QCOMPARE(verify(ca.certificate(), leaf.certificate.get()), X509_V_OK);
        QCOMPARE(X509_check_host(leaf.certificate.get(), "localhost", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_ip_asc(leaf.certificate.get(), "127.0.0.1", 0), 1);
        QCOMPARE(X509_check_ip_asc(leaf.certificate.get(), "::1", 0), 1);
        QCOMPARE(X509_check_ip_asc(leaf.certificate.get(), "10.0.0.1", 0), 0);
        QCOMPARE(X509_check_ca(leaf.certificate.get()), 0);
        QVERIFY(X509_check_ca(ca.certificate()) != 0);
    }
    void expiredCertificateFails()
    {
        const auto ca = CertificateAuthority::create(kNow);
        const auto leaf = ca.issueServer("localhost", kSans, kNow - 30 * kDay, kNow - kDay);
        QCOMPARE(verify(ca.certificate(), leaf.certificate.get()), X509_V_ERR_CERT_HAS_EXPIRED);
    }
    void wrongHostCertificateNamesOnlyWrongExample()
    {
        const auto ca = CertificateAuthority::create(kNow);
        const auto leaf =
            ca.issueServer("wrong.example", "DNS:wrong.example", kNow - kDay, kNow + kDay);
        QCOMPARE(verify(ca.certificate(), leaf.certificate.get()), X509_V_OK);
        QCOMPARE(X509_check_host(leaf.certificate.get(), "localhost", 0, 0, nullptr), 0);
        QCOMPARE(X509_check_ip_asc(leaf.certificate.get(), "127.0.0.1", 0), 0);
    }
    void anotherCaIsNotTrusted()
    {
        const auto ca = CertificateAuthority::create(kNow);
        const auto other = CertificateAuthority::create(kNow);
        const auto leaf = ca.issueServer("localhost", kSans, kNow - kDay, kNow + kDay);
        QVERIFY(verify(other.certificate(), leaf.certificate.get()) != X509_V_OK);
    }
};

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "tst_certificateauthority.moc"
