#pragma once

#include "session/SessionStore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>

// Drives SessionStore's asynchronous API from tests (spinning the event loop, no sleeps) and
// inspects the real Secret Service with secret-tool.
namespace plexe::test {

struct StoreResult
{
    bool finished = false;
    SessionStore::Outcome outcome;
    StoredSession session;
    qint64 elapsedMs = 0;
};

inline StoreResult waitFor(const std::function<void(StoreResult *)> &start, int timeoutMs = 4000)
{
    StoreResult result;
    QElapsedTimer timer;
    timer.start();
    start(&result);
    if (!QTest::qWaitFor([&] { return result.finished; }, timeoutMs)) {
        // Never a silent Ok: the test fails, and the outcome matches no expected status.
        QTest::qFail("the store's callback never came", __FILE__, __LINE__);
        result.outcome = {SessionStore::Status::Refused, QStringLiteral("test: no callback")};
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

inline StoreResult save(SessionStore &store, const StoredSession &session, int timeoutMs = 4000)
{
    return waitFor(
        [&](StoreResult *r) {
            store.save(session, &store, [r](const SessionStore::Outcome &o) {
                r->outcome = o;
                r->finished = true;
            });
        },
        timeoutMs);
}

inline StoreResult load(SessionStore &store, const QString &profile, int timeoutMs = 4000)
{
    return waitFor(
        [&](StoreResult *r) {
            store.load(profile, &store,
                       [r](const SessionStore::Outcome &o, const StoredSession &s) {
                           r->outcome = o;
                           r->session = s;
                           r->finished = true;
                       });
        },
        timeoutMs);
}

inline StoreResult removeAll(SessionStore &store, const QString &profile, int timeoutMs = 4000)
{
    return waitFor(
        [&](StoreResult *r) {
            store.removeAll(profile, &store, [r](const SessionStore::Outcome &o) {
                r->outcome = o;
                r->finished = true;
            });
        },
        timeoutMs);
}

// `secret-tool search --all ...`: the raw listing (attributes, labels, secrets) of matching items.
inline QString secretToolSearch(const QStringList &attributes)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               QStringList{QStringLiteral("search"), QStringLiteral("--all")} + attributes);
    tool.waitForFinished(5000);
    return QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
}

} // namespace plexe::test
