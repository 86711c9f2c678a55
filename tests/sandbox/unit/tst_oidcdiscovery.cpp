// Tests for the OpenID-Connect-shaped discovery document.
#include "auth/OidcDiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace plexe::sandbox;

class TestOidcDiscovery : public QObject
{
    Q_OBJECT
private slots:
    void documentHasTheContractFields()
    {
        const QJsonObject doc =
            QJsonDocument::fromJson(
                OidcDiscovery::document(QStringLiteral("https://127.0.0.1:8443")))
                .object();
        QCOMPARE(doc.value(QStringLiteral("issuer")).toString(),
                 QStringLiteral("https://127.0.0.1:8443"));
        QCOMPARE(doc.value(QStringLiteral("authorization_endpoint")).toString(),
                 QStringLiteral("https://127.0.0.1:8443/oauth/authorize"));
        QCOMPARE(doc.value(QStringLiteral("token_endpoint")).toString(),
                 QStringLiteral("https://127.0.0.1:8443/oauth/token"));
        QCOMPARE(doc.value(QStringLiteral("revocation_endpoint")).toString(),
                 QStringLiteral("https://127.0.0.1:8443/oauth/revoke"));
        QCOMPARE(doc.value(QStringLiteral("code_challenge_methods_supported")).toArray(),
                 QJsonArray{QStringLiteral("S256")});
        QCOMPARE(
            doc.value(QStringLiteral("grant_types_supported")).toArray(),
            QJsonArray({QStringLiteral("authorization_code"), QStringLiteral("refresh_token")}));
        QCOMPARE(doc.value(QStringLiteral("response_types_supported")).toArray(),
                 QJsonArray{QStringLiteral("code")});
        QCOMPARE(doc.value(QStringLiteral("token_endpoint_auth_methods_supported")).toArray(),
                 QJsonArray{QStringLiteral("none")});
        QVERIFY(
            doc.value(QStringLiteral("authorization_response_iss_parameter_supported")).toBool());
    }

    void trailingSlashIsDropped()
    {
        QCOMPARE(OidcDiscovery::normalizeIssuer(QStringLiteral("https://[::1]:1//")),
                 QStringLiteral("https://[::1]:1"));
        const QJsonObject doc =
            QJsonDocument::fromJson(OidcDiscovery::document(QStringLiteral("https://[::1]:1/")))
                .object();
        QCOMPARE(doc.value(QStringLiteral("token_endpoint")).toString(),
                 QStringLiteral("https://[::1]:1/oauth/token"));
    }

    void issuerIsJsonEscaped()
    {
        const QByteArray body = OidcDiscovery::document(QStringLiteral("https://a\"b"));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("issuer")).toString(),
                 QStringLiteral("https://a\"b"));
    }
};

QTEST_GUILESS_MAIN(TestOidcDiscovery)
#include "tst_oidcdiscovery.moc"
