#pragma once

#include "api/ApiError.h"
#include "api/Model.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

namespace plexe {

class SessionManager;
class SessionRequest;

// Fetches every model of the account, page after page, through the session (refresh on 401),
// reporting progress; stop() ends it with what it has. A bare-array answer or one without
// `pagination` is the whole list (contract §3 tolerance). Emits exactly one of finished() or
// failed(), then is done (the owner deletes it).
class ModelListLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100;
    // A server that keeps saying has_more must not keep us looping: past this many pages the
    // list ends incomplete.
    static constexpr int kMaxPages = 1000;

    explicit ModelListLoader(SessionManager *session, QObject *parent = nullptr);
    ~ModelListLoader() override;

    void start();
    // Drops the page in flight; finished() reports the models loaded so far, `complete` false.
    void stop();
    bool isRunning() const { return m_running; }
    int pagesFetched() const { return m_pages; }

signals:
    // `total` is -1 while the server has not said.
    void progress(int loaded, qint64 total);
    void rateLimited(const QDateTime &deadline);
    void finished(const QList<plexe::Model> &models, bool complete);
    void failed(const plexe::ApiError &error);

private:
    void fetch();
    void onPage(SessionRequest *request);

    QPointer<SessionManager> m_session;
    QPointer<SessionRequest> m_request;
    QList<Model> m_models;
    int m_pages = 0;
    bool m_running = false;
};

} // namespace plexe
