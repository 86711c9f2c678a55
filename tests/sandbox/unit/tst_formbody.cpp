// Tests for the strict application/x-www-form-urlencoded parser.
#include "auth/FormBody.h"

#include <QTest>

using namespace plexe::sandbox;
using E = FormBody::Error;

Q_DECLARE_METATYPE(FormBody::Error)

class TestFormBody : public QObject
{
    Q_OBJECT
private slots:
    void tokenRequestParses()
    {
        E error = E::TooLarge;
        const auto form = FormBody::parse(
            "grant_type=authorization_code&code=plx_code_abc-_&redirect_uri=http%3A%2F%2F127.0.0.1"
            "%3A8080%2Fcallback&client_id=plexe-console&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p"
            "1r_wW1gFWFOEjXk",
            &error);
        QVERIFY(form);
        QCOMPARE(error, E::None);
        QCOMPARE(form->value(QStringLiteral("grant_type")),
                 std::optional<QString>(QStringLiteral("authorization_code")));
        QCOMPARE(form->valueOr(QStringLiteral("redirect_uri")),
                 QStringLiteral("http://127.0.0.1:8080/callback"));
        QCOMPARE(form->fields().size(), 5);
        QCOMPARE(form->fields().first().first, QStringLiteral("grant_type"));
        QVERIFY(!form->contains(QStringLiteral("scope")));
        QVERIFY(!form->value(QStringLiteral("scope")));
    }

    void decoding()
    {
        const auto form = FormBody::parse("a=x+y%20z&b=%C3%A9%e2%82%AC&c=%2B%26%3D&d=");
        QVERIFY(form);
        QCOMPARE(form->valueOr(QStringLiteral("a")), QStringLiteral("x y z"));
        QCOMPARE(form->valueOr(QStringLiteral("b")), QStringLiteral("é€"));
        QCOMPARE(form->valueOr(QStringLiteral("c")), QStringLiteral("+&="));
        // RFC 6749 §3.1: an empty value is as good as absent, but it was present.
        QVERIFY(form->contains(QStringLiteral("d")));
        QVERIFY(!form->value(QStringLiteral("d")));
        const auto encodedName = FormBody::parse("pass%77ord=x");
        QVERIFY(encodedName && encodedName->contains(QStringLiteral("password")));
        const auto equalsInValue = FormBody::parse("a=b=c");
        QCOMPARE(equalsInValue->valueOr(QStringLiteral("a")), QStringLiteral("b=c"));
    }

    void emptyBodyIsAnEmptyForm()
    {
        const auto form = FormBody::parse(QByteArray());
        QVERIFY(form);
        QVERIFY(form->fields().isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<E>("error");
        QTest::newRow("duplicate") << QByteArray("code=a&code=b") << E::DuplicateParameter;
        QTest::newRow("duplicate equal") << QByteArray("code=a&code=a") << E::DuplicateParameter;
        QTest::newRow("duplicate empty") << QByteArray("code=&code=a") << E::DuplicateParameter;
        QTest::newRow("duplicate encoded")
            << QByteArray("code=a&c%6Fde=b") << E::DuplicateParameter;
        QTest::newRow("percent at end") << QByteArray("a=b%") << E::BadPercentEncoding;
        QTest::newRow("percent one digit") << QByteArray("a=b%4") << E::BadPercentEncoding;
        QTest::newRow("percent non-hex") << QByteArray("a=%zz") << E::BadPercentEncoding;
        QTest::newRow("percent in name") << QByteArray("a%g1=b") << E::BadPercentEncoding;
        QTest::newRow("percent sign then hex") << QByteArray("a=%+1") << E::BadPercentEncoding;
        QTest::newRow("invalid utf-8") << QByteArray("a=%C3%28") << E::BadCharacters;
        QTest::newRow("raw invalid utf-8") << QByteArray("a=\xff") << E::BadCharacters;
        QTest::newRow("overlong utf-8") << QByteArray("a=%C0%AF") << E::BadCharacters;
        QTest::newRow("encoded nul") << QByteArray("a=x%00y") << E::BadCharacters;
        QTest::newRow("raw nul") << QByteArray("a=x\0y", 5) << E::BadCharacters;
        QTest::newRow("empty segment") << QByteArray("a=1&&b=2") << E::Malformed;
        QTest::newRow("trailing ampersand") << QByteArray("a=1&") << E::Malformed;
        QTest::newRow("leading ampersand") << QByteArray("&a=1") << E::Malformed;
        QTest::newRow("no equals") << QByteArray("a") << E::Malformed;
        QTest::newRow("empty name") << QByteArray("=x") << E::Malformed;
        QTest::newRow("ampersand only") << QByteArray("&") << E::Malformed;
        QTest::newRow("too many fields")
            << QByteArray("a=1").repeated(FormBody::kMaxFields + 1).replace("1a", "1&a")
            << E::TooLarge;
        QTest::newRow("too large")
            << (QByteArray("a=") + QByteArray(FormBody::kDefaultMaxBytes, 'x')) << E::TooLarge;
    }

    void errors()
    {
        QFETCH(QByteArray, body);
        QFETCH(E, error);
        E actual = E::None;
        QVERIFY(!FormBody::parse(body, &actual));
        QCOMPARE(actual, error);
        QVERIFY(!FormBody::describe(actual).isEmpty());
        QVERIFY(!FormBody::parse(body)); // without the out-parameters too
    }

    void duplicateNamesTheField()
    {
        E error = E::None;
        QString name;
        QVERIFY(
            !FormBody::parse("client_id=a&code_verifier=s3cret&code_verifier=x", &error, &name));
        QCOMPARE(error, E::DuplicateParameter);
        QCOMPARE(name, QStringLiteral("code_verifier"));
    }

    void limitsAreExact()
    {
        QByteArray fields;
        for (int i = 0; i < FormBody::kMaxFields; ++i)
            fields += (i ? "&f" : "f") + QByteArray::number(i) + "=1";
        QVERIFY(FormBody::parse(fields));
        QVERIFY(!FormBody::parse(fields + "&g=1"));
        const QByteArray exact = "a=" + QByteArray(FormBody::kDefaultMaxBytes - 2, 'x');
        QVERIFY(FormBody::parse(exact));
        QVERIFY(FormBody::parse("a=123", nullptr, nullptr, 5));
        QVERIFY(!FormBody::parse("a=1234", nullptr, nullptr, 5));
    }

    void contentType()
    {
        QVERIFY(FormBody::isFormContentType("application/x-www-form-urlencoded"));
        QVERIFY(FormBody::isFormContentType("Application/X-WWW-Form-Urlencoded"));
        QVERIFY(FormBody::isFormContentType("application/x-www-form-urlencoded; charset=UTF-8"));
        QVERIFY(FormBody::isFormContentType(" application/x-www-form-urlencoded ;charset=utf-8"));
        QVERIFY(!FormBody::isFormContentType(QByteArray()));
        QVERIFY(!FormBody::isFormContentType("application/json"));
        QVERIFY(!FormBody::isFormContentType("multipart/form-data; boundary=x"));
        QVERIFY(!FormBody::isFormContentType("application/x-www-form-urlencodedx"));
    }

    void arbitraryBytesNeverCrash()
    {
        // A cheap deterministic fuzz: every byte in every position of a short body.
        const QByteArray base("ab=c%41&d=e+f");
        for (int pos = 0; pos < base.size(); ++pos) {
            for (int b = 0; b < 256; ++b) {
                QByteArray body = base;
                body[pos] = static_cast<char>(b);
                E error = E::None;
                const auto form = FormBody::parse(body, &error);
                QCOMPARE(bool(form), error == E::None);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFormBody)
#include "tst_formbody.moc"
