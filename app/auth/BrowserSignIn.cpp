#include "auth/BrowserSignIn.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/TokenDecoder.h"
#include "auth/CallbackValidator.h"
#include "auth/LoopbackReceiver.h"
#include "auth/OAuthRequests.h"
#include "auth/Pkce.h"
#include "core/Logging.h"
#include "session/Clock.h"

namespace plexe {

namespace {

void wipe(QByteArray &bytes)
{
    bytes.detach();
    bytes.fill('\0');
    bytes.clear();
}

ApiError localError(ApiError::Kind kind, const QString &code, const QString &message)
{
    ApiError e(kind, message);
    e.setCode(code);
    return e;
}

} // namespace

BrowserSignIn::BrowserSignIn(ApiClient *client, const Clock *clock, Opener opener, QObject *parent)
    : QObject(parent), m_client(client), m_clock(clock), m_opener(std::move(opener))
{
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        fail(localError(ApiError::Kind::Timeout, QStringLiteral("sign_in_timeout"),
                        tr("The browser sign-in timed out.")),
             tr("The browser sign-in timed out. Please try again."));
    });
}

BrowserSignIn::~BrowserSignIn()
{
    if (m_call)
        m_call->abort();
    dropReceiver();
    wipe(m_verifier);
    wipe(m_oauthState);
}

bool BrowserSignIn::start(const Options &options)
{
    if (m_state != State::Idle && m_state != State::Done && m_state != State::Failed)
        return false;
    m_options = options;
    m_authorizeUrl.clear();
    m_redirectUri.clear();
    m_validator.reset();
    m_state = State::Discovering;
    m_deadline = m_clock->now().addMSecs(m_timeout.count());
    m_deadlineTimer.start(m_timeout);

    ApiRequest r;
    r.path = QStringLiteral("/.well-known/openid-configuration");
    r.authenticated = false;
    const QUrl base = m_client->endpoint().baseUrl;
    ApiCall *call =
        m_client->send(r, [base](const QJsonDocument &doc, std::any *out, QString *error) {
            OidcConfiguration config;
            if (!OidcConfiguration::decode(doc, base, &config, error))
                return false;
            *out = config;
            return true;
        });
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call] { onDiscovered(call); });
    return true;
}

void BrowserSignIn::onDiscovered(ApiCall *call)
{
    if (call != m_call || m_state != State::Discovering)
        return;
    m_call = nullptr;
    if (call->error().isError()) {
        const ApiError &e = call->error();
        QString message = e.userMessage();
        if (e.kind() == ApiError::Kind::Parse)
            message = tr("This server's sign-in configuration is not usable: %1").arg(e.message());
        else if (e.isRouteUnavailable())
            message = tr("This server does not offer browser sign-in.");
        return fail(e, message);
    }
    m_config = *call->result<OidcConfiguration>();
    openBrowser();
}

void BrowserSignIn::openBrowser()
{
    // Fresh state and verifier for every attempt (A4, A5).
    wipe(m_verifier);
    wipe(m_oauthState);
    m_verifier = Pkce::generateVerifier();
    m_oauthState = Pkce::generateState();

    auto *receiver = new LoopbackReceiver(this);
    receiver->setTimeout(m_timeout);
    m_receiver = receiver;
    connect(receiver, &LoopbackReceiver::received, this, [this](const QString &code) {
        QByteArray bytes = code.toUtf8();
        onCode(bytes);
        wipe(bytes);
    });
    connect(receiver, &LoopbackReceiver::failed, this,
            [this](LoopbackReceiver::Failure reason, const QString &message) {
                if (reason == LoopbackReceiver::Failure::Cancelled)
                    return; // our own cancel(): already reported
                const ApiError::Kind kind = reason == LoopbackReceiver::Failure::TimedOut
                                                ? ApiError::Kind::Timeout
                                                : ApiError::Kind::Refused;
                fail(localError(kind, QStringLiteral("authorization_failed"), message), message);
            });
    if (!receiver->start(m_oauthState, m_config.issuer))
        return; // failed(ListenFailed) already ended the attempt
    m_redirectUri = receiver->redirectUri();
    m_validator = std::make_unique<CallbackValidator>(m_oauthState, m_config.issuer);

    const QList<QPair<QByteArray, QString>> params{
        {"response_type", QStringLiteral("code")},
        {"client_id", OAuthRequests::clientId()},
        {"redirect_uri", m_redirectUri.toString(QUrl::FullyEncoded)},
        {"state", QString::fromLatin1(m_oauthState)},
        {"code_challenge", QString::fromLatin1(Pkce::challengeFor(m_verifier))},
        {"code_challenge_method", QStringLiteral("S256")},
        {"scope", m_options.scope},
        {"provider", m_options.provider},
        {"prompt", m_options.promptLogin ? QStringLiteral("login") : QString()}};
    QUrl url = m_config.authorizationEndpoint;
    // Every value fully percent-encoded (QUrlQuery would leave '+', '&'-safe delimiters as is).
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    for (const auto &param : params) {
        if (param.second.isEmpty())
            continue;
        if (!query.isEmpty())
            query += '&';
        query += param.first + '=' + QUrl::toPercentEncoding(param.second);
    }
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    m_authorizeUrl = url;

    m_state = State::WaitingForBrowser;
    qCDebug(lcAuth) << "opening the browser for sign-in";
    const bool opened = m_opener && m_opener(m_authorizeUrl);
    if (m_state != State::WaitingForBrowser)
        return; // the opener's browser already finished (or cancelled) the attempt
    if (!opened) {
        // A3: nothing is listening while nothing can call back; the state and verifier stay
        // valid for a pasted address (A9).
        qCInfo(lcAuth) << "the browser could not be opened; waiting for a pasted address";
        dropReceiver();
        m_state = State::WaitingForPaste;
        emit browserOpenFailed(m_authorizeUrl, m_deadline);
        return;
    }
    emit waitingForBrowser(m_authorizeUrl, m_deadline);
}

CallbackOutcome BrowserSignIn::submitPastedAddress(const QString &address)
{
    if ((m_state != State::WaitingForBrowser && m_state != State::WaitingForPaste) || !m_validator)
        return CallbackOutcome{};
    CallbackOutcome outcome = m_validator->validateAddress(address, m_redirectUri);
    if (!outcome.isFinal())
        return outcome;
    if (outcome.kind == CallbackOutcome::Kind::Code) {
        QByteArray code = outcome.code.toUtf8();
        outcome.code.fill(QLatin1Char('\0'));
        onCode(code);
        wipe(code);
    } else {
        fail(localError(ApiError::Kind::Refused, QStringLiteral("authorization_failed"),
                        outcome.userMessage()),
             outcome.userMessage());
    }
    return outcome;
}

void BrowserSignIn::onCode(const QByteArray &code)
{
    if (m_state != State::WaitingForBrowser && m_state != State::WaitingForPaste)
        return;
    dropReceiver();      // the port closes after the first valid callback (A3)
    m_validator.reset(); // single use (A4)
    m_state = State::Exchanging;
    qCDebug(lcAuth) << "exchanging the authorization code";
    ApiCall *call = m_client->send(
        OAuthRequests::authorizationCode(m_config.tokenEndpoint, code, m_redirectUri, m_verifier),
        ApiClient::decoderFor(&TokenDecoder::answer));
    wipe(m_verifier);
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call] { onExchanged(call); });
}

void BrowserSignIn::onExchanged(ApiCall *call)
{
    if (call != m_call || m_state != State::Exchanging)
        return;
    m_call = nullptr;
    const ApiError &e = call->error();
    if (e.isError()) {
        // A8: invalid_grant, an answer without access_token, ...: nothing is stored.
        QString message;
        if (e.code() == QLatin1String("invalid_grant"))
            message = tr("The sign-in could not be completed (the authorization "
                         "expired or was already used). Please try again.");
        else if (e.kind() == ApiError::Kind::Parse)
            message = tr("The server's sign-in answer could not be used. Please try "
                         "again.");
        else
            message = e.userMessage();
        return fail(e, message);
    }
    SignInResult result;
    result.kind = SignInResult::Kind::Browser;
    if (TokenAnswer *answer = call->result<TokenAnswer>())
        result.tokens = std::exchange(*answer, TokenAnswer());
    result.authTime = m_clock->now();
    endAttempt();
    m_state = State::Done;
    emit finished(result);
    result.wipe();
}

void BrowserSignIn::cancel()
{
    if (m_state == State::Idle || m_state == State::Done || m_state == State::Failed)
        return;
    fail(localError(ApiError::Kind::Cancelled, QStringLiteral("cancelled"),
                    tr("Sign-in was cancelled.")),
         tr("Sign-in was cancelled."));
}

void BrowserSignIn::fail(const ApiError &error, const QString &message)
{
    if (m_state == State::Idle || m_state == State::Done || m_state == State::Failed)
        return;
    m_state = State::Failed;
    if (m_call) {
        ApiCall *call = m_call;
        m_call = nullptr;
        call->abort();
    }
    endAttempt();
    qCInfo(lcAuth) << "browser sign-in failed:" << error.logString();
    emit failed(error, message);
}

void BrowserSignIn::endAttempt()
{
    m_deadlineTimer.stop();
    dropReceiver();
    m_validator.reset();
    wipe(m_verifier);
    wipe(m_oauthState);
}

void BrowserSignIn::dropReceiver()
{
    if (!m_receiver)
        return;
    LoopbackReceiver *receiver = m_receiver;
    m_receiver = nullptr;
    receiver->disconnect(this);
    receiver->cancel(); // closes the port now (A3); its own signal is no longer connected
    // Deleted a little later, not now: an answered browser connection (a child of the
    // receiver) is still flushing the "you are signed in" page.
    QTimer::singleShot(std::chrono::seconds(10), receiver, &QObject::deleteLater);
}

} // namespace plexe
