#include "models/ModelStatusPoller.h"

#include "api/ApiClient.h"
#include "models/ModelStatusText.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"

#include <algorithm>
#include <limits>

namespace plexe {

ModelStatusPoller::ModelStatusPoller(QObject *parent) : QObject(parent)
{
    m_monotonic.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ModelStatusPoller::pollNext);
}

ModelStatusPoller::~ModelStatusPoller()
{
    cancelInFlight();
}

void ModelStatusPoller::setSession(SessionManager *session)
{
    if (session == m_session)
        return;
    clear();
    m_session = session;
}

void ModelStatusPoller::sync(const QList<Model> &models)
{
    QMap<Key, Entry> next;
    for (const Model &m : models) {
        // Without a version there is no status route to ask.
        if (ModelStatusText::isSettled(m.state) || m.modelVersion.isEmpty())
            continue;
        const Key key(m.modelName, m.modelVersion);
        const auto known = m_entries.constFind(key);
        next.insert(key, known != m_entries.constEnd()
                             ? *known
                             : Entry{m_backoff.first.count(), nowMs() + m_backoff.first.count()});
    }
    m_entries = next;
    if (m_request && !m_entries.contains(m_inFlight))
        cancelInFlight();
    schedule();
}

void ModelStatusPoller::clear()
{
    cancelInFlight();
    m_entries.clear();
    m_timer.stop();
}

void ModelStatusPoller::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!active) {
        // The answer would be stale by the time anyone looks; the model is asked again (at its
        // current backoff) once the pane shows.
        if (m_request) {
            const auto it = m_entries.find(m_inFlight);
            if (it != m_entries.end())
                it->dueMs = nowMs() + it->delayMs;
        }
        cancelInFlight();
        m_timer.stop();
        return;
    }
    schedule();
}

bool ModelStatusPoller::isFollowing(const QString &modelName, const QString &modelVersion) const
{
    return m_entries.contains(Key(modelName, modelVersion));
}

qint64 ModelStatusPoller::currentDelayMs(const QString &modelName,
                                         const QString &modelVersion) const
{
    const auto it = m_entries.constFind(Key(modelName, modelVersion));
    return it == m_entries.constEnd() ? -1 : it->delayMs;
}

void ModelStatusPoller::schedule()
{
    m_timer.stop();
    if (!m_active || m_request || m_entries.isEmpty() || !m_session)
        return;
    qint64 due = std::numeric_limits<qint64>::max();
    for (const Entry &e : std::as_const(m_entries))
        due = std::min(due, e.dueMs);
    m_timer.start(int(std::clamp<qint64>(due - nowMs(), 0, std::numeric_limits<int>::max())));
}

void ModelStatusPoller::pollNext()
{
    if (!m_active || m_request || !m_session || !m_session->isSignedIn())
        return;
    const qint64 now = nowMs();
    auto chosen = m_entries.end();
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->dueMs <= now && (chosen == m_entries.end() || it->dueMs < chosen->dueMs))
            chosen = it;
    }
    if (chosen == m_entries.end()) {
        schedule();
        return;
    }
    const Key key = chosen.key();
    m_inFlight = key;
    ++m_sent;
    m_request =
        m_session->run([key](ApiClient &c) { return c.getModelStatus(key.first, key.second); });
    SessionRequest *request = m_request;
    connect(request, &SessionRequest::finished, this,
            [this, request, key] { onAnswer(request, key); });
}

void ModelStatusPoller::onAnswer(SessionRequest *request, const Key &key)
{
    m_request = nullptr;
    const auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        schedule();
        return;
    }
    const ApiError &error = request->error();
    if (!request->isOk()) {
        // Gone, or a server without the route (404, or the gateway's 403 for an unknown
        // route): asking again cannot help. Everything else (offline, 5xx, 429) backs off.
        if (error.httpStatus() == 404 || error.httpStatus() == 403) {
            m_entries.erase(it);
        } else {
            it->delayMs = std::min<qint64>(qint64(double(it->delayMs) * m_backoff.factor),
                                           m_backoff.max.count());
            qint64 due = nowMs() + it->delayMs;
            if (error.httpStatus() == 429 && error.retryAfter().isValid())
                due = std::max(
                    due, nowMs() + QDateTime::currentDateTimeUtc().msecsTo(error.retryAfter()));
            it->dueMs = due;
        }
        schedule();
        return;
    }
    ModelStatus status;
    if (const ModelStatus *answer = request->result<ModelStatus>())
        status = *answer;
    if (status.modelName.isEmpty())
        status.modelName = key.first;
    if (status.modelVersion.isEmpty())
        status.modelVersion = key.second;
    const bool done = !status.status.isEmpty() && ModelStatusText::isSettled(status.state);
    if (done) {
        m_entries.erase(it);
    } else {
        it->delayMs =
            std::min<qint64>(qint64(double(it->delayMs) * m_backoff.factor), m_backoff.max.count());
        it->dueMs = nowMs() + it->delayMs;
    }
    emit statusReceived(status);
    if (done)
        emit settled(key.first, key.second);
    schedule();
}

void ModelStatusPoller::cancelInFlight()
{
    if (!m_request)
        return;
    SessionRequest *request = m_request;
    m_request = nullptr;
    request->disconnect(this);
    request->cancel();
}

} // namespace plexe
