#include "auth/ApiKeySignIn.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "core/Logging.h"
#include "session/Clock.h"

#include <QTimer>

namespace plexe {

namespace {

void wipe(QByteArray &bytes)
{
    bytes.detach();
    bytes.fill('\0');
    bytes.clear();
}

} // namespace

ApiKeySignIn::ApiKeySignIn(ApiClient *client, const Clock *clock, QObject *parent)
    : QObject(parent), m_client(client), m_clock(clock)
{
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ApiKeySignIn::onDeadline);
}

ApiKeySignIn::~ApiKeySignIn()
{
    if (m_call)
        m_call->abort();
    wipe(m_key);
}

bool ApiKeySignIn::looksLikeKey(const QByteArray &key)
{
    if (!key.startsWith("plx_sk_") || key.size() < 7 + 16 || key.size() > 512)
        return false;
    for (const char c : key) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool ApiKeySignIn::start(QByteArray &key)
{
    if (m_call) {
        wipe(key);
        return false;
    }
    wipe(m_key);
    m_key = key.trimmed();
    m_key.detach();
    wipe(key);
    if (!looksLikeKey(m_key)) {
        wipe(m_key);
        ApiError e(ApiError::Kind::Refused, QString());
        e.setCode(QStringLiteral("invalid_key_format"));
        // Queued, like every other outcome, so callers may connect after start().
        QTimer::singleShot(0, this, [this, e] {
            emit failed(e, tr("This is not a Plexe API key (they start with "
                              "\u201cplx_sk_\u201d)."));
        });
        return true;
    }
    qCDebug(lcAuth) << "checking an API key with GET /auth/user";
    ApiCall *call = m_client->getUserWith(Credential::apiKey(m_key));
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call] { onFinished(call); });
    m_deadlineTimer.start(m_timeout);
    return true;
}

void ApiKeySignIn::cancel()
{
    if (m_call)
        m_call->abort();
}

void ApiKeySignIn::onDeadline()
{
    if (!m_call)
        return;
    // Forgotten first, so the abort's finished(Cancelled) is not taken for a cancel().
    ApiCall *call = m_call;
    m_call = nullptr;
    call->abort(); // closes the connection
    wipe(m_key);
    ApiError e(ApiError::Kind::Timeout, tr("The API key check timed out."));
    e.setCode(QStringLiteral("sign_in_timeout"));
    qCInfo(lcAuth) << "API key sign-in failed:" << e.logString();
    emit failed(e, tr("Sign-in timed out: the server did not answer in time. Please "
                      "try again."));
}

void ApiKeySignIn::onFinished(ApiCall *call)
{
    if (call != m_call)
        return;
    m_call = nullptr;
    m_deadlineTimer.stop();
    const ApiError &e = call->error();
    if (e.isError()) {
        wipe(m_key);
        qCInfo(lcAuth) << "API key sign-in failed:" << e.logString();
        emit failed(e, e.userMessage());
        return;
    }
    SignInResult result;
    result.kind = SignInResult::Kind::ApiKey;
    result.apiKey = m_key;
    m_key.detach(); // result owns its own buffer; ours is wiped next
    wipe(m_key);
    if (const User *user = call->result<User>())
        result.user = *user;
    result.authTime = m_clock->now();
    emit finished(result);
    result.wipe();
}

} // namespace plexe
