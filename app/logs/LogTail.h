#pragma once

#include "api/AccessLogFilters.h"
#include "api/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace plexe {

class LogStore;
class SessionManager;
class SessionRequest;

// Live tail: polls GET /auth/access-logs?after=<newest id in the store> every interval() and
// ingests what is new (the store skips rows it already holds, so racing a load is harmless).
// Errors back off (doubling up to kMaxBackoffMs) and polling goes on; 403/404 stops it with
// unsupported(). Polls are timers and network replies, never user input, so they do not reset
// the idle timeout (B16: only UserActivityFilter's input events do).
// Pages are parsed and ingested on the store's ingest thread, like the loader's.
class LogTail : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 5000;
    static constexpr int kMaxBackoffMs = 60000;
    enum class State { Stopped, Running, Paused };
    Q_ENUM(State)

    LogTail(SessionManager *session, LogStore *store, QObject *parent = nullptr);
    ~LogTail() override;

    void setInterval(int ms) { m_intervalMs = ms; }
    int interval() const { return m_intervalMs; }
    // Server-side filters for the polls (since/until are not sent: the tail is open-ended).
    void setFilters(const AccessLogFilters &filters);

    void start(); // polls at once, then every interval
    void pause(); // no polls until resume(); the request in flight is dropped
    void resume();
    void stop();
    State state() const { return m_state; }
    // The delay before the next poll (the interval, or the backoff after errors).
    int nextDelayMs() const { return m_delayMs; }

signals:
    void stateChanged(plexe::LogTail::State state);
    // A poll added `added` new rows to the store (not emitted for polls with nothing new).
    void eventsArrived(quint32 added);
    void rateLimited(const QDateTime &deadline);
    // A poll failed; the tail keeps polling after nextDelayMs().
    void failed(const plexe::ApiError &error);
    // The route answered 403/404; the tail stopped.
    void unsupported(int httpStatus);

private:
    void poll();
    void onAnswer(SessionRequest *request);
    void schedule(int delayMs);
    void setState(State state);
    void dropRequest();

    QPointer<SessionManager> m_session;
    QPointer<LogStore> m_store;
    QPointer<SessionRequest> m_request;
    QTimer m_timer;
    AccessLogFilters m_filters;
    State m_state = State::Stopped;
    int m_intervalMs = kIntervalMs;
    int m_delayMs = kIntervalMs;
    QString m_after; // the next after= when the server said next_after
    bool m_morePending = false;
};

} // namespace plexe
