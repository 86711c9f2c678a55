#pragma once

#include "api/ApiError.h"
#include "auth/CallbackOutcome.h"
#include "auth/OidcConfiguration.h"
#include "auth/SignInResult.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

namespace plexe {

class ApiCall;
class ApiClient;
class CallbackValidator;
class Clock;
class LoopbackReceiver;

// Browser sign-in (RFC 8252 loopback + PKCE S256, contract §5): discovery, one loopback
// receiver, state and verifier per attempt, the browser opened through an injected opener (the
// UI passes QDesktopServices::openUrl, so this class needs no Qt Gui), the "paste the address
// the browser ended on" fallback, an overall deadline and cancel, then the code exchange.
// Each start() ends with exactly one finished() or failed().
// Deleting from a slot: allowed, from finished(), failed() and the other signals: the loopback
// receiver's and the calls' signals reach this class after their socket's or reply's own handler
// has returned. Destroying the object closes the port and aborts the request in flight.
class BrowserSignIn : public QObject
{
    Q_OBJECT

public:
    using Opener = std::function<bool(const QUrl &)>;

    enum class State {
        Idle,
        Discovering,       // GET /.well-known/openid-configuration
        WaitingForBrowser, // the loopback port is open; a pasted address is also accepted
        WaitingForPaste,   // the browser could not be opened: the port is closed (A3); only a
                           // pasted address can finish the attempt
        Exchanging,        // POST token_endpoint
        Done,
        Failed,
    };
    Q_ENUM(State)

    struct Options
    {
        QString provider;         // "google" | "github" | empty (the server's own page)
        bool promptLogin = false; // prompt=login: a fresh sign-in (step-up for OAuth accounts)
        QString scope = QStringLiteral("openid email profile");
    };

    static constexpr std::chrono::minutes kDefaultTimeout{5};

    // `client` and `clock` are not owned and must outlive this object.
    BrowserSignIn(ApiClient *client, const Clock *clock, Opener opener, QObject *parent = nullptr);
    ~BrowserSignIn() override;

    // The overall deadline of one attempt, from start() (set before start()).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Starts a new attempt (false while one is running).
    bool start(const Options &options);
    bool start() { return start(Options()); }
    // Ends the attempt: closes the port, aborts requests, emits failed() with a Cancelled error.
    void cancel();
    // The A9 fallback, checked like a real callback (CallbackValidator::validateAddress) against
    // this attempt's state. A wrong or malformed address returns its outcome and the attempt
    // goes on; a final one (code or server error) ends it.
    CallbackOutcome submitPastedAddress(const QString &address);

    State state() const { return m_state; }
    // The authorize URL (for the Copy button); empty before the browser step.
    QUrl authorizationUrl() const { return m_authorizeUrl; }
    // The redirect URI of this attempt (http://127.0.0.1:{port}/callback).
    QUrl redirectUri() const { return m_redirectUri; }
    // The end of the countdown (UTC, from the injected clock).
    QDateTime deadline() const { return m_deadline; }
    // The discovered configuration (valid after discovery).
    const OidcConfiguration &configuration() const { return m_config; }

signals:
    // The browser was opened with authorizationUrl(); count down to `deadline`.
    void waitingForBrowser(const QUrl &authorizationUrl, const QDateTime &deadline);
    // The opener failed: the port is already closed; show `authorizationUrl` with a Copy button
    // and a field for the address the browser ends on.
    void browserOpenFailed(const QUrl &authorizationUrl, const QDateTime &deadline);
    void finished(plexe::SignInResult result);
    void failed(const plexe::ApiError &error, const QString &userMessage);

private:
    void onDiscovered(ApiCall *call);
    void openBrowser();
    void onCode(const QByteArray &code);
    void onExchanged(ApiCall *call);
    void fail(const ApiError &error, const QString &message);
    void endAttempt();
    void dropReceiver();

    ApiClient *m_client;
    const Clock *m_clock;
    Opener m_opener;
    std::chrono::milliseconds m_timeout{kDefaultTimeout};
    Options m_options;
    State m_state = State::Idle;
    OidcConfiguration m_config;
    QPointer<ApiCall> m_call;
    QPointer<LoopbackReceiver> m_receiver;
    std::unique_ptr<CallbackValidator> m_validator; // this attempt's state, for pasted addresses
    QByteArray m_oauthState;                        // `state` of the attempt (single use)
    QByteArray m_verifier;                          // PKCE verifier of the attempt (secret)
    QUrl m_redirectUri;
    QUrl m_authorizeUrl;
    QDateTime m_deadline;
    QTimer m_deadlineTimer;
};

} // namespace plexe
