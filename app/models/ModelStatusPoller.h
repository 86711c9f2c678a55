#pragma once

#include "api/Model.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace plexe {

class SessionManager;
class SessionRequest;

// Follows the models that are building: each one's status route is asked again after a delay
// that grows (backoff) until its status settles (Ready, Failed, Draft or anything else that is
// not Building). Settled models are never asked. Nothing is sent while inactive (the pane is
// hidden); one request at a time, so a long list of builds cannot flood the server. Polling is
// timers and network only, which UserActivityFilter never counts as user activity (B16).
class ModelStatusPoller : public QObject
{
    Q_OBJECT

public:
    struct Backoff
    {
        std::chrono::milliseconds first{std::chrono::seconds(2)};
        double factor = 2.0;
        std::chrono::milliseconds max{std::chrono::minutes(1)};
    };
    using Key = QPair<QString, QString>; // model_name, model_version

    explicit ModelStatusPoller(QObject *parent = nullptr);
    ~ModelStatusPoller() override;

    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }
    // The session to ask through; null stops everything (the session ended).
    void setSession(SessionManager *session);
    // The models as listed now: the building ones are followed (one already followed keeps
    // its backoff), every other one is dropped.
    void sync(const QList<Model> &models);
    void clear();
    // Shown or hidden: while inactive no request starts (one in flight is dropped).
    void setActive(bool active);
    bool isActive() const { return m_active; }

    bool isFollowing(const QString &modelName, const QString &modelVersion) const;
    int followedCount() const { return int(m_entries.size()); }
    int requestsSent() const { return m_sent; }
    // A request is due (timer running) or in flight: false whenever nothing can be sent.
    bool isScheduled() const { return m_timer.isActive() || m_request; }
    // The delay before `model`'s next request (for tests of the backoff); -1 when not followed.
    qint64 currentDelayMs(const QString &modelName, const QString &modelVersion) const;

signals:
    // An answer of the status route, with the name and version asked for when it omits them.
    void statusReceived(const plexe::ModelStatus &status);
    // The model's status is no longer Building; it is not asked again.
    void settled(const QString &modelName, const QString &modelVersion);

private:
    struct Entry
    {
        qint64 delayMs = 0;
        qint64 dueMs = 0; // on m_monotonic
    };
    void schedule();
    void pollNext();
    void onAnswer(SessionRequest *request, const Key &key);
    void cancelInFlight();
    qint64 nowMs() const { return m_monotonic.elapsed(); }

    QPointer<SessionManager> m_session;
    QPointer<SessionRequest> m_request;
    Key m_inFlight;
    QMap<Key, Entry> m_entries;
    Backoff m_backoff;
    QTimer m_timer;
    QElapsedTimer m_monotonic;
    bool m_active = false;
    int m_sent = 0;
};

} // namespace plexe
