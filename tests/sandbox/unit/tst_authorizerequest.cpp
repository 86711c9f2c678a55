// Tests for GET /oauth/authorize parameter validation: page vs redirect errors, hidden fields.
#include "auth/AuthorizeRequest.h"

#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace plexe::sandbox;
using Outcome = AuthorizeRequest::Outcome;
using Params = QList<QPair<QString, QString>>;

Q_DECLARE_METATYPE(AuthorizeRequest::Outcome)

namespace {

const QString kIssuer = QStringLiteral("https://127.0.0.1:8443");

Params good()
{
    return {{QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), QStringLiteral("plexe-console")},
            {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:8080/callback")},
            {QStringLiteral("state"), QStringLiteral("xyz-123")},
            {QStringLiteral("code_challenge"),
             QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
            {QStringLiteral("scope"), QStringLiteral("openid profile")}};
}

Params with(const QString &name, const QString &value)
{
    Params p = good();
    for (auto &param : p)
        if (param.first == name) {
            param.second = value;
            return p;
        }
    p.append({name, value});
    return p;
}

Params without(const QString &name)
{
    Params p = good();
    p.erase(std::remove_if(p.begin(), p.end(), [&](const auto &x) { return x.first == name; }),
            p.end());
    return p;
}

QUrlQuery queryOf(const QString &uri)
{
    return QUrlQuery(QUrl(uri).query());
}

} // namespace

class TestAuthorizeRequest : public QObject
{
    Q_OBJECT
private slots:
    void validRequest()
    {
        const auto r = AuthorizeRequest::parse(good());
        QVERIFY(r.isValid());
        QVERIFY(r.error().isEmpty());
        QCOMPARE(r.clientId(), QStringLiteral("plexe-console"));
        QCOMPARE(r.state(), QStringLiteral("xyz-123"));
        QCOMPARE(r.scope(), QStringLiteral("openid profile"));
        QVERIFY(!r.maxAge());
        QVERIFY(r.provider().isEmpty());
        QVERIFY(AuthorizeRequest::parse(
                    with(QStringLiteral("redirect_uri"), QStringLiteral("http://[::1]:1/")))
                    .isValid());
        const auto withExtras =
            AuthorizeRequest::parse(with(QStringLiteral("max_age"), QStringLiteral("0")) +
                                    Params{{QStringLiteral("prompt"), QStringLiteral("login")},
                                           {QStringLiteral("provider"), QStringLiteral("github")},
                                           {QStringLiteral("nonce"), QStringLiteral("ignored")}});
        QVERIFY(withExtras.isValid());
        QCOMPARE(withExtras.maxAge(), std::optional<qint64>(0));
        QCOMPARE(withExtras.prompt(), QStringLiteral("login"));
        QCOMPARE(withExtras.provider(), QStringLiteral("github"));
    }

    void faults_data()
    {
        QTest::addColumn<Params>("params");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<QString>("error");
        const auto P = Outcome::ErrorPage;
        const auto R = Outcome::ErrorRedirect;
        const QString invalid = QStringLiteral("invalid_request");
        auto row = [](const char *name, const Params &p, Outcome o, const QString &e) {
            QTest::newRow(name) << p << o << e;
        };
        // Untrusted client or redirect: a page, never a redirect.
        row("no client", without(QStringLiteral("client_id")), P, invalid);
        row("unknown client", with(QStringLiteral("client_id"), QStringLiteral("evil")), P,
            QStringLiteral("unauthorized_client"));
        row("no redirect", without(QStringLiteral("redirect_uri")), P, invalid);
        row("localhost",
            with(QStringLiteral("redirect_uri"), QStringLiteral("http://localhost:8080/callback")),
            P, invalid);
        row("other host",
            with(QStringLiteral("redirect_uri"), QStringLiteral("https://evil.example/cb")), P,
            invalid);
        row("repeated redirect",
            good() +
                Params{{QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:1/x")}},
            P, invalid);
        row("repeated client",
            good() + Params{{QStringLiteral("client_id"), QStringLiteral("plexe-console")}}, P,
            invalid);
        // Everything else: a redirect with the error.
        row("no response_type", without(QStringLiteral("response_type")), R, invalid);
        row("token flow", with(QStringLiteral("response_type"), QStringLiteral("token")), R,
            QStringLiteral("unsupported_response_type"));
        row("no state", without(QStringLiteral("state")), R, invalid);
        row("long state", with(QStringLiteral("state"), QString(513, QLatin1Char('s'))), R,
            invalid);
        row("state with space", with(QStringLiteral("state"), QStringLiteral("a b")), R, invalid);
        row("no challenge", without(QStringLiteral("code_challenge")), R, invalid);
        row("plain", with(QStringLiteral("code_challenge_method"), QStringLiteral("plain")), R,
            invalid);
        row("no method", without(QStringLiteral("code_challenge_method")), R, invalid);
        row("short challenge", with(QStringLiteral("code_challenge"), QStringLiteral("abc")), R,
            invalid);
        row("prompt none", with(QStringLiteral("prompt"), QStringLiteral("none")), R,
            QStringLiteral("login_required"));
        row("prompt junk", with(QStringLiteral("prompt"), QStringLiteral("junk")), R, invalid);
        row("max_age negative", with(QStringLiteral("max_age"), QStringLiteral("-1")), R, invalid);
        row("max_age text", with(QStringLiteral("max_age"), QStringLiteral("1h")), R, invalid);
        row("max_age huge", with(QStringLiteral("max_age"), QStringLiteral("99999999999")), R,
            invalid);
        row("provider junk", with(QStringLiteral("provider"), QStringLiteral("facebook")), R,
            invalid);
        row("scope control", with(QStringLiteral("scope"), QStringLiteral("a\nb")), R,
            QStringLiteral("invalid_scope"));
        row("repeated state", good() + Params{{QStringLiteral("state"), QStringLiteral("x")}}, R,
            invalid);
        row("repeated challenge",
            good() + Params{{QStringLiteral("code_challenge"), QStringLiteral("x")}}, R, invalid);
    }

    void faults()
    {
        QFETCH(Params, params);
        QFETCH(Outcome, outcome);
        QFETCH(QString, error);
        const auto r = AuthorizeRequest::parse(params);
        QCOMPARE(r.outcome(), outcome);
        QCOMPARE(r.error(), error);
        QVERIFY(!r.errorDescription().isEmpty());
    }

    void errorRedirectCarriesStateAndIssuer()
    {
        const auto r = AuthorizeRequest::parse(
            with(QStringLiteral("code_challenge_method"), QStringLiteral("plain")));
        const QString uri = r.errorRedirect(kIssuer);
        QVERIFY(uri.startsWith(QStringLiteral("http://127.0.0.1:8080/callback?error=")));
        const QUrlQuery q = queryOf(uri);
        QCOMPARE(q.queryItemValue(QStringLiteral("error")), QStringLiteral("invalid_request"));
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("xyz-123"));
        QCOMPARE(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded), kIssuer);
        QVERIFY(!q.queryItemValue(QStringLiteral("error_description")).isEmpty());
    }

    void badStateIsNotEchoed()
    {
        const auto r = AuthorizeRequest::parse(
            with(QStringLiteral("state"), QStringLiteral("<script>alert(1)</script>a b")));
        QCOMPARE(r.outcome(), Outcome::ErrorRedirect);
        QVERIFY(r.state().isEmpty());
        QVERIFY(!queryOf(r.errorRedirect(kIssuer)).hasQueryItem(QStringLiteral("state")));
        const auto repeated = AuthorizeRequest::parse(
            good() + Params{{QStringLiteral("state"), QStringLiteral("x")}});
        QVERIFY(!queryOf(repeated.errorRedirect(kIssuer)).hasQueryItem(QStringLiteral("state")));
    }

    void successRedirect()
    {
        const auto r =
            AuthorizeRequest::parse(with(QStringLiteral("state"), QStringLiteral("a+b/c=")));
        const QString uri = r.successRedirect("plx_code_AbC-_", kIssuer);
        const QUrlQuery q = queryOf(uri);
        QCOMPARE(q.queryItemValue(QStringLiteral("code")), QStringLiteral("plx_code_AbC-_"));
        QCOMPARE(q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded),
                 QStringLiteral("a+b/c="));
        QCOMPARE(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded), kIssuer);
    }

    void hiddenFieldsAreTheRecognisedOnes()
    {
        const auto r = AuthorizeRequest::parse(
            good() + Params{{QStringLiteral("provider"), QStringLiteral("google")},
                            {QStringLiteral("password"), QStringLiteral("leak")},
                            {QStringLiteral("max_age"), QStringLiteral("300")}});
        QVERIFY(r.isValid());
        QStringList names;
        for (const auto &field : r.hiddenFields())
            names << field.first;
        QCOMPARE(names, QStringList({QStringLiteral("response_type"), QStringLiteral("client_id"),
                                     QStringLiteral("redirect_uri"), QStringLiteral("state"),
                                     QStringLiteral("code_challenge"),
                                     QStringLiteral("code_challenge_method"),
                                     QStringLiteral("scope"), QStringLiteral("max_age")}));
        // Re-parsing the hidden fields gives the same request (the form round trip).
        const auto again = AuthorizeRequest::parse(r.hiddenFields());
        QVERIFY(again.isValid());
        QCOMPARE(again.csrfContext(), r.csrfContext());
    }

    void csrfContextBindsTheRequest()
    {
        const auto a = AuthorizeRequest::parse(good());
        const auto b =
            AuthorizeRequest::parse(with(QStringLiteral("state"), QStringLiteral("other")));
        const auto c = AuthorizeRequest::parse(
            with(QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:9/callback")));
        QVERIFY(a.csrfContext() != b.csrfContext());
        QVERIFY(a.csrfContext() != c.csrfContext());
        QVERIFY(a.csrfContext().contains("xyz-123"));
    }

    void emptyAndJunkNeverCrash()
    {
        QCOMPARE(AuthorizeRequest::parse({}).outcome(), Outcome::ErrorPage);
        Params junk;
        for (int i = 0; i < 200; ++i)
            junk.append({QString(i % 7, QChar(i)), QString(i, QChar(0xd800 + i % 3))});
        QCOMPARE(AuthorizeRequest::parse(junk).outcome(), Outcome::ErrorPage);
    }
};

QTEST_GUILESS_MAIN(TestAuthorizeRequest)
#include "tst_authorizerequest.moc"
