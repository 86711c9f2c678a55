// Contract §1 (HTTPS only) and security.md F.37 (loopback): the sandbox's certificate verifies
// against the CA it writes out, and only against it; broken certificates fail verification.
#include "ContractClient.h"
#include "SandboxProcess.h"

#include <QFile>
#include <QTemporaryFile>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

using namespace plexe::test;

namespace {

// A request with full verification, optionally against a CA file; never an unverified one.
Reply healthWith(const QUrl &base, const QString &caPath)
{
    httplib::SSLClient client(base.host().toStdString(), base.port());
    if (!caPath.isEmpty())
        client.set_ca_cert_path(caPath.toStdString());
    client.enable_server_certificate_verification(true);
    client.set_connection_timeout(2);
    client.set_read_timeout(5);
    auto result = client.Get("/health");
    Reply reply;
    reply.error = result.error();
    reply.verifyResult = client.get_openssl_verify_result();
    if (result) {
        reply.transportOk = true;
        reply.status = result->status;
        reply.body = QByteArray::fromStdString(result->body);
    }
    return reply;
}

bool isVerificationFailure(const Reply &reply)
{
    return !reply.transportOk && reply.error == httplib::Error::SSLServerVerification;
}

// The same request without verification: proves a refusal was the certificate's doing, not a
// server that does not answer at all.
int unverifiedStatus(const QUrl &base)
{
    httplib::SSLClient client(base.host().toStdString(), base.port());
    client.enable_server_certificate_verification(false);
    client.set_connection_timeout(2);
    client.set_read_timeout(5);
    auto result = client.Get("/health");
    return result ? result->status : 0;
}

// A throwaway self-signed CA certificate (PEM), standing for "some other CA".
QByteArray foreignCaPem()
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = X509_new();
    QByteArray pem;
    if (key && cert) {
        X509_set_version(cert, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), 4242);
        X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
        X509_gmtime_adj(X509_getm_notAfter(cert), 86400);
        X509_NAME *name = X509_get_subject_name(cert);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char *>("Not the sandbox CA"),
                                   -1, -1, 0);
        X509_set_issuer_name(cert, name);
        X509_set_pubkey(cert, key);
        if (X509_sign(cert, key, EVP_sha256()) > 0) {
            BIO *bio = BIO_new(BIO_s_mem());
            PEM_write_bio_X509(bio, cert);
            char *data = nullptr;
            const long size = BIO_get_mem_data(bio, &data);
            pem = QByteArray(data, int(size));
            BIO_free(bio);
        }
    }
    X509_free(cert);
    EVP_PKEY_free(key);
    return pem;
}

} // namespace

// TLS: trusted through the sandbox's CA only; expired and wrong-host certificates are refused.
class TestContractTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void listensOnLoopbackWithCaFile();
    void acceptedWithItsCa();
    void refusedWithoutItsCa();
    void refusedWithAnotherCa();
    void plainHttpIsNotServed();
    void testCertificates_data();
    void testCertificates();

private:
    SandboxProcess m_sandbox;
};

void TestContractTls::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
}

void TestContractTls::listensOnLoopbackWithCaFile()
{
    QCOMPARE(m_sandbox.baseUrl().scheme(), QStringLiteral("https"));
    const QString host = m_sandbox.baseUrl().host();
    QVERIFY2(host == QStringLiteral("127.0.0.1") || host == QStringLiteral("::1"),
             qPrintable(host));
    QFile ca(m_sandbox.caPath());
    QVERIFY2(ca.open(QIODevice::ReadOnly), qPrintable(m_sandbox.caPath()));
    const QByteArray pem = ca.readAll();
    QVERIFY(pem.contains("-----BEGIN CERTIFICATE-----"));
    QVERIFY2(!pem.contains("PRIVATE KEY"), "the CA file given to clients holds a private key");
}

void TestContractTls::acceptedWithItsCa()
{
    const Reply reply = healthWith(m_sandbox.baseUrl(), m_sandbox.caPath());
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.verifyResult, long(X509_V_OK));
}

void TestContractTls::refusedWithoutItsCa()
{
    // Only the system's trust store: the sandbox's own CA is not in it.
    const Reply reply = healthWith(m_sandbox.baseUrl(), QString());
    QVERIFY2(isVerificationFailure(reply), reply.describe().constData());
    QVERIFY(reply.verifyResult != X509_V_OK);
    QCOMPARE(unverifiedStatus(m_sandbox.baseUrl()), 200);
}

void TestContractTls::refusedWithAnotherCa()
{
    const QByteArray pem = foreignCaPem();
    QVERIFY(pem.startsWith("-----BEGIN CERTIFICATE-----"));
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(pem);
    file.flush();
    const Reply reply = healthWith(m_sandbox.baseUrl(), file.fileName());
    QVERIFY2(isVerificationFailure(reply), reply.describe().constData());
    QVERIFY(reply.verifyResult != X509_V_OK);
}

void TestContractTls::plainHttpIsNotServed()
{
    httplib::Client plain(m_sandbox.baseUrl().host().toStdString(), m_sandbox.baseUrl().port());
    plain.set_connection_timeout(2);
    plain.set_read_timeout(3);
    auto result = plain.Get("/health");
    QVERIFY2(!result || result->status != 200, "plain HTTP answered 200 on the TLS port");
    // The TLS side is unharmed.
    QCOMPARE(healthWith(m_sandbox.baseUrl(), m_sandbox.caPath()).status, 200);
}

void TestContractTls::testCertificates_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<long>("verifyResult"); // -1: any failure
    QTest::newRow("valid") << QStringLiteral("valid") << true << long(X509_V_OK);
    QTest::newRow("expired") << QStringLiteral("expired") << false
                             << long(X509_V_ERR_CERT_HAS_EXPIRED);
    QTest::newRow("wrong-host") << QStringLiteral("wrong-host") << false << -1L;
}

void TestContractTls::testCertificates()
{
    QFETCH(QString, mode);
    QFETCH(bool, accepted);
    QFETCH(long, verifyResult);
    SandboxProcess sandbox;
    SandboxProcess::Options options;
    options.extraServeArgs = {QStringLiteral("--tls-test-cert"), mode};
    QVERIFY2(sandbox.start(options), qPrintable(sandbox.errorString()));
    const Reply reply = healthWith(sandbox.baseUrl(), sandbox.caPath());
    if (accepted) {
        QVERIFY2(reply.status == 200, reply.describe().constData());
    } else {
        QVERIFY2(isVerificationFailure(reply), reply.describe().constData());
        if (verifyResult >= 0)
            QCOMPARE(reply.verifyResult, verifyResult);
        QCOMPARE(unverifiedStatus(sandbox.baseUrl()), 200);
    }
}

QTEST_GUILESS_MAIN(TestContractTls)
#include "tst_contract_tls.moc"
