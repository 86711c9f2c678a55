#include "session/RefreshCoordinator.h"

#include "core/Logging.h"

#include <QMetaObject>
#include <QPointer>

#include <utility>

namespace plexe {

RefreshCoordinator::RefreshCoordinator(RefreshFunction refresh, SaveFunction save, QObject *parent)
    : QObject(parent), m_refresh(std::move(refresh)), m_save(std::move(save))
{}

void RefreshCoordinator::setTokens(const QByteArray &accessToken, const QByteArray &refreshToken)
{
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
}

void RefreshCoordinator::clear()
{
    ++m_generation;
    m_accessToken.fill(0);
    m_refreshToken.fill(0);
    m_accessToken.clear();
    m_refreshToken.clear();
    m_inFlight = false;
    Outcome outcome;
    outcome.kind = Outcome::Kind::SessionEnded;
    outcome.message = tr("Signed out.");
    completeAll(outcome);
}

void RefreshCoordinator::requestRefresh(const QByteArray &rejectedAccessToken, QObject *context,
                                        Callback callback)
{
    Waiter waiter{context, context != nullptr, std::move(callback)};
    if (!m_inFlight && !m_accessToken.isEmpty() && rejectedAccessToken != m_accessToken) {
        // Someone else's refresh already replaced the token this 401 was for.
        Outcome outcome;
        outcome.kind = Outcome::Kind::Refreshed;
        outcome.accessToken = m_accessToken;
        outcome.persisted = true;
        QMetaObject::invokeMethod(
            this,
            [waiter, outcome] {
                if (!waiter.hadContext || waiter.context)
                    waiter.callback(outcome);
            },
            Qt::QueuedConnection);
        return;
    }
    m_waiters.append(std::move(waiter));
    if (!m_inFlight)
        startRefresh();
}

void RefreshCoordinator::startRefresh()
{
    if (m_refreshToken.isEmpty()) {
        Outcome outcome;
        outcome.kind = Outcome::Kind::SessionEnded;
        outcome.message = tr("There is no refresh token; sign in again.");
        const QPointer<RefreshCoordinator> self(this);
        emit sessionEnded(outcome.message); // a receiver may delete our owner
        if (self)
            completeAll(outcome);
        return;
    }
    m_inFlight = true;
    ++m_refreshCount;
    qCDebug(lcSession) << "refreshing the access token";
    const quint64 generation = m_generation;
    QPointer<RefreshCoordinator> self(this);
    m_refresh(m_refreshToken, [self, generation](const RefreshResponse &response) {
        if (!self || generation != self->m_generation)
            return; // signed out meanwhile: the answer is dropped
        self->onRefreshed(response);
    });
}

void RefreshCoordinator::onRefreshed(const RefreshResponse &response)
{
    Outcome outcome;
    if (response.kind == RefreshResponse::Kind::RetryLater) {
        m_inFlight = false;
        outcome.kind = Outcome::Kind::RetryLater; // never a sign-out (B18)
        outcome.message = response.message;
        completeAll(outcome);
        return;
    }
    if (response.kind == RefreshResponse::Kind::InvalidGrant || response.accessToken.isEmpty()) {
        m_inFlight = false;
        outcome.kind = Outcome::Kind::SessionEnded;
        outcome.message = response.message.isEmpty() ? tr("The session has ended; sign in again.")
                                                     : response.message;
        m_accessToken.clear();
        m_refreshToken.clear();
        const QPointer<RefreshCoordinator> self(this);
        emit sessionEnded(outcome.message); // a receiver may delete our owner
        if (self)
            completeAll(outcome);
        return;
    }
    // Keep the rotated refresh token in memory at once (the old one is now dead server-side),
    // but hand the new access token out only after the save step has finished.
    if (!response.refreshToken.isEmpty())
        m_refreshToken = response.refreshToken;
    const quint64 generation = m_generation;
    QPointer<RefreshCoordinator> self(this);
    m_save(response, [self, generation, response](bool saved) {
        if (!self || generation != self->m_generation)
            return;
        if (!saved)
            qCWarning(lcSession) << "rotated refresh token kept in memory only";
        self->m_accessToken = response.accessToken;
        self->m_inFlight = false;
        emit self->tokensRotated();
        Outcome done;
        done.kind = Outcome::Kind::Refreshed;
        done.accessToken = response.accessToken;
        done.persisted = saved;
        self->completeAll(done);
    });
}

void RefreshCoordinator::completeAll(const Outcome &outcome)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        QMetaObject::invokeMethod(
            this,
            [waiter, outcome] {
                if (!waiter.hadContext || waiter.context)
                    waiter.callback(outcome);
            },
            Qt::QueuedConnection);
    }
}

} // namespace plexe
