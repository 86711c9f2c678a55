#pragma once

#include "api/ApiEndpoint.h"
#include "api/ApiKey.h"
#include "api/Credential.h"
#include "auth/OidcConfiguration.h"
#include "auth/SignInResult.h"
#include "session/SessionRequest.h"
#include "session/SessionStore.h"
#include "session/StoredSession.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace plexe {

class ApiClient;
class Clock;
class RefreshCoordinator;
class SessionPolicy;

// The signed-in state of ONE profile: its credential, its own network manager and ApiClient,
// the keychain session (SessionStore), the session policy and the single-flight refresh. Starts a
// session from a sign-in flow's result or from the keychain, runs requests with refresh and
// step-up (SessionRequest), and ends sessions doing all of security.md B17.
// Deleting from a slot: allowed from signedOut(), keychainCleared(), revocationFinished(),
// restoreFinished(), signedIn(), sessionSaved() and a SessionRequest's finished() (deleteLater
// works everywhere). Not from closeSecretDialogs(), clearSecretClipboard() or dropSessionData(),
// which run in the middle of ending the session. A refused refresh ends the session from the
// event loop (queued), never from inside the finishing call. Deleting the manager aborts its
// requests; the store's removal and the revocation already under way still complete.
class SessionManager : public QObject
{
    Q_OBJECT

public:
    enum class State { SignedOut, Restoring, SignedIn };
    Q_ENUM(State)
    // RefreshRejected: the server refused the refresh token (token sessions); ApiKeyRejected:
    // the server refused the API key the session signs with (revoked, expired or deleted).
    enum class EndReason {
        SignedOut,
        IdleTimeout,
        AbsoluteTimeout,
        RefreshRejected,
        ApiKeyRejected
    };
    Q_ENUM(EndReason)

    // `store` and `clock` are not owned and must outlive the manager. The manager creates its
    // own QNetworkAccessManager: Qt reuses a pooled connection to the same host and port
    // whatever CA it was verified with, so two profiles (say the sandbox with its own CA and
    // production) must never share one manager. One manager per profile, hence one per
    // SessionManager.
    SessionManager(QString profile, const ApiEndpoint &endpoint, SessionStore *store,
                   const Clock *clock, QObject *parent = nullptr);
    ~SessionManager() override;

    // The overall deadline (D27) of each of the session's own sign-in requests: the refresh POST
    // and the step-up password POST. When it passes, the request is aborted; a refresh then ends
    // like a network failure (RetryLater: the session is kept, B18), a step-up in stepUpFailed().
    static constexpr std::chrono::seconds kDefaultAuthTimeout{30};
    void setAuthTimeout(std::chrono::milliseconds timeout) { m_authTimeout = timeout; }

    // False (with a reason) when the endpoint is unusable; see ApiClient::setEndpoint.
    bool endpointOk(QString *why = nullptr) const;

    // The profile's id: keys its keychain entries, journal and schedules (Profile::id).
    QString profile() const { return m_profile; }
    // The profile's name as the user sees it (confirmations); the id until set.
    QString profileName() const { return m_profileName.isEmpty() ? m_profile : m_profileName; }
    void setProfileName(const QString &name) { m_profileName = name; }
    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    // "password", "oauth" or "api_key" while signed in.
    QString sessionKind() const { return m_session.meta.kind; }
    bool usesSessionToken() const;

    // The profile's client (for the sign-in flows, which send no session credential) and policy
    // (for UserActivityFilter, idle warnings, the idle setting).
    ApiClient *apiClient() const { return m_client; }
    SessionPolicy *policy() const { return m_policy; }
    RefreshCoordinator *refreshCoordinator() const { return m_refresh; }

    // Storage for the status bar (B13): keychain or memory only, and the backend's name.
    SessionStore::Mode storageMode() const { return m_store->mode(); }
    QString storageBackend() const { return m_store->backendName(); }

    // Token, refresh and revocation endpoints; defaults to the contract's routes under the base
    // URL. A browser sign-in's discovered configuration replaces them.
    void setOAuthConfiguration(const OidcConfiguration &configuration);
    const OidcConfiguration &oauthConfiguration() const { return m_oauth; }

    // A sign-in flow succeeded: the credential is used from now on, saved to the keychain
    // (tokens, or the API key), and the session policy starts. `result` is wiped.
    void beginSession(SignInResult &result);
    // At start: load the profile's session; restore it if SessionPolicy::canRestore, otherwise
    // delete it and stay signed out. Ends with restoreFinished().
    void restore();
    // Ends the session (B17). Does nothing when signed out.
    void signOut() { endSession(EndReason::SignedOut, tr("Signed out.")); }
    // Writes the latest activity time to the keychain (e.g. on quit), for the restore rule.
    void persistActivity();

    // True when this is an API-key session and `key` (a listed key: prefix and suffix, contract
    // §2) is the key it signed in with. Compares the secret's first and last characters with
    // the listed ones inside the manager, so the secret never leaves it. Two keys of one account
    // sharing all 8 listed characters would both match; that only makes a rotation switch the
    // console to the (working) replacement, never lose it.
    bool isOwnApiKey(const ApiKey &key) const;
    // Key rotation of the console's own credential: saves the session with `newKey` to the store
    // first and only once the store holds it makes every later request use it, so the old key can
    // be revoked without a restart ever finding it. done(true) once adopted; done(false) when
    // this is not an API-key session, the session ended meanwhile, or the store did not answer
    // Ok (the old key stays in use and in the store). Answers asynchronously, never after
    // `context` is destroyed. `newKey` is wiped before this returns.
    void replaceApiKey(QByteArray &newKey, QObject *context, std::function<void(bool saved)> done);

    // Runs a request for the session (see SessionRequest). `sensitive`: creating, revoking,
    // rotating or changing the expiry of a key (B19).
    SessionRequest *run(SessionRequest::Factory factory, bool sensitive = false);

    // Step-up (B19). After stepUpRequired(): reauthenticate() for password accounts, or a
    // BrowserSignIn with Options::promptLogin whose result goes to completeStepUp().
    bool isStepUpPending() const { return !m_stepUpWaiters.isEmpty(); }
    void reauthenticate(QByteArray &password); // wipes `password`
    void completeStepUp(SignInResult &result); // wipes `result`
    void cancelStepUp();                       // the waiting requests end; nothing is sent

    // A one-time key on screen and not yet copied (RevealKeyDialog, `holder`): if the session
    // ends before keepOnSessionEnd(holder) (absolute lifetime, sign-out, a refused refresh), its
    // dialog closes (B17) and nobody could ever use the key, so it is revoked as the session's
    // last request, before the session's own tokens are revoked. keyRevokedOnSessionEnd() tells.
    void revokeOnSessionEnd(const ApiKey &key, QObject *holder);
    void keepOnSessionEnd(QObject *holder);

    // For SessionRequest: waits for a step-up; done(true) when it succeeded.
    void requestStepUp(QObject *context, std::function<void(bool ok)> done);
    // For SessionRequest: a request signed with `sentKey` got 401. When that is still this
    // session's key (revoked, expired or deleted: nothing to refresh), the session ends with
    // ApiKeyRejected, from the event loop, as the caller is a finishing request.
    void reportApiKeyRejected(const QByteArray &sentKey);
    // The user revoked the key this session signs with (isOwnApiKey): the session ends the same
    // way, at once rather than at the next request's 401.
    void ownApiKeyRevoked();

signals:
    void signedIn();
    void restoreFinished(bool restored, const QString &message);
    // The stored session was made for another origin (SessionOrigin) and was deleted without a
    // request; `message` says so (emitted just before restoreFinished(false, message)).
    void storedSessionRefused(const QString &message);
    void keychainNeedsUnlock(const QString &message);
    // A save finished: `ok` when it reached the store (keychain, or memory in memory-only mode).
    void sessionSaved(bool ok);
    // A save did not reach the keychain (memory only now, or refused); show a banner.
    void storageWarning(const QString &message);
    void storageModeChanged(plexe::SessionStore::Mode mode, const QString &backendName);
    // `passwordAccount`: ask for the password; otherwise run the browser with prompt=login.
    void stepUpRequired(bool passwordAccount);
    void stepUpFailed(const QString &message);
    void stepUpCompleted();
    // Ending a session (B17), emitted in this order before signedOut(): the UI closes every
    // dialog that shows a secret, clears the clipboard if it still holds the console's value,
    // and drops loaded access-log rows and other account data.
    void closeSecretDialogs();
    void clearSecretClipboard();
    void dropSessionData();
    void signedOut(plexe::SessionManager::EndReason reason, const QString &message);
    // The server-side revocation (RFC 7009) finished; `ok` false when offline (local cleanup
    // happened anyway).
    void revocationFinished(bool ok);
    // A key registered with revokeOnSessionEnd() was revoked (`ok`) or not (`message` says why)
    // after its session ended. Emitted once right after signedOut() with `pending` true (the
    // request is on its way), then again with the answer.
    void keyRevokedOnSessionEnd(const plexe::ApiKey &key, bool pending, bool ok,
                                const QString &message);
    // Every keychain entry of the profile was deleted (or not: `ok` false, with a message).
    void keychainCleared(bool ok, const QString &message);

private:
    void adopt(const StoredSession &session);
    void adoptTokens(TokenAnswer &tokens, const QDateTime &authTime, bool revokeOld);
    // Saves the session; `afterSave` (if any) runs once the store has answered.
    void save(std::function<void()> afterSave = {});
    void endSession(EndReason reason, const QString &message);
    void endApiKeySessionLater(); // ApiKeyRejected, from the event loop
    void revoke(QByteArray &refreshToken);
    // Revokes the uncopied keys of a session that ended with `credential`, then `refreshToken`.
    void revokeKeysThenToken(const QList<ApiKey> &keys, const Credential &credential,
                             QByteArray &refreshToken);
    void completeStepUpWaiters(bool ok);

    struct StepUpWaiter
    {
        QPointer<QObject> context;
        std::function<void(bool)> done;
    };

    QString m_profile;
    QString m_profileName;
    SessionStore *m_store;
    const Clock *m_clock;
    QNetworkAccessManager *m_nam;
    ApiClient *m_client;
    SessionPolicy *m_policy;
    RefreshCoordinator *m_refresh;
    QString m_endpointError;
    QString m_origin; // SessionOrigin::of the endpoint: recorded in and required of stored sessions
    OidcConfiguration m_oauth;
    State m_state = State::SignedOut;
    StoredSession m_session; // the session's secrets (the client and coordinator hold the tokens)
    QList<StepUpWaiter> m_stepUpWaiters;
    struct KeyOnScreen
    {
        QPointer<QObject> holder;
        ApiKey key; // as listed: never the secret
    };
    QList<KeyOnScreen> m_keysOnScreen;
    bool m_reauthenticating = false;
    quint64 m_sessionSerial = 0; // changes whenever a session begins or ends
    std::chrono::milliseconds m_authTimeout{kDefaultAuthTimeout};
};

} // namespace plexe
