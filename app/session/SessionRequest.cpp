#include "session/SessionRequest.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "core/Logging.h"
#include "session/RefreshCoordinator.h"
#include "session/SessionManager.h"
#include "session/SessionPolicy.h"

#include <QPointer>
#include <QTimer>

namespace plexe {

SessionRequest::SessionRequest(SessionManager *manager, Factory factory, bool sensitive)
    : QObject(manager), m_manager(manager), m_factory(std::move(factory)), m_sensitive(sensitive)
{}

SessionRequest::~SessionRequest()
{
    if (m_call)
        m_call->abort();
    m_sentToken.fill('\0');
}

void SessionRequest::start()
{
    // B19: a sensitive action outside the step-up window asks first; nothing is sent until the
    // user has proved who they are, and nothing at all if they cancel.
    if (m_sensitive && m_manager->usesSessionToken() && m_manager->policy()->needsStepUp()) {
        m_steppedUp = true;
        m_manager->requestStepUp(this, [this](bool ok) {
            if (ok)
                return send();
            ApiError e(ApiError::Kind::Cancelled,
                       tr("The action was cancelled; nothing was sent."));
            e.setCode(QStringLiteral("step_up_cancelled"));
            finishWith(e);
        });
        return;
    }
    send();
}

void SessionRequest::send()
{
    if (m_done)
        return;
    if (!m_manager || !m_manager->isSignedIn()) {
        ApiError e(ApiError::Kind::Cancelled, tr("Signed out."));
        e.setCode(QStringLiteral("signed_out"));
        return finishWith(e);
    }
    ApiClient &client = *m_manager->apiClient();
    m_sentToken.fill('\0');
    m_sentBearer = client.credential().type() == Credential::Type::Bearer;
    m_sentToken = client.credential().secret();
    m_sentToken.detach();
    ++m_attempts;
    ApiCall *call = m_factory(client);
    m_call = call;
    connect(call, &ApiCall::rateLimited, this, &SessionRequest::rateLimited);
    connect(call, &ApiCall::finished, this, [this, call] { onCallFinished(call); });
}

void SessionRequest::onCallFinished(ApiCall *call)
{
    if (call != m_call || m_done)
        return;
    m_call = nullptr;
    const ApiError e = call->error();
    if (e.isSessionExpired() && m_sentBearer && !m_refreshed && m_manager &&
        m_manager->isSignedIn()) {
        m_refreshed = true;
        m_manager->refreshCoordinator()->requestRefresh(
            m_sentToken, this, [this, e](const RefreshCoordinator::Outcome &outcome) {
                switch (outcome.kind) {
                case RefreshCoordinator::Outcome::Kind::Refreshed:
                    return send(); // once
                case RefreshCoordinator::Outcome::Kind::RetryLater: {
                    // B18: the session stays; this request fails like a network error.
                    ApiError net(ApiError::Kind::Network, outcome.message);
                    net.setCode(QStringLiteral("refresh_unavailable"));
                    return finishWith(net);
                }
                case RefreshCoordinator::Outcome::Kind::SessionEnded:
                    break;
                }
                finishWith(e);
            });
        return;
    }
    if (e.isSessionExpired() && !m_sentBearer && !m_sentToken.isEmpty() && m_manager)
        m_manager->reportApiKeyRejected(m_sentToken); // and this request fails with the 401
    if (e.needsReauthentication() && m_sentBearer && !m_steppedUp && m_manager &&
        m_manager->isSignedIn()) {
        m_steppedUp = true;
        m_manager->requestStepUp(this, [this, e](bool ok) {
            if (ok)
                return send(); // once
            finishWith(e);
        });
        return;
    }
    m_result = call->takeResult();
    finishWith(e);
}

void SessionRequest::cancel()
{
    if (m_done)
        return;
    if (m_call) {
        m_call->abort(); // -> onCallFinished with Cancelled
        return;
    }
    finishWith(ApiError(ApiError::Kind::Cancelled, QString()));
}

void SessionRequest::finishWith(const ApiError &error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = error;
    m_sentToken.fill('\0');
    m_sentToken.clear();
    const QPointer<SessionRequest> self(this);
    emit finished(); // the slot may delete this request or its SessionManager
    if (!self)
        return;
    m_result.reset();
    deleteLater();
}

} // namespace plexe
