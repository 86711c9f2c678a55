#pragma once

#include "api/ApiError.h"
#include "api/ApiKey.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

namespace plexe {

class SessionManager;
class SessionRequest;

// Fetches every API key of the account, page after page (the server gives at most 100 a page),
// through the session (refresh on 401), reporting progress; stop() ends it with what it has.
// Emits exactly one of finished() or failed(), then is done (the owner deletes it).
class ApiKeyListLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100;

    explicit ApiKeyListLoader(SessionManager *session, QObject *parent = nullptr);
    ~ApiKeyListLoader() override;

    void start();
    // Stops after the page in flight is dropped; finished() reports the keys loaded so far with
    // `complete` false.
    void stop();
    bool isRunning() const { return m_running; }

signals:
    // `total` is -1 while the server has not said.
    void progress(int loaded, qint64 total);
    void rateLimited(const QDateTime &deadline);
    void finished(const QList<plexe::ApiKey> &keys, bool complete);
    void failed(const plexe::ApiError &error);

private:
    void fetch();
    void onPage(SessionRequest *request);

    QPointer<SessionManager> m_session;
    QPointer<SessionRequest> m_request;
    QList<ApiKey> m_keys;
    bool m_running = false;
};

} // namespace plexe
