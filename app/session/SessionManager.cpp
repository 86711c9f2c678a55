#include "session/SessionManager.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ApiKey.h"
#include "api/TokenDecoder.h"
#include "auth/OAuthRequests.h"
#include "auth/SecretJson.h"
#include "core/Logging.h"
#include "core/SecretBytes.h"
#include "session/Clock.h"
#include "session/RefreshCoordinator.h"
#include "session/SessionOrigin.h"
#include "session/SessionPolicy.h"

#include <QNetworkAccessManager>
#include <QTimer>

#include <memory>

namespace plexe {

namespace {

void wipe(QByteArray &bytes)
{
    bytes.detach();
    bytes.fill('\0');
    bytes.clear();
}

// The overall deadline of `call` (D27): the transfer timeout alone does not end a server that
// drips bytes. When it passes, the call is aborted (its connection closed) and the returned flag
// is set first, so the finished() handler can tell this from a cancel.
std::shared_ptr<bool> armDeadline(ApiCall *call, std::chrono::milliseconds timeout)
{
    auto timedOut = std::make_shared<bool>(false);
    auto *deadline = new QTimer(call); // the call's child: it goes with the call
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, call, [call, timedOut] {
        *timedOut = true;
        call->abort(); // finished() follows at once
    });
    deadline->start(timeout);
    return timedOut;
}

} // namespace

SessionManager::SessionManager(QString profile, const ApiEndpoint &endpoint, SessionStore *store,
                               const Clock *clock, QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_store(store), m_clock(clock),
      // One QNetworkAccessManager per profile: Qt pools connections by scheme, host and port
      // and reuses them whatever CA they were verified with (see ApiClient::setEndpoint).
      m_nam(new QNetworkAccessManager(this)), m_client(new ApiClient(m_nam, this)),
      m_policy(new SessionPolicy(clock, this)), m_origin(SessionOrigin::of(endpoint))
{
    m_client->setEndpoint(endpoint, &m_endpointError);
    m_oauth = OidcConfiguration::defaultsFor(endpoint.baseUrl);

    auto refresh = [this](const QByteArray &refreshToken,
                          std::function<void(const RefreshCoordinator::RefreshResponse &)> done) {
        ApiCall *call = m_client->send(OAuthRequests::refresh(m_oauth.tokenEndpoint, refreshToken),
                                       ApiClient::decoderFor(&TokenDecoder::answer));
        const std::shared_ptr<bool> timedOut = armDeadline(call, m_authTimeout);
        connect(call, &ApiCall::finished, this, [call, done, timedOut] {
            RefreshCoordinator::RefreshResponse r;
            const ApiError &e = call->error();
            if (*timedOut) {
                // Like a network failure: keep the session (B18).
                r.kind = RefreshCoordinator::RefreshResponse::Kind::RetryLater;
                r.message = tr("Renewing the session timed out: the server did not "
                               "answer in time.");
            } else if (!e.isError()) {
                TokenAnswer *answer = call->result<TokenAnswer>();
                r.kind = RefreshCoordinator::RefreshResponse::Kind::Success;
                r.accessToken = answer->accessToken;
                r.refreshToken = answer->refreshToken;
                r.expiresInSeconds = int(answer->expiresIn.value_or(0));
                answer->wipe();
            } else if (e.kind() == ApiError::Kind::Http &&
                       e.code() == QLatin1String("invalid_grant")) {
                r.kind = RefreshCoordinator::RefreshResponse::Kind::InvalidGrant;
                r.message = tr("Your session has ended; please sign in again.");
            } else {
                // Offline, timeout, 5xx, 429, an odd answer: keep the session (B18).
                r.kind = RefreshCoordinator::RefreshResponse::Kind::RetryLater;
                r.message = e.userMessage();
            }
            done(r);
        });
    };
    auto saveRotated = [this](const RefreshCoordinator::RefreshResponse &tokens,
                              std::function<void(bool)> done) {
        // B18: the rotated refresh token reaches the keychain before the new access token is
        // handed to anyone (the coordinator waits for `done`).
        m_session.accessToken = tokens.accessToken;
        if (!tokens.refreshToken.isEmpty())
            m_session.refreshToken = tokens.refreshToken;
        m_session.meta = m_policy->meta();
        if (tokens.expiresInSeconds > 0)
            m_session.meta.expiresAt = m_clock->now().addSecs(tokens.expiresInSeconds);
        m_store->save(m_session, this, [done](const SessionStore::Outcome &o) {
            done(o.status == SessionStore::Status::Ok);
        });
    };
    m_refresh = new RefreshCoordinator(refresh, saveRotated, this);
    connect(m_refresh, &RefreshCoordinator::tokensRotated, this,
            [this] { m_client->setCredential(Credential::bearer(m_refresh->accessToken())); });
    // Queued: sessionEnded comes from inside a finishing refresh call, and the owner may delete
    // this manager (with the call, client and coordinator) from signedOut().
    connect(
        m_refresh, &RefreshCoordinator::sessionEnded, this,
        [this](const QString &message) { endSession(EndReason::RefreshRejected, message); },
        Qt::QueuedConnection);
    connect(m_policy, &SessionPolicy::expired, this, [this](SessionPolicy::ExpiryReason reason) {
        if (reason == SessionPolicy::ExpiryReason::Idle)
            endSession(EndReason::IdleTimeout,
                       tr("You were signed out after a period of inactivity."));
        else
            endSession(EndReason::AbsoluteTimeout,
                       tr("Your session reached its maximum length; please sign in "
                          "again."));
    });
    connect(m_store, &SessionStore::modeChanged, this, &SessionManager::storageModeChanged);
}

SessionManager::~SessionManager()
{
    m_client->abortAll();
    m_session.wipe();
}

bool SessionManager::endpointOk(QString *why) const
{
    if (why)
        *why = m_endpointError;
    return m_endpointError.isEmpty();
}

bool SessionManager::usesSessionToken() const
{
    return isSignedIn() && m_client->credential().type() == Credential::Type::Bearer;
}

void SessionManager::setOAuthConfiguration(const OidcConfiguration &configuration)
{
    m_oauth = configuration;
}

void SessionManager::beginSession(SignInResult &result)
{
    if (m_state != State::SignedOut)
        endSession(EndReason::SignedOut, tr("Signed in again."));
    StoredSession session;
    session.profile = m_profile;
    const QDateTime now = m_clock->now();
    session.meta.createdAt = now;
    session.meta.lastActivity = now;
    session.meta.authTime = result.authTime.isValid() ? result.authTime : now;
    session.meta.kind = result.metaKind();
    session.meta.origin = m_origin;
    if (result.kind == SignInResult::Kind::ApiKey) {
        session.apiKey = result.apiKey;
    } else {
        session.accessToken = result.tokens.accessToken;
        session.refreshToken = result.tokens.refreshToken;
        if (result.tokens.expiresIn)
            session.meta.expiresAt = now.addSecs(*result.tokens.expiresIn);
    }
    result.wipe();
    adopt(session);
    session.wipe();
    save();
    qCInfo(lcSession) << "signed in:" << m_session.meta.kind;
    emit signedIn();
}

void SessionManager::adopt(const StoredSession &session)
{
    m_session.wipe();
    m_session = session;
    m_session.accessToken.detach();
    m_session.refreshToken.detach();
    m_session.apiKey.detach();
    ++m_sessionSerial;
    if (!m_session.apiKey.isEmpty()) {
        m_client->setCredential(Credential::apiKey(m_session.apiKey));
        m_refresh->clear();
    } else {
        m_client->setCredential(Credential::bearer(m_session.accessToken));
        m_refresh->setTokens(m_session.accessToken, m_session.refreshToken);
    }
    m_policy->begin(m_session.meta);
    m_policy->startTicking();
    m_state = State::SignedIn;
}

void SessionManager::save(std::function<void()> afterSave)
{
    m_session.meta = m_policy->meta();
    m_store->save(m_session, this,
                  [this, afterSave = std::move(afterSave)](const SessionStore::Outcome &o) {
                      const bool ok = o.status == SessionStore::Status::Ok;
                      if (!ok) {
                          qCWarning(lcSession) << "session not saved to the keychain:" << o.status;
                          emit storageWarning(o.message);
                      }
                      if (afterSave)
                          afterSave();
                      emit sessionSaved(ok); // last: a receiver may delete this manager
                  });
}

void SessionManager::persistActivity()
{
    if (isSignedIn())
        save();
}

void SessionManager::restore()
{
    if (m_state != State::SignedOut)
        return;
    m_state = State::Restoring;
    m_store->load(
        m_profile, this, [this](const SessionStore::Outcome &o, const StoredSession &stored) {
            StoredSession session = stored;
            if (m_state != State::Restoring) {
                session.wipe();
                return;
            }
            m_state = State::SignedOut;
            switch (o.status) {
            case SessionStore::Status::Ok:
                break;
            case SessionStore::Status::NeedsUnlock:
                emit keychainNeedsUnlock(o.message);
                emit restoreFinished(false, o.message);
                return;
            case SessionStore::Status::SignedOut:
                // No metadata. Tokens left without it (a crash during a save, an older console
                // that deleted the metadata first) are found by nothing else: delete them.
                m_store->removeAll(m_profile, this, [](const SessionStore::Outcome &) {});
                emit restoreFinished(false, o.message);
                return;
            default:
                emit restoreFinished(false, o.message);
                return;
            }
            if (session.meta.origin != m_origin) {
                // Issue 21 item 2: made for another server (the profile's address, CA or issuer
                // changed, or this is an --api-url run), or by a console that did not record
                // where. Its credential must reach no server: deleted here, no revocation sent.
                const QString madeFor = session.meta.origin.isEmpty()
                                            ? tr("an unrecorded address")
                                            : SessionOrigin::address(session.meta.origin);
                session.wipe();
                m_store->removeAll(m_profile, this, [](const SessionStore::Outcome &) {});
                qCWarning(lcSession) << "stored session refused: made for another origin";
                const QString why =
                    tr("You were signed out on this computer: the stored session was made for "
                       "%1, and this profile now connects to %2 (or trusts another certificate "
                       "or identity provider). Nothing was sent to either server. Sign in "
                       "again.")
                        .arg(madeFor, SessionOrigin::address(m_origin));
                emit storedSessionRefused(why);
                emit restoreFinished(false, why);
                return;
            }
            const bool hasCredential = !session.apiKey.isEmpty() || !session.accessToken.isEmpty();
            if (!hasCredential || !m_policy->canRestore(session.meta)) {
                // B16: too old (idle or absolute) or incomplete: delete it, stay signed out.
                session.wipe();
                m_store->removeAll(m_profile, this, [](const SessionStore::Outcome &) {});
                emit restoreFinished(false, tr("The previous session has ended; please "
                                               "sign in again."));
                return;
            }
            adopt(session);
            session.wipe();
            qCInfo(lcSession) << "session restored:" << m_session.meta.kind;
            emit restoreFinished(true, QString());
            emit signedIn();
        });
}

bool SessionManager::isOwnApiKey(const ApiKey &key) const
{
    // The listed prefix is "plx_sk_" plus 4 characters and the suffix the last 4: anything
    // shorter would match too much.
    const QByteArray prefix = key.keyPrefix.toLatin1();
    const QByteArray suffix = key.keySuffix.toLatin1();
    const QByteArray &own = m_session.apiKey;
    if (!isSignedIn() || own.isEmpty() || prefix.size() < 8 || suffix.size() < 4 ||
        own.size() < prefix.size() + suffix.size())
        return false;
    return own.startsWith(prefix) && own.endsWith(suffix);
}

void SessionManager::replaceApiKey(QByteArray &newKey, QObject *context,
                                   std::function<void(bool)> done)
{
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    auto answer = [guard, hadContext, done = std::move(done)](bool ok) {
        if ((!hadContext || guard) && done)
            done(ok);
    };
    if (!isSignedIn() || m_session.apiKey.isEmpty() || newKey.isEmpty()) {
        wipe(newKey);
        // Always asynchronous, as the store would be.
        QTimer::singleShot(0, this, [answer] { answer(false); });
        return;
    }
    // The session as it will be, saved before anything uses it: a crash or quit in between
    // leaves the keychain with a key that works whichever of the two it holds.
    auto next = std::make_shared<StoredSession>(m_session);
    next->apiKey = newKey;
    next->apiKey.detach();
    wipe(newKey);
    next->meta = m_policy->meta();
    const quint64 serial = m_sessionSerial;
    m_store->save(*next, this, [this, next, serial, answer](const SessionStore::Outcome &o) {
        if (serial != m_sessionSerial || !isSignedIn()) {
            // Signed out (or in again) meanwhile: that session's end removed what was saved.
            next->wipe();
            return answer(false);
        }
        if (o.status != SessionStore::Status::Ok) {
            qCWarning(lcSession) << "new API key not saved; the old one stays in use:" << o.status;
            next->wipe();
            emit storageWarning(o.message);
            return answer(false);
        }
        QByteArray old = std::exchange(m_session.apiKey, next->apiKey);
        m_session.apiKey.detach();
        next->wipe();
        m_client->setCredential(Credential::apiKey(m_session.apiKey));
        // Requests already in flight still hold the old key; it works until it is revoked.
        wipe(old);
        qCInfo(lcSession) << "the session now uses its replacement API key";
        answer(true);
    });
}

SessionRequest *SessionManager::run(SessionRequest::Factory factory, bool sensitive)
{
    auto *request = new SessionRequest(this, std::move(factory), sensitive);
    request->start();
    return request;
}

void SessionManager::revokeOnSessionEnd(const ApiKey &key, QObject *holder)
{
    if (!holder || key.keyId.isEmpty())
        return;
    keepOnSessionEnd(holder);
    m_keysOnScreen.append({holder, key});
}

void SessionManager::keepOnSessionEnd(QObject *holder)
{
    m_keysOnScreen.removeIf(
        [holder](const KeyOnScreen &k) { return !k.holder || k.holder == holder; });
}

void SessionManager::requestStepUp(QObject *context, std::function<void(bool)> done)
{
    m_stepUpWaiters.append({context, std::move(done)});
    if (m_stepUpWaiters.size() == 1)
        emit stepUpRequired(m_session.meta.kind != QLatin1String("oauth"));
}

void SessionManager::reauthenticate(QByteArray &password)
{
    if (!usesSessionToken() || m_reauthenticating) {
        wipe(password);
        return;
    }
    ApiRequest r;
    r.method = QByteArrayLiteral("POST");
    r.path = QStringLiteral("/auth/reauthenticate");
    r.body = SecretJson::object({{"password", &password}});
    r.sensitive = true;
    r.waitOnRateLimit = false;
    wipeInPlace(password); // the body is a buffer of its own
    m_reauthenticating = true;
    ApiCall *call = m_client->send(r, ApiClient::decoderFor(&TokenDecoder::answer));
    r.body.clear(); // the call shares this buffer and zeroes it in place when it has finished
    const std::shared_ptr<bool> timedOut = armDeadline(call, m_authTimeout);
    connect(call, &ApiCall::finished, this, [this, call, timedOut] {
        m_reauthenticating = false;
        const ApiError &e = call->error();
        if (*timedOut) {
            // The waiting requests keep waiting: the user may try again (or cancelStepUp).
            emit stepUpFailed(tr("Signing in again timed out: the server did not "
                                 "answer in time. Please try again."));
            return;
        }
        if (e.isError()) {
            if (e.kind() == ApiError::Kind::Cancelled)
                return;
            const QString message = e.code() == QLatin1String("invalid_credentials")
                                        ? tr("The password is not correct.")
                                        : e.userMessage();
            emit stepUpFailed(message); // the waiting requests keep waiting (or cancelStepUp)
            return;
        }
        TokenAnswer *answer = call->result<TokenAnswer>();
        adoptTokens(*answer, m_clock->now(), true);
    });
}

void SessionManager::completeStepUp(SignInResult &result)
{
    if (!isSignedIn() || result.kind == SignInResult::Kind::ApiKey) {
        result.wipe();
        return;
    }
    adoptTokens(result.tokens, result.authTime.isValid() ? result.authTime : m_clock->now(), true);
    result.wipe();
}

void SessionManager::adoptTokens(TokenAnswer &tokens, const QDateTime &authTime, bool revokeOld)
{
    QByteArray old = m_session.refreshToken;
    old.detach();
    wipe(m_session.accessToken);
    wipe(m_session.refreshToken);
    m_session.accessToken = tokens.accessToken;
    m_session.refreshToken = tokens.refreshToken;
    m_session.accessToken.detach();
    m_session.refreshToken.detach();
    tokens.wipe();
    m_client->setCredential(Credential::bearer(m_session.accessToken));
    m_refresh->setTokens(m_session.accessToken, m_session.refreshToken);
    m_policy->setAuthTime(authTime);
    // The step-up started a new token family; the old one is revoked only once the new tokens
    // reached the store, so that a crash in between never leaves only dead tokens stored.
    if (revokeOld && !old.isEmpty() && old != m_session.refreshToken) {
        save([this, old]() mutable {
            revoke(old);
            wipe(old);
        });
    } else {
        save();
    }
    wipe(old);
    qCInfo(lcSession) << "step-up done";
    emit stepUpCompleted();
    completeStepUpWaiters(true);
}

void SessionManager::cancelStepUp()
{
    completeStepUpWaiters(false);
}

void SessionManager::completeStepUpWaiters(bool ok)
{
    const QList<StepUpWaiter> waiters = std::exchange(m_stepUpWaiters, {});
    for (const StepUpWaiter &w : waiters) {
        if (w.context)
            w.done(ok);
    }
}

void SessionManager::revoke(QByteArray &refreshToken)
{
    if (refreshToken.isEmpty() || m_oauth.revocationEndpoint.isEmpty())
        return;
    // RFC 7009, fire and forget: the local cleanup never waits for (or depends on) it.
    ApiCall *call = m_client->send(OAuthRequests::revoke(m_oauth.revocationEndpoint, refreshToken,
                                                         QByteArrayLiteral("refresh_token")));
    connect(call, &ApiCall::finished, this, [this, call] {
        const bool ok = call->isOk();
        if (!ok)
            qCInfo(lcSession) << "token revocation failed:" << call->error().logString();
        emit revocationFinished(ok);
    });
}

void SessionManager::reportApiKeyRejected(const QByteArray &sentKey)
{
    if (!isSignedIn() || m_session.apiKey.isEmpty() || m_session.apiKey != sentKey)
        return; // a request of an earlier session, or of a token session
    endApiKeySessionLater();
}

void SessionManager::ownApiKeyRevoked()
{
    if (isSignedIn() && !m_session.apiKey.isEmpty())
        endApiKeySessionLater();
}

// Queued: the callers are finishing requests, and the owner may delete this manager from
// signedOut(); the serial keeps a late call from ending a session begun meanwhile.
void SessionManager::endApiKeySessionLater()
{
    const quint64 serial = m_sessionSerial;
    QMetaObject::invokeMethod(
        this,
        [this, serial] {
            if (serial == m_sessionSerial)
                endSession(EndReason::ApiKeyRejected,
                           tr("The server no longer accepts this API key."));
        },
        Qt::QueuedConnection);
}

void SessionManager::endSession(EndReason reason, const QString &message)
{
    if (m_state == State::SignedOut && m_session.accessToken.isEmpty() &&
        m_session.apiKey.isEmpty())
        return;
    qCInfo(lcSession) << "ending the session:" << reason;
    QByteArray refreshToken = m_session.refreshToken;
    refreshToken.detach();
    // Keys shown once and never copied: their dialogs close below, so they are revoked with
    // this session's credential as its last requests (before its tokens are).
    QList<ApiKey> lostKeys;
    for (const KeyOnScreen &k : std::exchange(m_keysOnScreen, {})) {
        if (k.holder)
            lostKeys.append(k.key);
    }
    Credential lastCredential = m_client->credential();
    m_state = State::SignedOut;
    ++m_sessionSerial;
    m_policy->end();
    completeStepUpWaiters(false);
    m_refresh->clear();   // refresh waiters end; a late refresh answer is dropped
    m_client->abortAll(); // B17: requests in flight
    m_client->clearCredential();
    m_session.wipe();
    m_session.meta = SessionMeta();
    emit closeSecretDialogs();
    emit clearSecretClipboard();
    emit dropSessionData();
    m_store->removeAll(m_profile, this, [this](const SessionStore::Outcome &o) {
        const bool ok = o.status == SessionStore::Status::Ok;
        if (!ok)
            qCWarning(lcSession) << "keychain entries not removed:" << o.status;
        emit keychainCleared(ok, o.message);
    });
    const QPointer<SessionManager> self(this);
    // After abortAll(), which would cancel them.
    revokeKeysThenToken(lostKeys, lastCredential, refreshToken);
    lastCredential.wipe(); // each request holds its own copy, wiped with the request
    wipe(refreshToken);
    emit signedOut(reason, message); // a receiver may delete this manager
    if (!self)
        return;
    for (const ApiKey &key : std::as_const(lostKeys))
        emit keyRevokedOnSessionEnd(key, true, false, QString());
}

void SessionManager::revokeKeysThenToken(const QList<ApiKey> &keys, const Credential &credential,
                                         QByteArray &refreshToken)
{
    if (keys.isEmpty() || credential.secret().isEmpty())
        return revoke(refreshToken);
    // Revoking the refresh token ends its access tokens too (RFC 7009 §2.1, and the sandbox
    // does): it waits until every key's answer is in.
    auto left = std::make_shared<int>(int(keys.size()));
    // Wiped however the calls end, even aborted with the manager.
    std::shared_ptr<QByteArray> token(new QByteArray(refreshToken), [](QByteArray *bytes) {
        wipe(*bytes);
        delete bytes;
    });
    token->detach();
    for (const ApiKey &key : keys) {
        ApiCall *call = m_client->revokeApiKeyWith(key.keyId, credential);
        connect(call, &ApiCall::finished, this, [this, call, key, left, token] {
            const ApiError &e = call->error();
            if (e.kind() == ApiError::Kind::Cancelled)
                return; // the manager is going away: nothing more is sent
            // 404: the key is gone already, which is all that was wanted.
            const bool ok = !e.isError() || e.httpStatus() == 404;
            if (!ok)
                qCInfo(lcSession) << "a key left on screen was not revoked:" << e.logString();
            if (--*left == 0) {
                revoke(*token);
                wipe(*token);
            }
            emit keyRevokedOnSessionEnd(key, false, ok, ok ? QString() : e.userMessage());
        });
    }
}

} // namespace plexe
