#pragma once

#include "api/ApiError.h"
#include "auth/SignInResult.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace plexe {

class ApiCall;
class ApiClient;
class Clock;

// Email + password sign-in (contract §5, POST /auth/login), with the TOTP step when the server
// answers 401 mfa_required (POST /auth/login/mfa). Asynchronous; ends with exactly one of
// finished() or failed() per attempt, except that needsCode() pauses it until submitCode().
// Each request (the password, then each code) has an overall deadline (D27): a server that
// stalls or drips ends the step with a Timeout error, and the request is aborted.
// Deleting from a slot: allowed (finished(), failed(), needsCode(), rateLimited()).
class PasswordSignIn : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, SendingPassword, NeedsCode, SendingCode, Done, Failed };
    Q_ENUM(State)

    static constexpr std::chrono::seconds kDefaultTimeout{30};

    // `client` and `clock` are not owned and must outlive this object.
    PasswordSignIn(ApiClient *client, const Clock *clock, QObject *parent = nullptr);
    ~PasswordSignIn() override;

    // The overall deadline of each request (the password, each code); set before start().
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Sends the password and wipes `password` (the caller's buffer) right after handing it to
    // the request (security.md B11). Returns false when a request is already under way.
    bool start(const QString &email, QByteArray &password);
    // The 6-digit code of the TOTP step; only in State::NeedsCode.
    bool submitCode(const QString &code);
    // Aborts the request in flight; emits failed() with a Cancelled error.
    void cancel();

    State state() const { return m_state; }
    // A 429 answer: when the user may try again (UTC); invalid otherwise.
    QDateTime retryDeadline() const { return m_retryDeadline; }

signals:
    void needsCode();
    // The tokens are handed over; the receiver stores them and wipes the result.
    void finished(plexe::SignInResult result);
    // userMessage is what the sign-in page shows (plain text); invalid_credentials never says
    // which of email or password was wrong.
    void failed(const plexe::ApiError &error, const QString &userMessage);
    // 429: the countdown's end, also set in retryDeadline().
    void rateLimited(const QDateTime &deadline);

private:
    void send(const QByteArray &path, QByteArray &body, State sendingState);
    void onFinished(ApiCall *call);
    void onDeadline();
    void fail(const ApiError &error, const QString &message);
    void wipeMfaToken();

    ApiClient *m_client;
    const Clock *m_clock;
    QPointer<ApiCall> m_call;
    State m_state = State::Idle;
    QByteArray m_mfaToken;
    QDateTime m_retryDeadline;
    std::chrono::milliseconds m_timeout{kDefaultTimeout};
    QTimer m_deadlineTimer; // runs while a request is in flight
};

} // namespace plexe
