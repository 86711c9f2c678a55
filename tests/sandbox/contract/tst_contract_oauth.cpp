// Contract §5 browser sign-in against a live plexe-sandbox: discovery, the sign-in page and its
// form (parsed and submitted like a browser), the Google/GitHub stand-ins, redirect-URI and PKCE
// rules, single-use and expiring codes, the browser session with prompt=login and max_age.
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"
#include "SignInSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace plexe::test;
using namespace plexe::test::signin;

class TestContractOAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void discoveryDocument();
    void formSignInRedirectsWithCodeStateAndIss();
    void standInProvidersSignInTheOauthAccount_data();
    void standInProvidersSignInTheOauthAccount();
    void standInDenyRedirectsAccessDenied();
    void formWithoutCsrfCookieIsRefused();
    void wrongPasswordShowsTheFormAgain();
    void redirectUriRules_data();
    void redirectUriRules();
    void pkceRules_data();
    void pkceRules();
    void wrongVerifierIsInvalidGrant();
    void reusedCodeIsRefusedAndRevokesItsTokens();
    void browserSessionPromptLoginAndMaxAge();
    void signOutEndsTheBrowserSession();
    void expiredCodeIsRefused(); // moves the clock: last

private:
    // Signs in through the page; returns the 302 answer.
    Reply signInThroughForm(Browser &browser, const AuthorizeParams &params);

    QTemporaryDir m_dir;
    std::unique_ptr<ServerClock> m_clock;
    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    QString m_issuer;
};

void TestContractOAuth::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clock = std::make_unique<ServerClock>(m_dir.filePath(QStringLiteral("offset")));
    SandboxProcess::Options options;
    options.extraServeArgs = m_clock->serveArgs();
    QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
    m_issuer = m_sandbox.baseUrl().toString(QUrl::StripTrailingSlash);
}

void TestContractOAuth::discoveryDocument()
{
    const Reply reply =
        m_client->get(QStringLiteral("/.well-known/openid-configuration"), Credential::none());
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject o = reply.object();
    QCOMPARE(o.value(QLatin1String("issuer")).toString(), m_issuer);
    QCOMPARE(o.value(QLatin1String("authorization_endpoint")).toString(),
             m_issuer + QStringLiteral("/oauth/authorize"));
    QCOMPARE(o.value(QLatin1String("token_endpoint")).toString(),
             m_issuer + QStringLiteral("/oauth/token"));
    QCOMPARE(o.value(QLatin1String("revocation_endpoint")).toString(),
             m_issuer + QStringLiteral("/oauth/revoke"));
    QCOMPARE(o.value(QLatin1String("code_challenge_methods_supported")).toArray(),
             QJsonArray{QStringLiteral("S256")});
    const QJsonArray grants = o.value(QLatin1String("grant_types_supported")).toArray();
    QVERIFY(grants.contains(QStringLiteral("authorization_code")));
    QVERIFY(grants.contains(QStringLiteral("refresh_token")));
}

Reply TestContractOAuth::signInThroughForm(Browser &browser, const AuthorizeParams &params)
{
    const Reply page = browser.get(params.path());
    if (page.status != 200)
        return page;
    Fields fields = formFields(page.body);
    setField(fields, QStringLiteral("email"), m_sandbox.demoEmail());
    setField(fields, QStringLiteral("password"), m_sandbox.demoPassword());
    return browser.postForm(QStringLiteral("/oauth/authorize"), fields);
}

void TestContractOAuth::formSignInRedirectsWithCodeStateAndIss()
{
    Browser browser(*m_client);
    AuthorizeParams params;
    const Reply page = browser.get(params.path());
    QVERIFY2(page.status == 200, page.describe().constData());
    QVERIFY(page.header("Content-Type").startsWith(QLatin1String("text/html")));
    QVERIFY(page.body.contains("Continue with Google"));
    QVERIFY(page.body.contains("Continue with GitHub"));
    QVERIFY(!browser.cookie(QStringLiteral("plexe_csrf")).isEmpty());
    Fields fields = formFields(page.body);
    const auto has = [&fields](const char *name) {
        for (const auto &f : fields)
            if (f.first == QLatin1String(name))
                return true;
        return false;
    };
    QVERIFY(has("csrf_token") && has("state") && has("code_challenge") && has("email"));
    setField(fields, QStringLiteral("email"), m_sandbox.demoEmail());
    setField(fields, QStringLiteral("password"), m_sandbox.demoPassword());
    const Reply redirect = browser.postForm(QStringLiteral("/oauth/authorize"), fields);
    QVERIFY2(redirect.status == 302, redirect.describe().constData());
    const QUrl location(redirect.header("Location"));
    QCOMPARE(location.toString(QUrl::RemoveQuery), params.redirectUri);
    const QUrlQuery q = locationQuery(redirect);
    QCOMPARE(q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), params.state);
    QCOMPARE(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded), m_issuer);
    const QString code = q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());
    // The browser session cookie: HttpOnly, Secure, SameSite.
    bool sessionCookie = false;
    for (const QString &c : browser.setCookieHeaders()) {
        if (c.startsWith(QLatin1String("plexe_browser_session=")))
            sessionCookie = c.contains(QLatin1String("HttpOnly")) &&
                            c.contains(QLatin1String("Secure")) &&
                            c.contains(QLatin1String("SameSite"));
    }
    QVERIFY(sessionCookie);

    const Reply tokens = exchangeCode(*m_client, code, params);
    QVERIFY2(tokens.status == 200, tokens.describe().constData());
    QCOMPARE(tokens.header("Cache-Control"), QStringLiteral("no-store"));
    const Reply user = m_client->get(QStringLiteral("/auth/user"),
                                     Credential::bearer(field(tokens, "access_token")));
    QCOMPARE(field(user, "email"), m_sandbox.demoEmail());

    // Logged: the form sign-in (auth.login on /oauth/authorize) and the exchange (auth.oauth).
    const Credential session = Credential::bearer(field(tokens, "access_token"));
    QString msg = checkEvent(events(*m_client, session, QStringLiteral("auth.login")).at(0),
                             QStringLiteral("auth.login"), QStringLiteral("success"),
                             QStringLiteral("/oauth/authorize"), 302);
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    msg = checkEvent(events(*m_client, session, QStringLiteral("auth.oauth")).at(0),
                     QStringLiteral("auth.oauth"), QStringLiteral("success"),
                     QStringLiteral("/oauth/token"), 200);
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
}

void TestContractOAuth::standInProvidersSignInTheOauthAccount_data()
{
    QTest::addColumn<QString>("provider");
    QTest::newRow("google") << QStringLiteral("google");
    QTest::newRow("github") << QStringLiteral("github");
}

void TestContractOAuth::standInProvidersSignInTheOauthAccount()
{
    QFETCH(QString, provider);
    Browser browser(*m_client);
    AuthorizeParams params;
    params.extra = {{QStringLiteral("provider"), provider}};
    const Reply page = browser.get(params.path());
    QVERIFY2(page.status == 200, page.describe().constData());
    // It says what it is: a local stand-in, not the provider.
    QVERIFY(page.body.contains("stand-in"));
    QVERIFY(page.body.contains(m_sandbox.seedValue(QStringLiteral("oauth_email")).toUtf8()));
    Fields fields = formFields(page.body, QStringLiteral("csrf_token"));
    QVERIFY(!fields.isEmpty());
    fields.append({QStringLiteral("decision"), QStringLiteral("allow")});
    const Reply redirect = browser.postForm(QStringLiteral("/oauth/authorize"), fields);
    QVERIFY2(redirect.status == 302, redirect.describe().constData());
    const QUrlQuery q = locationQuery(redirect);
    QCOMPARE(q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), params.state);
    QCOMPARE(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded), m_issuer);
    const Reply tokens = exchangeCode(
        *m_client, q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), params);
    QVERIFY2(tokens.status == 200, tokens.describe().constData());
    const Reply user = m_client->get(QStringLiteral("/auth/user"),
                                     Credential::bearer(field(tokens, "access_token")));
    QCOMPARE(field(user, "email"), m_sandbox.seedValue(QStringLiteral("oauth_email")));
}

void TestContractOAuth::standInDenyRedirectsAccessDenied()
{
    Browser browser(*m_client);
    AuthorizeParams params;
    params.extra = {{QStringLiteral("provider"), QStringLiteral("github")}};
    Fields fields = formFields(browser.get(params.path()).body, QStringLiteral("csrf_token"));
    fields.append({QStringLiteral("decision"), QStringLiteral("deny")});
    const Reply redirect = browser.postForm(QStringLiteral("/oauth/authorize"), fields);
    QCOMPARE(redirect.status, 302);
    const QUrlQuery q = locationQuery(redirect);
    QCOMPARE(q.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
    QCOMPARE(q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), params.state);
    QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
}

void TestContractOAuth::formWithoutCsrfCookieIsRefused()
{
    Browser browser(*m_client);
    AuthorizeParams params;
    Fields fields = formFields(browser.get(params.path()).body);
    setField(fields, QStringLiteral("email"), m_sandbox.demoEmail());
    setField(fields, QStringLiteral("password"), m_sandbox.demoPassword());
    // A cross-site form: no cookie.
    Browser attacker(*m_client);
    const Reply noCookie = attacker.postForm(QStringLiteral("/oauth/authorize"), fields);
    QCOMPARE(noCookie.status, 403);
    QVERIFY(noCookie.header("Location").isEmpty());
    // The cookie but a forged token.
    Fields forged = fields;
    setField(forged, QStringLiteral("csrf_token"), QStringLiteral("1700000000.AAAA"));
    QCOMPARE(browser.postForm(QStringLiteral("/oauth/authorize"), forged).status, 403);
    // The token bound to another authorize request (other state).
    Fields moved = fields;
    setField(moved, QStringLiteral("state"), QStringLiteral("another-state"));
    QCOMPARE(browser.postForm(QStringLiteral("/oauth/authorize"), moved).status, 403);
    // The genuine form still works.
    QCOMPARE(browser.postForm(QStringLiteral("/oauth/authorize"), fields).status, 302);
}

void TestContractOAuth::wrongPasswordShowsTheFormAgain()
{
    Browser browser(*m_client);
    AuthorizeParams params;
    Fields fields = formFields(browser.get(params.path()).body);
    setField(fields, QStringLiteral("email"), m_sandbox.demoEmail());
    setField(fields, QStringLiteral("password"), QStringLiteral("wrong password"));
    const Reply reply = browser.postForm(QStringLiteral("/oauth/authorize"), fields);
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.header("Location").isEmpty());
    QVERIFY(!formFields(reply.body).isEmpty()); // the form again, with a fresh CSRF token
    QVERIFY(reply.body.contains("not correct"));
    QVERIFY(!reply.body.contains("wrong password")); // the password is never echoed
}

void TestContractOAuth::redirectUriRules_data()
{
    QTest::addColumn<QString>("redirectUri");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("127.0.0.1 any port") << QStringLiteral("http://127.0.0.1:61234/cb") << true;
    QTest::newRow("[::1] any port") << QStringLiteral("http://[::1]:40000/callback") << true;
    QTest::newRow("localhost") << QStringLiteral("http://localhost:53682/callback") << false;
    QTest::newRow("other host") << QStringLiteral("http://evil.example:53682/callback") << false;
    QTest::newRow("LAN address") << QStringLiteral("http://192.168.1.5:53682/callback") << false;
    QTest::newRow("https") << QStringLiteral("https://127.0.0.1:53682/callback") << false;
    QTest::newRow("no port") << QStringLiteral("http://127.0.0.1/callback") << false;
    QTest::newRow("userinfo") << QStringLiteral("http://a@127.0.0.1:5/callback") << false;
}

void TestContractOAuth::redirectUriRules()
{
    QFETCH(QString, redirectUri);
    QFETCH(bool, allowed);
    AuthorizeParams params;
    params.redirectUri = redirectUri;
    const Reply reply = m_client->get(params.path(), Credential::none());
    if (allowed) {
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QVERIFY(reply.body.contains("password"));
        return;
    }
    // Never redirected to an untrusted URI: an error page.
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QVERIFY(reply.header("Location").isEmpty());
    QVERIFY(reply.header("Content-Type").startsWith(QLatin1String("text/html")));
}

void TestContractOAuth::pkceRules_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("withChallenge");
    QTest::newRow("plain") << QStringLiteral("plain") << true;
    QTest::newRow("no method") << QString() << true;
    QTest::newRow("no challenge") << QStringLiteral("S256") << false;
}

void TestContractOAuth::pkceRules()
{
    QFETCH(QString, method);
    QFETCH(bool, withChallenge);
    AuthorizeParams params;
    Fields fields = {{QStringLiteral("response_type"), QStringLiteral("code")},
                     {QStringLiteral("client_id"), kClientId},
                     {QStringLiteral("redirect_uri"), params.redirectUri},
                     {QStringLiteral("state"), params.state}};
    if (withChallenge)
        fields.append({QStringLiteral("code_challenge"),
                       method == QLatin1String("plain")
                           ? QString::fromLatin1(params.verifier)
                           : QString::fromLatin1(challengeOf(params.verifier))});
    if (!method.isEmpty())
        fields.append({QStringLiteral("code_challenge_method"), method});
    const Reply reply =
        m_client->get(QStringLiteral("/oauth/authorize?") + query(fields), Credential::none());
    // The redirect URI is valid, so the error goes back to the client (RFC 6749 §4.1.2.1).
    QVERIFY2(reply.status == 302, reply.describe().constData());
    const QUrlQuery q = locationQuery(reply);
    QCOMPARE(q.queryItemValue(QStringLiteral("error")), QStringLiteral("invalid_request"));
    QCOMPARE(q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), params.state);
    QCOMPARE(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded), m_issuer);
    QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
}

void TestContractOAuth::wrongVerifierIsInvalidGrant()
{
    Browser browser(*m_client);
    AuthorizeParams params;
    const Reply redirect = signInThroughForm(browser, params);
    QCOMPARE(redirect.status, 302);
    const QString code =
        locationQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    AuthorizeParams other = params;
    other.verifier = newVerifier();
    const Reply wrong = exchangeCode(*m_client, code, other);
    QCOMPARE(wrong.status, 400);
    QCOMPARE(field(wrong, "error"), QStringLiteral("invalid_grant"));
    // The failed attempt burnt the code: the right verifier is too late now.
    const Reply right = exchangeCode(*m_client, code, params);
    QCOMPARE(field(right, "error"), QStringLiteral("invalid_grant"));
    // A missing verifier is invalid_request.
    const Reply missing =
        postForm(*m_client, QStringLiteral("/oauth/token"),
                 {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("redirect_uri"), params.redirectUri},
                  {QStringLiteral("client_id"), kClientId}});
    QCOMPARE(missing.status, 400);
    QCOMPARE(field(missing, "error"), QStringLiteral("invalid_request"));
}

void TestContractOAuth::reusedCodeIsRefusedAndRevokesItsTokens()
{
    Browser browser(*m_client);
    AuthorizeParams params;
    const Reply redirect = signInThroughForm(browser, params);
    const QString code =
        locationQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    const Reply first = exchangeCode(*m_client, code, params);
    QVERIFY2(first.status == 200, first.describe().constData());
    const Credential session = Credential::bearer(field(first, "access_token"));
    QCOMPARE(m_client->get(QStringLiteral("/models"), session).status, 200);
    const Reply second = exchangeCode(*m_client, code, params);
    QCOMPARE(second.status, 400);
    QCOMPARE(field(second, "error"), QStringLiteral("invalid_grant"));
    // RFC 6749 §4.1.2: tokens issued from a code used twice are revoked.
    QCOMPARE(m_client->get(QStringLiteral("/models"), session).errorCode(),
             QStringLiteral("invalid_token"));
    QCOMPARE(field(refresh(*m_client, field(first, "refresh_token")), "error"),
             QStringLiteral("invalid_grant"));
}

void TestContractOAuth::browserSessionPromptLoginAndMaxAge()
{
    Browser browser(*m_client);
    QCOMPARE(signInThroughForm(browser, AuthorizeParams()).status, 302);
    QVERIFY(!browser.cookie(QStringLiteral("plexe_browser_session")).isEmpty());

    // A second authorize completes without the form.
    AuthorizeParams again;
    const Reply silent = browser.get(again.path());
    QVERIFY2(silent.status == 302, silent.describe().constData());
    const QUrlQuery q = locationQuery(silent);
    QCOMPARE(q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), again.state);
    const Reply tokens = exchangeCode(
        *m_client, q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), again);
    QVERIFY2(tokens.status == 200, tokens.describe().constData());

    // prompt=login shows the form again.
    AuthorizeParams fresh;
    fresh.extra = {{QStringLiteral("prompt"), QStringLiteral("login")}};
    const Reply forced = browser.get(fresh.path());
    QCOMPARE(forced.status, 200);
    QVERIFY(!formFields(forced.body).isEmpty());

    // max_age: within it, silent; once exceeded, the form.
    AuthorizeParams young;
    young.extra = {{QStringLiteral("max_age"), QStringLiteral("300")}};
    QCOMPARE(browser.get(young.path()).status, 302);
    QVERIFY(m_clock->advance(301));
    AuthorizeParams old;
    old.extra = {{QStringLiteral("max_age"), QStringLiteral("300")}};
    const Reply stale = browser.get(old.path());
    QCOMPARE(stale.status, 200);
    QVERIFY(!formFields(stale.body).isEmpty());
    // Without max_age the session still serves.
    QCOMPARE(browser.get(AuthorizeParams().path()).status, 302);
    // Another browser (no cookie) always gets the form.
    Browser other(*m_client);
    QCOMPARE(other.get(AuthorizeParams().path()).status, 200);
}

// Issue 8, defect 7: revoking a session's refresh token (signing out) left the browser cookie
// able to mint new codes without a password for up to 12 h; and prompt=login must ask even
// when it comes in a list of prompt values.
void TestContractOAuth::signOutEndsTheBrowserSession()
{
    Browser browser(*m_client);
    AuthorizeParams first;
    const Reply redirect = signInThroughForm(browser, first);
    QCOMPARE(redirect.status, 302);
    const Reply tokens = exchangeCode(
        *m_client,
        locationQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), first);
    QVERIFY2(tokens.status == 200, tokens.describe().constData());

    AuthorizeParams listed;
    listed.extra = {{QStringLiteral("prompt"), QStringLiteral("consent login")}};
    const Reply asked = browser.get(listed.path());
    QCOMPARE(asked.status, 200);
    QVERIFY(!formFields(asked.body).isEmpty());
    QCOMPARE(browser.get(AuthorizeParams().path()).status, 302); // the session still serves

    const Reply revoked = postForm(*m_client, QStringLiteral("/oauth/revoke"),
                                   {{QStringLiteral("token"), field(tokens, "refresh_token")},
                                    {QStringLiteral("client_id"), kClientId}});
    QCOMPARE(revoked.status, 200);
    const Reply after = browser.get(AuthorizeParams().path());
    QVERIFY2(after.status == 200, after.describe().constData());
    QVERIFY(!formFields(after.body).isEmpty());
}

void TestContractOAuth::expiredCodeIsRefused()
{
    Browser browser(*m_client);
    AuthorizeParams params;
    const Reply redirect = signInThroughForm(browser, params);
    QCOMPARE(redirect.status, 302);
    const QString code =
        locationQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(m_clock->advance(61)); // codes live 60 s
    const Reply late = exchangeCode(*m_client, code, params);
    QCOMPARE(late.status, 400);
    QCOMPARE(field(late, "error"), QStringLiteral("invalid_grant"));
}

QTEST_GUILESS_MAIN(TestContractOAuth)
#include "tst_contract_oauth.moc"
