// Redaction: secret query values, credential headers, API-key-shaped text, CR/LF escaping.
#include "core/Redaction.h"

#include <QTest>

using namespace plexe;

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void url_data();
    void url();
    void headers();
    void text();
    void escape();
};

static const char kCanaryKey[] = "plx_sk_CANARYabcdefghijklmnopqrstuvwxyz0123456789";

void TestRedaction::url_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("secret"); // must not appear
    QTest::addColumn<QString>("kept");   // must appear

    const QString base = QStringLiteral("http://127.0.0.1:5000/cb?");
    QTest::newRow("code+state") << base + QStringLiteral("code=SECRETCODE&state=SECRETSTATE&iss=x")
                                << "SECRET"
                                << "iss=x";
    QTest::newRow("access_token") << base + QStringLiteral("access_token=SECRETTOK&limit=5")
                                  << "SECRETTOK"
                                  << "limit=5";
    QTest::newRow("refresh_token") << base + QStringLiteral("refresh_token=SECRETR") << "SECRETR"
                                   << "refresh_token=";
    QTest::newRow("token") << base + QStringLiteral("token=SECRETT") << "SECRETT"
                           << "token=";
    QTest::newRow("key") << base + QStringLiteral("key=SECRETK&status=active") << "SECRETK"
                         << "status=active";
    QTest::newRow("password") << base + QStringLiteral("password=SECRETP") << "SECRETP"
                              << "password=";
    QTest::newRow("code_verifier") << base + QStringLiteral("code_verifier=SECRETV") << "SECRETV"
                                   << "code_verifier=";
    QTest::newRow("case") << base + QStringLiteral("Access_Token=SECRETC") << "SECRETC"
                          << "=";
    QTest::newRow("encoded name") << base + QStringLiteral("acc%65ss_token=SECRETE") << "SECRETE"
                                  << "=";
    QTest::newRow("key in path") << QStringLiteral("https://h/auth/api-keys/") +
                                        QLatin1String(kCanaryKey)
                                 << "CANARY"
                                 << "/auth/api-keys/plx_sk_";
    QTest::newRow("userinfo") << QStringLiteral("https://user:SECRETPW@h/x") << "SECRETPW"
                              << "h/x";
    QTest::newRow("fragment") << QStringLiteral("https://h/x#access_token=SECRETF") << "SECRETF"
                              << "h/x";
    QTest::newRow("harmless") << QStringLiteral("https://h/models?limit=20&offset=40") << "\r"
                              << "limit=20&offset=40";
}

void TestRedaction::url()
{
    QFETCH(QString, input);
    QFETCH(QString, secret);
    QFETCH(QString, kept);
    const QString out = Redaction::url(QUrl(input));
    QVERIFY2(!out.contains(secret), qPrintable(out));
    QVERIFY2(out.contains(kept), qPrintable(out));
}

void TestRedaction::headers()
{
    for (const char *name : {"Authorization", "authorization", "X-Api-Key", "x-api-key", "Cookie",
                             "Set-Cookie", "Proxy-Authorization"}) {
        const QString out = Redaction::header(name, "Bearer SECRETHEADER");
        QVERIFY2(!out.contains(QLatin1String("SECRETHEADER")), qPrintable(out));
        QVERIFY(out.contains(Redaction::kMask));
    }
    const QString ok = Redaction::header("Content-Type", "application/json");
    QCOMPARE(ok, QStringLiteral("Content-Type: application/json"));
    const QString key = Redaction::header("X-Other", kCanaryKey);
    QVERIFY(!key.contains(QLatin1String("CANARY")));
}

void TestRedaction::text()
{
    const QString out =
        Redaction::text(QStringLiteral("used %1 and %1.").arg(QLatin1String(kCanaryKey)));
    QVERIFY2(!out.contains(QLatin1String("CANARY")), qPrintable(out));
    QCOMPARE(out.count(QLatin1String("plx_sk_")), 2);
}

void TestRedaction::escape()
{
    const QString out = Redaction::text(QStringLiteral("a\r\nFAKE LOG LINE\tb\x01"));
    QVERIFY(!out.contains(QLatin1Char('\n')));
    QVERIFY(!out.contains(QLatin1Char('\r')));
    QCOMPARE(out, QStringLiteral("a\\r\\nFAKE LOG LINE\\tb\\x01"));
    const QString url = Redaction::url(QUrl(QStringLiteral("https://h/x?q=a%0D%0Ab")));
    QVERIFY(!url.contains(QLatin1Char('\n')));
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
