#include "auth/PasswordSignIn.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/TokenDecoder.h"
#include "auth/SecretJson.h"
#include "core/Logging.h"
#include "core/SecretBytes.h"
#include "session/Clock.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace plexe {

namespace {

// In place: a copy the caller still holds of the password is zeroed too (no buffer handled
// here is shared with a request in flight; see send()).
void wipe(QByteArray &bytes)
{
    wipeInPlace(bytes);
}

// The MFA challenge token (contract §5: 401 mfa_required with error.details.mfa_token).
QByteArray mfaTokenFrom(const ApiError &error)
{
    const QJsonValue token = error.details().value(QLatin1String("mfa_token"));
    return token.isString() ? token.toString().toUtf8() : QByteArray();
}

} // namespace

PasswordSignIn::PasswordSignIn(ApiClient *client, const Clock *clock, QObject *parent)
    : QObject(parent), m_client(client), m_clock(clock)
{
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &PasswordSignIn::onDeadline);
}

PasswordSignIn::~PasswordSignIn()
{
    if (m_call)
        m_call->abort();
    wipeMfaToken();
}

void PasswordSignIn::wipeMfaToken()
{
    wipe(m_mfaToken);
}

bool PasswordSignIn::start(const QString &email, QByteArray &password)
{
    if (m_state == State::SendingPassword || m_state == State::SendingCode) {
        wipe(password);
        return false;
    }
    wipeMfaToken();
    m_retryDeadline = QDateTime();
    // Built from the raw bytes: no unwiped QString copy of the password (SecretJson).
    const QByteArray emailBytes = email.trimmed().toUtf8();
    QByteArray body = SecretJson::object({{"email", &emailBytes}, {"password", &password}});
    wipe(password);
    send(QByteArrayLiteral("/auth/login"), body, State::SendingPassword);
    return true;
}

bool PasswordSignIn::submitCode(const QString &code)
{
    if (m_state != State::NeedsCode)
        return false;
    QByteArray digits = code.trimmed().toUtf8();
    QByteArray body = SecretJson::object({{"mfa_token", &m_mfaToken}, {"code", &digits}});
    wipe(digits);
    send(QByteArrayLiteral("/auth/login/mfa"), body, State::SendingCode);
    return true;
}

void PasswordSignIn::send(const QByteArray &path, QByteArray &body, State sendingState)
{
    ApiRequest r;
    r.method = QByteArrayLiteral("POST");
    r.path = QString::fromLatin1(path);
    // Moved, not copied: one buffer holds the password, and the call zeroes it in place once
    // its reply has finished (B11). Wiping a copy here would detach and zero nothing real.
    r.body = std::move(body);
    body.clear();
    r.authenticated = false;
    r.sensitive = true;        // the body holds the password; the answer holds tokens
    r.waitOnRateLimit = false; // never re-send a password on our own
    m_state = sendingState;
    qCDebug(lcAuth) << "password sign-in:" << path;
    ApiCall *call = m_client->send(r, ApiClient::decoderFor(&TokenDecoder::answer));
    r.body.clear(); // drops our reference; the call owns the buffer now
    m_call = call;
    m_deadlineTimer.start(m_timeout);
    connect(call, &ApiCall::finished, this, [this, call] { onFinished(call); });
}

void PasswordSignIn::onFinished(ApiCall *call)
{
    if (call != m_call)
        return;
    m_call = nullptr;
    m_deadlineTimer.stop();
    const ApiError error = call->error();
    if (!error.isError()) {
        SignInResult result;
        result.kind = SignInResult::Kind::Password;
        if (TokenAnswer *answer = call->result<TokenAnswer>())
            result.tokens = std::exchange(*answer, TokenAnswer());
        result.authTime = m_clock->now();
        wipeMfaToken();
        m_state = State::Done;
        emit finished(result);
        result.wipe();
        return;
    }
    if (error.httpStatus() == 401 && error.code() == QLatin1String("mfa_required") &&
        m_state == State::SendingPassword) {
        m_mfaToken = mfaTokenFrom(error);
        if (m_mfaToken.isEmpty()) {
            return fail(error, tr("The server asked for a code from an "
                                  "authenticator app but sent no challenge."));
        }
        m_state = State::NeedsCode;
        emit needsCode();
        return;
    }
    if (error.httpStatus() == 429) {
        m_retryDeadline = error.retryAfter();
        if (m_retryDeadline.isValid())
            emit rateLimited(m_retryDeadline);
        return fail(error, error.userMessage());
    }
    if (error.httpStatus() == 401 && m_state == State::SendingCode) {
        // A wrong or stale code: keep the challenge so the user can type the next code, unless
        // the server says the challenge itself is gone.
        if (error.code() == QLatin1String("invalid_code") ||
            error.code() == QLatin1String("invalid_credentials")) {
            m_state = State::NeedsCode;
            emit failed(error, tr("The code is not correct. Enter the current code "
                                  "from your authenticator app."));
            return;
        }
    }
    if (error.httpStatus() == 401 && error.code() == QLatin1String("invalid_credentials"))
        return fail(error, tr("The email or password is not correct."));
    fail(error, error.userMessage());
}

void PasswordSignIn::cancel()
{
    if (m_call)
        m_call->abort(); // finished(Cancelled) -> fail()
}

void PasswordSignIn::onDeadline()
{
    if (!m_call)
        return;
    // Forgotten first, so the abort's finished(Cancelled) is not taken for a cancel().
    ApiCall *call = m_call;
    m_call = nullptr;
    call->abort(); // closes the connection
    ApiError e(ApiError::Kind::Timeout, tr("The sign-in timed out."));
    e.setCode(QStringLiteral("sign_in_timeout"));
    fail(e, tr("Sign-in timed out: the server did not answer in time. Please try "
               "again."));
}

void PasswordSignIn::fail(const ApiError &error, const QString &message)
{
    m_deadlineTimer.stop();
    wipeMfaToken();
    m_state = State::Failed;
    qCInfo(lcAuth) << "password sign-in failed:" << error.logString();
    emit failed(error, message);
}

} // namespace plexe
