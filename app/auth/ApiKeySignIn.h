#pragma once

#include "api/ApiError.h"
#include "auth/SignInResult.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace plexe {

class ApiCall;
class ApiClient;
class Clock;

// Signing in with a pasted API key: the key is checked with GET /auth/user (sent as
// x-api-key), and once the server accepts it, it is the profile's credential. Each start()
// ends with exactly one finished() or failed(). The check has an overall deadline (D27): a
// server that stalls or drips ends it with a Timeout error, and the request is aborted.
// Deleting from a slot: allowed (finished(), failed()).
class ApiKeySignIn : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds kDefaultTimeout{30};

    ApiKeySignIn(ApiClient *client, const Clock *clock, QObject *parent = nullptr);
    ~ApiKeySignIn() override;

    // The overall deadline of the check, from start() (set before start()).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Checks `key` (surrounding whitespace from a paste is dropped) and wipes the caller's
    // buffer. A key that does not look like plx_sk_… fails at once without a request.
    bool start(QByteArray &key);
    void cancel();
    bool isRunning() const { return !m_call.isNull(); }

    static bool looksLikeKey(const QByteArray &key);

signals:
    void finished(plexe::SignInResult result); // result.apiKey and result.user
    void failed(const plexe::ApiError &error, const QString &userMessage);

private:
    void onFinished(ApiCall *call);
    void onDeadline();

    ApiClient *m_client;
    const Clock *m_clock;
    QPointer<ApiCall> m_call;
    QByteArray m_key;
    std::chrono::milliseconds m_timeout{kDefaultTimeout};
    QTimer m_deadlineTimer; // runs while the check is in flight
};

} // namespace plexe
