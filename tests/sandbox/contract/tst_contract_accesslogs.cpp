#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"

#include <QSet>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>

using namespace plexe::test;

namespace {
const QString kLogs = QStringLiteral("/auth/access-logs");
const QString kKeys = QStringLiteral("/auth/api-keys");
const QStringList kEventFields = {
    QStringLiteral("id"),         QStringLiteral("timestamp"), QStringLiteral("event"),
    QStringLiteral("outcome"),    QStringLiteral("actor"),     QStringLiteral("key_id"),
    QStringLiteral("key_prefix"), QStringLiteral("ip"),        QStringLiteral("user_agent"),
    QStringLiteral("method"),     QStringLiteral("path"),      QStringLiteral("status"),
    QStringLiteral("error_code")};
constexpr int kSeededEvents = 250;

QString idOf(const QJsonObject &object)
{
    return object.value(QLatin1String("key_id")).toString();
}

qint64 eventId(const QJsonValue &event)
{
    return qint64(event.toObject().value(QLatin1String("id")).toDouble());
}

QString str(const QJsonObject &event, const char *field)
{
    return event.value(QLatin1String(field)).toString();
}
} // namespace

// GET /auth/access-logs (contract §6) and the events that key actions leave, black box over TLS.
// Only the seeded demo account exists in this sandbox, so "another account's events are never
// visible" is covered by the rejection of an unknown key (it belongs to no account and shows in
// no log); the sign-in work adds accounts and a cross-account test.
class TestContractAccessLogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyActionsLeaveExactlyTheirEvents();
    void everyFilterAndTheirCombinationMatchTheFullLog();
    void newestFirstPagesWithFiltersMatchTheTail();
    void cursorPagesReturnEveryEventOnceWhileEventsArrive();
    void afterTailReturnsNewerEventsOldestFirst();
    void limitDefaultsAndBounds();
    void badParametersAre422();
    void requiresCredentials();
    void useEventSurvivesSigkill();

private:
    // Every event after `after`, oldest first, through the tail form (as the console tails).
    QJsonArray tail(qint64 after, const QString &filters = QString()) const;
    qint64 newestId() const;
    QJsonObject createKey(const QString &name) const;

    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    Credential m_admin;
    QStringList m_secrets; // every key secret the tests saw: none may appear in a log answer
};

void TestContractAccessLogs::initTestCase()
{
    SandboxProcess::Options options;
    options.extraSeedArgs = {QStringLiteral("--log-events"), QString::number(kSeededEvents)};
    QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
    QVERIFY(checks::isKeySecret(m_sandbox.demoApiKey()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
    m_admin = Credential::apiKey(m_sandbox.demoApiKey());
    m_secrets << m_sandbox.demoApiKey() << m_sandbox.seedValue(QStringLiteral("expired_api_key"))
              << m_sandbox.seedValue(QStringLiteral("revoked_api_key"))
              << m_sandbox.seedValue(QStringLiteral("read_only_api_key"));
}

QJsonArray TestContractAccessLogs::tail(qint64 after, const QString &filters) const
{
    QJsonArray all;
    qint64 from = after;
    for (int guard = 0; guard < 100; ++guard) {
        const Reply r = m_client->get(kLogs + QStringLiteral("?limit=1000&after=") +
                                          QString::number(from) + filters,
                                      m_admin);
        if (r.status != 200) {
            qWarning("tail failed: %s", r.describe().constData());
            return {};
        }
        for (const QString &secret : m_secrets) {
            if (!secret.isEmpty() && r.body.contains(secret.toUtf8()))
                qFatal("a key secret appears in an access-log answer");
        }
        const QJsonArray events = r.object().value(QLatin1String("events")).toArray();
        for (const QJsonValue &e : events)
            all.append(e);
        const qint64 next = qint64(r.object().value(QLatin1String("next_after")).toDouble());
        // A short page means caught up (each page request adds an event of its own after it).
        if (events.size() < 1000 || next <= from)
            return all;
        from = next;
    }
    return all;
}

qint64 TestContractAccessLogs::newestId() const
{
    const Reply r = m_client->get(kLogs + QStringLiteral("?limit=1"), m_admin);
    const QJsonArray events = r.object().value(QLatin1String("events")).toArray();
    return events.isEmpty() ? 0 : eventId(events.first());
}

QJsonObject TestContractAccessLogs::createKey(const QString &name) const
{
    const QJsonObject key = m_client->createKey(m_admin, name);
    const_cast<QStringList &>(m_secrets) << key.value(QLatin1String("key")).toString();
    return key;
}

void TestContractAccessLogs::keyActionsLeaveExactlyTheirEvents()
{
    const qint64 mark = newestId();
    QVERIFY(mark >= kSeededEvents);
    const QJsonObject key = createKey(QStringLiteral("logged key"));
    QVERIFY(!key.isEmpty());
    const QString secret = key.value(QLatin1String("key")).toString();
    const Credential cred = Credential::apiKey(secret);
    const QString keyPath = kKeys + u'/' + idOf(key);
    QCOMPARE(
        m_client->patchJson(keyPath, m_admin, {{QStringLiteral("name"), QStringLiteral("renamed")}})
            .status,
        200);
    QCOMPARE(m_client->patchJson(keyPath, m_admin, {}).status, 200); // a no-op: no updated event
    QCOMPARE(m_client->get(QStringLiteral("/models"), cred).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/models/no-such-model?x=secretish"), cred).status, 404);
    QCOMPARE(m_client->del(keyPath, m_admin).status, 200);
    QCOMPARE(m_client->del(keyPath, m_admin).status, 200); // idempotent: no second revoked
    QCOMPARE(m_client->get(QStringLiteral("/models"), cred).status, 401);
    const QString expired = m_sandbox.seedValue(QStringLiteral("expired_api_key"));
    QCOMPARE(m_client->get(QStringLiteral("/auth/user"), Credential::bearer(expired)).status, 401);
    // Well formed but unknown: belongs to no account, so it shows in no one's log.
    const QString unknown = QStringLiteral("plx_sk_") + QString(44, u'Z');
    m_secrets << unknown;
    QCOMPARE(m_client->get(QStringLiteral("/models"), Credential::apiKey(unknown)).status, 401);

    const QJsonArray events = tail(mark);
    struct Expected
    {
        const char *event;
        bool byNewKey; // key_id is the new key (else the admin key, or the expired one)
        const char *method;
        QString path;
        int status;
        const char *error;
    };
    const QList<Expected> expected = {
        {"api_key.used", false, "GET", kLogs, 200, nullptr}, // newestId()'s own request
        {"api_key.created", true, "POST", kKeys, 200, nullptr},
        {"api_key.used", false, "POST", kKeys, 200, nullptr},
        {"api_key.updated", true, "PATCH", keyPath, 200, nullptr},
        {"api_key.used", false, "PATCH", keyPath, 200, nullptr},
        {"api_key.used", false, "PATCH", keyPath, 200, nullptr},
        {"api_key.used", true, "GET", QStringLiteral("/models"), 200, nullptr},
        {"api_key.used", true, "GET", QStringLiteral("/models/no-such-model"), 404, "not_found"},
        {"api_key.revoked", true, "DELETE", keyPath, 200, nullptr},
        {"api_key.used", false, "DELETE", keyPath, 200, nullptr},
        {"api_key.used", false, "DELETE", keyPath, 200, nullptr},
        {"api_key.rejected", true, "GET", QStringLiteral("/models"), 401, "revoked_key"},
        {"api_key.rejected", false, "GET", QStringLiteral("/auth/user"), 401, "expired_key"},
    };
    QStringList got;
    for (const QJsonValue &v : events)
        got << str(v.toObject(), "event") + u' ' + str(v.toObject(), "method") + u' ' +
                   str(v.toObject(), "path");
    QVERIFY2(events.size() == expected.size(), qPrintable(got.join(QStringLiteral("\n"))));

    const QString adminPrefix = m_sandbox.demoApiKey().left(11);
    qint64 lastId = mark;
    QDateTime lastTime;
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject e = events.at(i).toObject();
        const Expected &x = expected.at(i);
        const QString where = QStringLiteral("event %1 (%2): ").arg(i).arg(got.at(i));
        const QString missing = checks::missingFields(e, kEventFields);
        QVERIFY2(missing.isEmpty(), qPrintable(where + missing));
        QVERIFY2(eventId(e) > lastId, qPrintable(where + QStringLiteral("ids not ascending")));
        lastId = eventId(e);
        QVERIFY2(checks::isIsoUtc(e.value(QLatin1String("timestamp"))), qPrintable(where));
        const QDateTime time = checks::parseTime(e.value(QLatin1String("timestamp")));
        QVERIFY2(!lastTime.isValid() || time >= lastTime,
                 qPrintable(where + QStringLiteral("time went back")));
        QVERIFY(qAbs(time.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        lastTime = time;
        QCOMPARE(str(e, "event"), QLatin1String(x.event));
        QCOMPARE(str(e, "method"), QLatin1String(x.method));
        QCOMPARE(str(e, "path"), x.path); // never the query string
        QCOMPARE(e.value(QLatin1String("status")).toInt(), x.status);
        QCOMPARE(str(e, "outcome"), QLatin1String(x.status < 400 ? "success" : "failure"));
        if (x.error)
            QCOMPARE(str(e, "error_code"), QLatin1String(x.error));
        else
            QVERIFY2(e.value(QLatin1String("error_code")).isNull(), qPrintable(where));
        QCOMPARE(str(e, "actor"), m_sandbox.demoEmail());
        QCOMPARE(str(e, "ip"), QStringLiteral("127.0.0.1"));
        QVERIFY2(!str(e, "user_agent").isEmpty(), qPrintable(where));
        const QString prefix = str(e, "key_prefix");
        QCOMPARE(prefix.size(), 11);
        if (x.byNewKey) {
            QCOMPARE(str(e, "key_id"), idOf(key));
            QCOMPARE(prefix, secret.left(11));
        } else if (QLatin1String(x.event) == QLatin1String("api_key.rejected")) {
            QCOMPARE(prefix, expired.left(11));
            QVERIFY(str(e, "key_id").startsWith(u"key_"));
        } else {
            QCOMPARE(prefix, adminPrefix);
        }
    }
}

void TestContractAccessLogs::everyFilterAndTheirCombinationMatchTheFullLog()
{
    const qint64 mark = newestId();
    const QJsonObject a = createKey(QStringLiteral("filter a"));
    const QJsonObject b = createKey(QStringLiteral("filter b"));
    const Credential credA = Credential::apiKey(a.value(QLatin1String("key")).toString());
    const Credential credB = Credential::apiKey(b.value(QLatin1String("key")).toString());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/models"), credA).status, 200);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/models/absent_Thing"), credA).status, 404);
    QCOMPARE(m_client->get(QStringLiteral("/auth/user"), credB).status, 200);
    QCOMPARE(m_client->del(kKeys + u'/' + idOf(b), m_admin).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/auth/user"), credB).status, 401);

    // The reference: the whole log after the mark, up to a snapshot id; each filtered answer
    // must be exactly the reference filtered the same way on the client.
    const QJsonArray all = tail(mark);
    QVERIFY(all.size() >= 12);
    const qint64 snapshot = eventId(all.last());
    const QString since =
        checks::parseTime(all.at(all.size() / 2).toObject().value(QLatin1String("timestamp")))
            .toString(Qt::ISODate);
    using Pred = std::function<bool(const QJsonObject &)>;
    const QString email = m_sandbox.demoEmail();
    struct Case
    {
        QString query;
        Pred keep;
    };
    const QString idA = idOf(a), idB = idOf(b);
    const QList<Case> cases = {
        {QStringLiteral("&key_id=") + idA,
         [&](const QJsonObject &e) {
             return str(e, "key_id") == idA;
         }},
        {QStringLiteral("&event=api_key.used"),
         [](const QJsonObject &e) {
             return str(e, "event") == QLatin1String("api_key.used");
         }},
        {QStringLiteral("&event=api_key.revoked&event=api_key.rejected"),
         [](const QJsonObject &e) {
             return str(e, "event") == QLatin1String("api_key.revoked") ||
                    str(e, "event") == QLatin1String("api_key.rejected");
         }},
        {QStringLiteral("&outcome=failure"),
         [](const QJsonObject &e) {
             return str(e, "outcome") == QLatin1String("failure");
         }},
        {QStringLiteral("&outcome=success&key_id=") + idA,
         [&](const QJsonObject &e) {
             return str(e, "outcome") == QLatin1String("success") && str(e, "key_id") == idA;
         }},
        {QStringLiteral("&outcome=failure&key_id=") + idA + QStringLiteral("&event=api_key.used"),
         [&](const QJsonObject &e) {
             return str(e, "outcome") == QLatin1String("failure") && str(e, "key_id") == idA &&
                    str(e, "event") == QLatin1String("api_key.used");
         }},
        {QStringLiteral("&key_id=") + idB + QStringLiteral("&event=api_key.rejected"),
         [&](const QJsonObject &e) {
             return str(e, "key_id") == idB && str(e, "event") == QLatin1String("api_key.rejected");
         }},
        {QStringLiteral("&ip=127.0.0.1&key_id=") + idA,
         [&](const QJsonObject &e) {
             return str(e, "key_id") == idA;
         }},
        {QStringLiteral("&ip=203.0.113.7"),
         [](const QJsonObject &) {
             return false;
         }},
        {QStringLiteral("&actor=") + QString::fromUtf8(QUrl::toPercentEncoding(email)),
         [](const QJsonObject &) {
             return true;
         }},
        {QStringLiteral("&actor=nobody%40example.com"),
         [](const QJsonObject &) {
             return false;
         }},
        // q: a case-insensitive substring of path, user agent or error code.
        {QStringLiteral("&q=absent_t"),
         [](const QJsonObject &e) {
             return str(e, "path").contains(u"absent_Thing");
         }},
        {QStringLiteral("&q=NOT_FOUND&key_id=") + idA,
         [&](const QJsonObject &e) {
             return str(e, "key_id") == idA && str(e, "error_code") == QLatin1String("not_found");
         }},
        {QStringLiteral("&q=%25"),
         [](const QJsonObject &e) {
             return str(e, "path").contains(u'%') || str(e, "user_agent").contains(u'%');
         }},
        {QStringLiteral("&since=") + since,
         [&](const QJsonObject &e) {
             return checks::parseTime(e.value(QLatin1String("timestamp"))) >=
                    QDateTime::fromString(since, Qt::ISODate);
         }},
        {QStringLiteral("&until=") + since + QStringLiteral("&event=api_key.used"),
         [&](const QJsonObject &e) {
             return checks::parseTime(e.value(QLatin1String("timestamp"))) <
                        QDateTime::fromString(since, Qt::ISODate) &&
                    str(e, "event") == QLatin1String("api_key.used");
         }},
    };
    for (const Case &c : cases) {
        QList<qint64> want, got;
        for (const QJsonValue &v : all) {
            if (c.keep(v.toObject()))
                want << eventId(v);
        }
        for (const QJsonValue &v : tail(mark, c.query)) {
            if (eventId(v) <= snapshot)
                got << eventId(v);
        }
        QVERIFY2(got == want,
                 qPrintable(
                     c.query +
                     QStringLiteral(": got %1 events, want %2").arg(got.size()).arg(want.size())));
    }
}

void TestContractAccessLogs::newestFirstPagesWithFiltersMatchTheTail()
{
    const qint64 mark = newestId();
    const QJsonObject a = createKey(QStringLiteral("newest first"));
    const Credential credA = Credential::apiKey(a.value(QLatin1String("key")).toString());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/models"), credA).status, 200);
    const QString filter = QStringLiteral("&key_id=") + idOf(a);
    QList<qint64> ascending;
    for (const QJsonValue &v : tail(mark, filter))
        ascending << eventId(v);
    QCOMPARE(ascending.size(), 6); // created + 5 uses

    QList<qint64> pages;
    QString cursor;
    for (int guard = 0; guard < 10; ++guard) {
        const Reply r =
            m_client->get(kLogs + QStringLiteral("?limit=4") + filter +
                              (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                          m_admin);
        QVERIFY2(r.status == 200, r.describe().constData());
        for (const QJsonValue &v : r.object().value(QLatin1String("events")).toArray())
            pages << eventId(v);
        const QJsonValue next = r.object().value(QLatin1String("next_cursor"));
        if (next.isNull())
            break;
        QVERIFY(next.isString() && !next.toString().isEmpty());
        cursor = next.toString();
    }
    std::reverse(ascending.begin(), ascending.end());
    QCOMPARE(pages, ascending);
}

void TestContractAccessLogs::cursorPagesReturnEveryEventOnceWhileEventsArrive()
{
    const Credential reader =
        Credential::apiKey(m_sandbox.seedValue(QStringLiteral("read_only_api_key")));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/models"), reader).status, 200);
    // Page the whole log newest first, 37 at a time, while every page request and two more
    // requests per page add events above the first page.
    const Reply first = m_client->get(kLogs + QStringLiteral("?limit=37"), m_admin);
    QVERIFY2(first.status == 200, first.describe().constData());
    const qint64 top = eventId(first.object().value(QLatin1String("events")).toArray().first());
    QList<qint64> seen;
    Reply page = first;
    for (int guard = 0; guard < 100; ++guard) {
        const QJsonArray events = page.object().value(QLatin1String("events")).toArray();
        QVERIFY(events.size() <= 37);
        for (const QJsonValue &v : events)
            seen << eventId(v);
        const QJsonValue next = page.object().value(QLatin1String("next_cursor"));
        if (next.isNull())
            break;
        QCOMPARE(m_client->get(QStringLiteral("/models"), reader).status, 200);
        QCOMPARE(m_client->get(QStringLiteral("/auth/user"), m_admin).status, 200);
        page =
            m_client->get(kLogs + QStringLiteral("?limit=37&cursor=") + next.toString(), m_admin);
        QVERIFY2(page.status == 200, page.describe().constData());
    }
    QVERIFY(!seen.isEmpty());
    for (int i = 1; i < seen.size(); ++i)
        QVERIFY2(seen.at(i) < seen.at(i - 1), "pages not strictly newest first (a duplicate?)");
    QCOMPARE(seen.first(), top);
    // Exactly every event up to the first page's newest: compare with the tail from zero.
    QList<qint64> all;
    for (const QJsonValue &v : tail(0)) {
        if (eventId(v) <= top)
            all << eventId(v);
    }
    std::reverse(all.begin(), all.end());
    QCOMPARE(seen.size(), all.size());
    QCOMPARE(seen, all);
    QVERIFY(seen.size() > kSeededEvents);
}

void TestContractAccessLogs::afterTailReturnsNewerEventsOldestFirst()
{
    const qint64 mark = newestId();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/auth/user"), m_admin).status, 200);
    QList<qint64> ids;
    qint64 after = mark;
    for (int guard = 0; guard < 20 && ids.size() < 6; ++guard) {
        const Reply r = m_client->get(
            kLogs + QStringLiteral("?limit=2&after=") + QString::number(after), m_admin);
        QVERIFY2(r.status == 200, r.describe().constData());
        QVERIFY(r.object().value(QLatin1String("next_cursor")).isNull());
        const QJsonArray events = r.object().value(QLatin1String("events")).toArray();
        QVERIFY(events.size() <= 2);
        for (const QJsonValue &v : events) {
            QVERIFY(eventId(v) > after);
            ids << eventId(v);
        }
        after = qint64(r.object().value(QLatin1String("next_after")).toDouble());
        if (!events.isEmpty())
            QCOMPARE(after, eventId(events.last()));
    }
    // newestId()'s own use, then the 5 uses, in id order.
    QVERIFY(ids.size() >= 6);
    for (int i = 1; i < ids.size(); ++i)
        QVERIFY(ids.at(i) > ids.at(i - 1));
    // Nothing newer than the newest: an empty page.
    const Reply none = m_client->get(kLogs + QStringLiteral("?after=") +
                                         QString::number(std::numeric_limits<int>::max()),
                                     m_admin);
    QVERIFY2(none.status == 200, none.describe().constData());
    QVERIFY(none.object().value(QLatin1String("events")).toArray().isEmpty());
}

void TestContractAccessLogs::limitDefaultsAndBounds()
{
    const Reply byDefault = m_client->get(kLogs, m_admin);
    QVERIFY2(byDefault.status == 200, byDefault.describe().constData());
    QCOMPARE(byDefault.object().value(QLatin1String("events")).toArray().size(), 100);
    QVERIFY(byDefault.object().value(QLatin1String("next_cursor")).isString());
    const Reply one = m_client->get(kLogs + QStringLiteral("?limit=1"), m_admin);
    QCOMPARE(one.object().value(QLatin1String("events")).toArray().size(), 1);
    const Reply max = m_client->get(kLogs + QStringLiteral("?limit=1000"), m_admin);
    QVERIFY2(max.status == 200, max.describe().constData());
    const int total = max.object().value(QLatin1String("events")).toArray().size();
    QVERIFY(total > kSeededEvents && total <= 1000);
    // The seeded events are older than the seeding's "now" and newest first.
    const QJsonArray events = max.object().value(QLatin1String("events")).toArray();
    for (int i = 1; i < events.size(); ++i)
        QVERIFY(eventId(events.at(i)) < eventId(events.at(i - 1)));
    for (const QString &bad : {QStringLiteral("0"), QStringLiteral("1001"), QStringLiteral("-1"),
                               QStringLiteral("ten"), QStringLiteral("1.5")}) {
        const QString shape = checks::validationFailed(
            m_client->get(kLogs + QStringLiteral("?limit=") + bad, m_admin),
            QStringLiteral("limit"));
        QVERIFY2(shape.isEmpty(), qPrintable(bad + QStringLiteral(": ") + shape));
    }
}

void TestContractAccessLogs::badParametersAre422()
{
    const QList<QPair<QString, QString>> cases = {
        {QStringLiteral("since=yesterday"), QStringLiteral("since")},
        {QStringLiteral("since=2026-01-01T00:00:00"), QStringLiteral("since")}, // no zone
        {QStringLiteral("until=2026-13-01T00:00:00Z"), QStringLiteral("until")},
        {QStringLiteral("since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z"),
         QStringLiteral("until")},
        {QStringLiteral("event=auth.bogus"), QStringLiteral("event")},
        {QStringLiteral("event=api_key.used&event=nope"), QStringLiteral("event")},
        {QStringLiteral("outcome=maybe"), QStringLiteral("outcome")},
        {QStringLiteral("cursor=%21%21%21"), QStringLiteral("cursor")},
        {QStringLiteral("cursor=LTU"), QStringLiteral("cursor")}, // "-5"
        {QStringLiteral("cursor=MTA&after=3"), QStringLiteral("after")},
        {QStringLiteral("after=-1"), QStringLiteral("after")},
        {QStringLiteral("after=abc"), QStringLiteral("after")},
        {QStringLiteral("q=") + QString(201, u'x'), QStringLiteral("q")},
        {QStringLiteral("ip=") + QString(300, u'1'), QStringLiteral("ip")},
    };
    for (const auto &c : cases) {
        const QString shape =
            checks::validationFailed(m_client->get(kLogs + u'?' + c.first, m_admin), c.second);
        QVERIFY2(shape.isEmpty(), qPrintable(c.first + QStringLiteral(": ") + shape));
    }
    // An offset form is accepted, and empty parameters mean "no filter".
    QCOMPARE(
        m_client->get(kLogs + QStringLiteral("?since=2020-01-01T02:00:00%2B02:00"), m_admin).status,
        200);
    QCOMPARE(m_client->get(kLogs + QStringLiteral("?event=&outcome=&ip=&q="), m_admin).status, 200);
}

void TestContractAccessLogs::requiresCredentials()
{
    const QString none = checks::errorShape(m_client->get(kLogs, Credential::none()), 401,
                                            QStringLiteral("unauthorized"));
    QVERIFY2(none.isEmpty(), qPrintable(none));
    const QString revoked = checks::errorShape(
        m_client->get(kLogs,
                      Credential::apiKey(m_sandbox.seedValue(QStringLiteral("revoked_api_key")))),
        401, QStringLiteral("revoked_key"));
    QVERIFY2(revoked.isEmpty(), qPrintable(revoked));
    // A read-only key may read its account's log.
    QCOMPARE(m_client
                 ->get(kLogs,
                       Credential::apiKey(m_sandbox.seedValue(QStringLiteral("read_only_api_key"))))
                 .status,
             200);
}

void TestContractAccessLogs::useEventSurvivesSigkill()
{
    const QJsonObject key = createKey(QStringLiteral("survivor"));
    const Credential cred = Credential::apiKey(key.value(QLatin1String("key")).toString());
    QCOMPARE(m_client->get(QStringLiteral("/models?limit=3"), cred).status, 200);
    m_sandbox.kill(); // right after the 200
    QVERIFY2(m_sandbox.restart(), qPrintable(m_sandbox.errorString()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
    const Reply r =
        m_client->get(kLogs + QStringLiteral("?event=api_key.used&key_id=") + idOf(key), m_admin);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.object().value(QLatin1String("events")).toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestContractAccessLogs)
#include "tst_contract_accesslogs.moc"
