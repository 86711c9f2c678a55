#pragma once

#include "api/ApiError.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <any>
#include <functional>

namespace plexe {

class ApiCall;
class ApiClient;
class SessionManager;

// One API request made for the signed-in session (SessionManager::run). It is sent again at most
// once after a token refresh (401 invalid_token / unauthorized on a session token) and at most
// once after a step-up (403 reauthentication_required, or a sensitive request outside the
// step-up window, which prompts before anything is sent; a cancelled prompt sends nothing).
// Like ApiCall it emits finished() exactly once and then deletes itself.
// Deleting from a slot: the finished() slot may delete this request or its SessionManager.
class SessionRequest : public QObject
{
    Q_OBJECT

public:
    // Makes one attempt's ApiCall on the session's client, e.g.
    // [](ApiClient &c) { return c.revokeApiKey(id); }. Called once per attempt.
    using Factory = std::function<ApiCall *(ApiClient &)>;

    ~SessionRequest() override;

    bool isOk() const { return !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_error.httpStatus(); }
    // The decoded value (as ApiCall::result<T>()), valid inside the finished() slot.
    template <typename T> const T *result() const { return std::any_cast<T>(&m_result); }
    template <typename T> T *result() { return std::any_cast<T>(&m_result); }
    int attempts() const { return m_attempts; }
    bool wasRefreshed() const { return m_refreshed; }
    bool wasSteppedUp() const { return m_steppedUp; }

    // Aborts the request (finished() with a Cancelled error); a pending step-up stops waiting.
    void cancel();

signals:
    void finished();
    void rateLimited(const QDateTime &deadline);

private:
    friend class SessionManager;
    SessionRequest(SessionManager *manager, Factory factory, bool sensitive);

    void start();
    void send();
    void onCallFinished(ApiCall *call);
    void finishWith(const ApiError &error);

    QPointer<SessionManager> m_manager;
    Factory m_factory;
    bool m_sensitive;
    QPointer<ApiCall> m_call;
    // The access token or API key of the last attempt (to match the refresh or the rejection).
    QByteArray m_sentToken;
    bool m_sentBearer = false;
    bool m_refreshed = false;
    bool m_steppedUp = false;
    bool m_done = false;
    int m_attempts = 0;
    ApiError m_error;
    std::any m_result;
};

} // namespace plexe
