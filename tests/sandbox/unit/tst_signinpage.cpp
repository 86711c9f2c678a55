// Tests for the sign-in, provider stand-in and error pages: content, accessibility, escaping.
#include "auth/SignInPage.h"

#include <QRegularExpression>
#include <QTest>

using namespace plexe::sandbox;

Q_DECLARE_METATYPE(SignInPage::Provider)

namespace {

const QString kHostile = QStringLiteral("\"><script>alert('x')</script>&amp;");
const QString kEscaped =
    QStringLiteral("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;");

SignInPage::Form sampleForm()
{
    SignInPage::Form form;
    form.authorizeFields = {
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("client_id"), QStringLiteral("plexe-console")},
        {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:8080/callback")},
        {QStringLiteral("state"), QStringLiteral("st&te\"1")},
        {QStringLiteral("code_challenge"),
         QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    };
    form.csrfToken = "1700000000.abcDEF-_";
    return form;
}

int count(const QString &haystack, const QString &needle)
{
    return haystack.count(needle);
}

} // namespace

class TestSignInPage : public QObject
{
    Q_OBJECT
private slots:
    void escapeCoversTheFiveCharacters()
    {
        QCOMPARE(SignInPage::escape(kHostile), kEscaped);
        QCOMPARE(SignInPage::escape(QStringLiteral("plain é text")),
                 QStringLiteral("plain é text"));
        QCOMPARE(SignInPage::escape(QString()), QString());
    }

    void signInPageHasTheFormAndItsLabels()
    {
        const QString html = QString::fromUtf8(SignInPage::renderSignIn(sampleForm()));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"en\">")));
        QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(html.contains(QStringLiteral("Local Plexe sandbox — not the Plexe service")));
        QCOMPARE(count(html, QStringLiteral("<form method=\"post\" action=\"/oauth/authorize\">")),
                 1);
        QVERIFY(html.contains(QStringLiteral("<label for=\"email\">Email</label>")));
        QVERIFY(html.contains(QStringLiteral("<label for=\"password\">Password</label>")));
        QVERIFY(html.contains(QStringLiteral("type=\"email\" id=\"email\" name=\"email\" "
                                             "autocomplete=\"username\"")));
        QVERIFY(html.contains(QStringLiteral("type=\"password\" id=\"password\" name=\"password\" "
                                             "autocomplete=\"current-password\"")));
        QVERIFY(html.contains(QStringLiteral(
            "<input type=\"hidden\" name=\"csrf_token\" value=\"1700000000.abcDEF-_\">")));
        QVERIFY(html.contains(QStringLiteral("<input type=\"hidden\" name=\"redirect_uri\" "
                                             "value=\"http://127.0.0.1:8080/callback\">")));
        QVERIFY(html.contains(QStringLiteral("Continue with Google")));
        QVERIFY(html.contains(QStringLiteral("Continue with GitHub")));
        QVERIFY(html.contains(QStringLiteral("name=\"provider\" value=\"google\"")));
        QVERIFY(html.contains(QStringLiteral("name=\"provider\" value=\"github\"")));
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("role=\"alert\""))); // no error, no alert box
    }

    void providerButtonsAreGetFormsWithoutCsrf()
    {
        // The provider buttons only show a page: GET, carrying the request but no CSRF token.
        const QString html = QString::fromUtf8(SignInPage::renderSignIn(sampleForm()));
        static const QRegularExpression getForm(
            QStringLiteral("<form method=\"get\" action=\"/oauth/authorize\">(.*?)</form>"),
            QRegularExpression::DotMatchesEverythingOption);
        auto it = getForm.globalMatch(html);
        int forms = 0;
        while (it.hasNext()) {
            const QString inner = it.next().captured(1);
            ++forms;
            QVERIFY(!inner.contains(QStringLiteral("csrf_token")));
            QVERIFY(inner.contains(QStringLiteral("name=\"state\"")));
            QCOMPARE(count(inner, QStringLiteral("name=\"provider\"")), 1);
        }
        QCOMPARE(forms, 2);
    }

    void everyInterpolatedValueIsEscaped()
    {
        SignInPage::Form form = sampleForm();
        form.authorizeFields.append({kHostile, kHostile});
        form.email = kHostile;
        form.errorMessage = kHostile;
        form.csrfToken = kHostile.toUtf8();
        const QString signIn = QString::fromUtf8(SignInPage::renderSignIn(form));
        const QString standIn = QString::fromUtf8(
            SignInPage::renderProviderStandIn(SignInPage::Provider::GitHub, form, kHostile));
        const QString error = QString::fromUtf8(SignInPage::renderError(kHostile, kHostile));
        for (const QString &html : {signIn, standIn, error}) {
            QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
            QVERIFY(!html.contains(QStringLiteral("alert('x')")));
            QVERIFY(html.contains(kEscaped));
        }
        // The state's & and " are escaped inside its attribute.
        QVERIFY(signIn.contains(QStringLiteral("value=\"st&amp;te&quot;1\"")));
    }

    void errorIsAnnouncedAndTheEmailKept()
    {
        SignInPage::Form form = sampleForm();
        form.email = QStringLiteral("ada@example.com");
        form.errorMessage = QStringLiteral("Incorrect email or password.");
        const QString html = QString::fromUtf8(SignInPage::renderSignIn(form));
        QVERIFY(html.contains(QStringLiteral("role=\"alert\" id=\"error\">Incorrect email or "
                                             "password.</p>")));
        QVERIFY(html.contains(QStringLiteral("value=\"ada@example.com\"")));
        QCOMPARE(count(html, QStringLiteral("aria-describedby=\"error\"")), 2);
    }

    void reservedFieldsAreNotCarriedTwice()
    {
        SignInPage::Form form = sampleForm();
        form.authorizeFields.append({QStringLiteral("password"), QStringLiteral("leak")});
        form.authorizeFields.append({QStringLiteral("csrf_token"), QStringLiteral("forged")});
        form.authorizeFields.append({QStringLiteral("provider"), QStringLiteral("google")});
        form.authorizeFields.append({QStringLiteral("decision"), QStringLiteral("allow")});
        const QString html = QString::fromUtf8(SignInPage::renderSignIn(form));
        QVERIFY(!html.contains(QStringLiteral("leak")));
        QVERIFY(!html.contains(QStringLiteral("forged")));
        QVERIFY(!html.contains(QStringLiteral("name=\"decision\"")));
        QCOMPARE(count(html, QStringLiteral("name=\"csrf_token\"")), 1);
        QCOMPARE(count(html, QStringLiteral("name=\"provider\"")), 2); // one per button form
        const QString standIn = QString::fromUtf8(SignInPage::renderProviderStandIn(
            SignInPage::Provider::Google, form, QStringLiteral("oauth@example.com")));
        QCOMPARE(count(standIn, QStringLiteral("name=\"provider\"")), 1);
        QCOMPARE(count(standIn, QStringLiteral("name=\"csrf_token\"")), 1);
    }

    void standInSaysWhatItIs_data()
    {
        QTest::addColumn<SignInPage::Provider>("provider");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("param");
        QTest::newRow("google") << SignInPage::Provider::Google << QStringLiteral("Google")
                                << QStringLiteral("google");
        QTest::newRow("github") << SignInPage::Provider::GitHub << QStringLiteral("GitHub")
                                << QStringLiteral("github");
    }

    void standInSaysWhatItIs()
    {
        QFETCH(SignInPage::Provider, provider);
        QFETCH(QString, name);
        QFETCH(QString, param);
        const QString html = QString::fromUtf8(SignInPage::renderProviderStandIn(
            provider, sampleForm(), QStringLiteral("oauth-demo@example.com")));
        QVERIFY(html.contains(QStringLiteral("Local stand-in for ") + name));
        QVERIFY(html.contains(QStringLiteral("no network access")));
        QVERIFY(html.contains(QStringLiteral("Local Plexe sandbox — not the Plexe service")));
        QVERIFY(html.contains(QStringLiteral("oauth-demo@example.com")));
        QVERIFY(html.contains(QStringLiteral("name=\"decision\" value=\"allow\"")));
        QVERIFY(html.contains(QStringLiteral("name=\"decision\" value=\"deny\"")));
        QVERIFY(html.contains(QStringLiteral("name=\"provider\" value=\"") + param));
        QVERIFY(html.contains(QStringLiteral("name=\"csrf_token\" value=\"1700000000.abcDEF-_\"")));
        QVERIFY(!html.contains(QStringLiteral("type=\"password\"")));
        QCOMPARE(SignInPage::providerFromParam(param), std::optional(provider));
        QCOMPARE(SignInPage::providerParam(provider), param);
        QCOMPARE(SignInPage::providerName(provider), name);
    }

    void unknownProviders()
    {
        for (const char *bad : {"", "Google", "GITHUB", "facebook", "google "})
            QVERIFY(!SignInPage::providerFromParam(QString::fromLatin1(bad)));
    }

    void errorPage()
    {
        const QString html = QString::fromUtf8(
            SignInPage::renderError(QStringLiteral("Sign-in request not accepted"),
                                    QStringLiteral("redirect_uri must be http://127.0.0.1")));
        QVERIFY(html.contains(QStringLiteral("<h1>Sign-in request not accepted</h1>")));
        QVERIFY(html.contains(QStringLiteral("role=\"alert\">redirect_uri must be")));
        QVERIFY(html.contains(QStringLiteral("Local Plexe sandbox — not the Plexe service")));
        QVERIFY(!html.contains(QStringLiteral("<form")));
    }

    void responseHeadersForbidScriptsFramingAndCaching()
    {
        QHash<QByteArray, QByteArray> headers;
        for (const auto &h : SignInPage::responseHeaders())
            headers.insert(h.first, h.second);
        QCOMPARE(headers.value("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(headers.value("Content-Security-Policy").contains("default-src 'none'"));
        QVERIFY(headers.value("Content-Security-Policy").contains("frame-ancestors 'none'"));
        QVERIFY(!headers.value("Content-Security-Policy").contains("script-src"));
        QCOMPARE(headers.value("X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(headers.value("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(headers.value("Referrer-Policy"), QByteArray("no-referrer"));
    }
};

QTEST_GUILESS_MAIN(TestSignInPage)
#include "tst_signinpage.moc"
