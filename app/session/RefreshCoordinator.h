#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace plexe {

// Single-flight token refresh (B18): concurrent callers share one refresh; the rotated refresh
// token is saved before the new access token is handed out; only `invalid_grant` ends a session.
class RefreshCoordinator : public QObject
{
    Q_OBJECT

public:
    // What the injected refresh function reports.
    struct RefreshResponse
    {
        enum class Kind {
            Success,      // new tokens below
            InvalidGrant, // the refresh token is dead: the session ends
            RetryLater,   // network failure, timeout, 5xx, 429: keep the session
        };
        Kind kind = Kind::RetryLater;
        QByteArray accessToken;
        QByteArray refreshToken; // the rotated one (may be empty if the server did not rotate)
        int expiresInSeconds = 0;
        QString message; // no secrets
    };

    // What every caller of requestRefresh() gets.
    struct Outcome
    {
        enum class Kind { Refreshed, SessionEnded, RetryLater };
        Kind kind = Kind::RetryLater;
        QByteArray accessToken; // only for Refreshed
        bool persisted = false; // the rotated refresh token reached the store
        QString message;
    };

    // refresh(refreshToken, done): one POST /oauth/token grant_type=refresh_token.
    using RefreshFunction = std::function<void(const QByteArray &refreshToken,
                                               std::function<void(const RefreshResponse &)> done)>;
    // save(response, done): persists the rotated tokens; done(true) when stored.
    using SaveFunction =
        std::function<void(const RefreshResponse &tokens, std::function<void(bool saved)> done)>;
    using Callback = std::function<void(const Outcome &)>;

    RefreshCoordinator(RefreshFunction refresh, SaveFunction save, QObject *parent = nullptr);

    // The tokens of the current session (after sign-in or restore).
    void setTokens(const QByteArray &accessToken, const QByteArray &refreshToken);
    void clear(); // session ended: forget the tokens, fail waiting callers with SessionEnded
    QByteArray accessToken() const { return m_accessToken; }
    bool isRefreshing() const { return m_inFlight; }
    int refreshCount() const { return m_refreshCount; }

    // `rejectedAccessToken` is the token a 401 came back for. If the token has already been
    // replaced, the caller gets the current one at once; otherwise it joins the single refresh.
    // `callback` runs from the event loop, never after `context` is destroyed.
    void requestRefresh(const QByteArray &rejectedAccessToken, QObject *context, Callback callback);

signals:
    void sessionEnded(const QString &message); // invalid_grant
    void tokensRotated();                      // after save, before callers get the new token

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hadContext = false;
        Callback callback;
    };
    void startRefresh();
    void onRefreshed(const RefreshResponse &response);
    void completeAll(const Outcome &outcome);

    RefreshFunction m_refresh;
    SaveFunction m_save;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    QList<Waiter> m_waiters;
    bool m_inFlight = false;
    int m_refreshCount = 0;
    quint64 m_generation = 0; // bumped by clear() so a stale answer is ignored
};

} // namespace plexe
