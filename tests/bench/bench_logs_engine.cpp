// Benchmark of the Access Logs engine (issue 12), one JSON line on stdout:
//   decode_ingest_events_per_sec  JSON pages (1000 events each, generated in memory, shaped like
//                                 the sandbox's seeded log) parsed, decoded and ingested; only
//                                 that work is timed, not the generation
//   bytes_per_event_rss           resident memory (VmRSS) after minus before the ingest, per
//                                 event; bytes_per_event_table: the table's own count
//   queries                       per realistic query, p50/p95 from QueryEngine::run() to
//                                 resultReady on the main thread (the model is given each result)
//   p50_ms / p95_ms               over every run of every query
//   gui_max_stall_ms              the worst lateness of a 1 ms timer on the main thread while the
//                                 queries run and the "view" reads 40 visible rows per tick
//   proxy                         the same queries through a QSortFilterProxyModel over a
//                                 QStandardItemModel of `proxy_rows` rows (a million items per
//                                 column does not fit in reasonable time or memory), scaled
//                                 linearly to `events`, and the ratio proxy / engine (p50)
//   sandbox_load                  (with sandbox_events > 0) the end-to-end LogLoader load from a
//                                 seeded plexe-sandbox over TLS, with the main thread's worst stall
//   bench_logs_engine [events] [proxy_rows] [sandbox_events]
#include "ProcMemory.h"
#include "SandboxProcess.h"
#include "api/AccessLogDecoder.h"
#include "auth/SignInResult.h"
#include "logs/LogLoader.h"
#include "logs/LogStore.h"
#include "logs/LogTableModel.h"
#include "logs/QueryEngine.h"
#include "session/SessionManager.h"
#include "session/SessionStore.h"
#include "session/SystemClock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTimer>

#include <malloc.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>

using namespace plexe;

namespace {

constexpr qint64 kSpanSecs = 90 * 86400;
constexpr int kPage = 1000;
constexpr int kRuns = 20;

const char *const kEvents[] = {"api_key.used",      "api_key.rejected", "auth.login",
                               "auth.login_failed", "auth.refresh",     "auth.mfa",
                               "auth.oauth",        "auth.logout",      "auth.reauthenticate",
                               "api_key.created",   "api_key.updated",  "api_key.revoked"};
const int kWeights[] = {820, 40, 40, 45, 30, 6, 6, 5, 4, 2, 1, 1};
const char *const kAgents[] = {"PlexeConsole/0.1 (Linux; Qt 6.4)",
                               "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like "
                               "Gecko) Chrome/120.0 Safari/537.36",
                               "curl/7.88.1", "python-requests/2.31.0", "plexe-python/0.9.2"};
const char *const kIps[] = {"127.0.0.1",     "::1",         "10.0.4.12",   "10.0.4.31",
                            "192.168.1.20",  "172.16.3.9",  "100.64.12.7", "203.0.113.7",
                            "198.51.100.23", "203.0.113.99"};
const char *const kPaths[] = {"/models",
                              "/auth/user",
                              "/auth/api-keys",
                              "/models/churn-predictor",
                              "/models/fraud-detector/1/status",
                              "/auth/login",
                              "/oauth/token"};

struct Generator
{
    qint64 events;
    qint64 nowSecs;
    std::vector<int> kinds;

    explicit Generator(qint64 n) : events(n), nowSecs(QDateTime::currentSecsSinceEpoch())
    {
        for (int k = 0; k < 12; ++k)
            kinds.insert(kinds.end(), size_t(kWeights[k]), k);
    }

    // Page `p` (newest first) as the route's JSON, written by hand: generation is not timed,
    // but a million QJsonObjects would make the run long.
    QByteArray page(qint64 p) const
    {
        QByteArray out;
        out.reserve(kPage * 420);
        out += "{\"events\":[";
        const qint64 newest = events - p * kPage;
        const qint64 oldest = std::max<qint64>(1, newest - kPage + 1);
        char buf[1024];
        for (qint64 id = newest; id >= oldest; --id) {
            quint64 h = quint64(id) * 0x9e3779b97f4a7c15ULL;
            h ^= h >> 29;
            h *= 0xbf58476d1ce4e5b9ULL;
            h ^= h >> 32;
            const int kind = kinds[h % kinds.size()];
            const int roll = int((h >> 20) % 100);
            const bool usedKey = kind == 0 || kind == 1 || kind >= 9;
            const bool failure = kind == 1 || kind == 3 || (kind == 0 && roll >= 97);
            const qint64 ts = nowSecs - kSpanSecs + id * kSpanSecs / events;
            const QByteArray time =
                QDateTime::fromSecsSinceEpoch(ts, Qt::UTC).toString(Qt::ISODate).toLatin1();
            const int key = roll % 6;
            const char *ip = failure && roll < 70 ? kIps[7 + roll % 3] : kIps[roll % 7];
            const int n = std::snprintf(
                buf, sizeof buf,
                "%s{\"id\":%lld,\"timestamp\":\"%s\",\"event\":\"%s\",\"outcome\":\"%s\","
                "\"actor\":\"%s\",\"key_id\":%s%s%s,\"key_prefix\":%s%s%s,\"ip\":\"%s\","
                "\"user_agent\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,"
                "\"error_code\":%s%s%s}",
                id == newest ? "" : ",", id, time.constData(), kEvents[kind],
                failure ? "failure" : "success",
                roll % 10 == 0 ? "ops@example.com" : "demo@plexe.dev",
                usedKey ? "\"key_0000" : "null", usedKey ? QByteArray::number(key).constData() : "",
                usedKey ? "\"" : "", usedKey ? "\"plx_sk_" : "null",
                usedKey ? QByteArray::number(key * 1111).constData() : "", usedKey ? "\"" : "", ip,
                kAgents[roll % 5], roll % 4 ? "GET" : "POST", kPaths[roll % 7],
                failure ? (kind == 3 ? 401 : 404) : 200, failure ? "\"" : "null",
                failure ? (kind == 3 ? "invalid_credentials" : "not_found") : "",
                failure ? "\"" : "");
            out.append(buf, n);
        }
        out += "],\"next_cursor\":null}";
        return out;
    }
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = size_t(std::ceil(p * double(v.size()))) - 1;
    return v[std::min(i, v.size() - 1)];
}

QString num(double v)
{
    return QString::number(v, 'f', 2);
}

// The main thread's responsiveness: a 1 ms timer's worst lateness, and a "view" reading the
// visible rows of the model at each tick, as a table view painting would.
struct StallProbe
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 lastCpu = 0;
    double worstMs = 0;
    // The main thread's own CPU time during the worst gap: near the gap, it was busy with our
    // work; near zero, it was waiting (descheduled by other processes, or blocked).
    double worstCpuMs = 0;

    long lastInvoluntary = 0;
    long worstInvoluntary = 0; // preemptions of the main thread during the worst gap
    qint64 lastRunWait = 0;
    double worstRunWaitMs = 0; // time the main thread was runnable but not running in that gap

    // The scheduler's own count of how long this thread waited for a CPU while runnable.
    static qint64 runQueueWaitNs()
    {
        std::ifstream f("/proc/thread-self/schedstat");
        long long running = 0, waiting = 0;
        f >> running >> waiting;
        return waiting;
    }

    static long involuntarySwitches()
    {
        rusage u{};
        getrusage(RUSAGE_THREAD, &u);
        return u.ru_nivcsw;
    }

    static qint64 threadCpuNs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }
    LogTableModel *model = nullptr;
    int scroll = 0;

    explicit StallProbe(LogTableModel *m) : model(m)
    {
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(1);
        QObject::connect(&timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        worstMs = 0;
        worstCpuMs = 0;
        clock.start();
        last = clock.nsecsElapsed();
        lastCpu = threadCpuNs();
        lastInvoluntary = involuntarySwitches();
        lastRunWait = runQueueWaitNs();
        timer.start();
    }
    void stop() { timer.stop(); }
    void tick()
    {
        const qint64 now = clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        const long preempted = involuntarySwitches();
        const qint64 runWait = runQueueWaitNs();
        const double late = double(now - last) / 1e6 - 1.0;
        if (late > worstMs) {
            worstMs = late;
            worstCpuMs = double(cpu - lastCpu) / 1e6;
            worstInvoluntary = preempted - lastInvoluntary;
            worstRunWaitMs = double(runWait - lastRunWait) / 1e6;
        }
        if (model && model->rowCount() > 0) {
            scroll = (scroll + 37) % std::max(1, model->rowCount() - 40);
            for (int r = scroll; r < std::min(model->rowCount(), scroll + 40); ++r) {
                for (int c = 0; c < model->columnCount(); ++c)
                    model->data(model->index(r, c));
            }
        }
        last = clock.nsecsElapsed(); // the reading is the view's work, not lateness
        lastCpu = threadCpuNs();
        lastInvoluntary = involuntarySwitches();
        lastRunWait = runQueueWaitNs();
    }
};

struct NamedQuery
{
    const char *name;
    LogQuery query;
};

std::vector<NamedQuery> realisticQueries(qint64 nowSecs)
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(nowSecs, Qt::UTC);
    std::vector<NamedQuery> q(7);
    q[0].name = "text_fraud";
    q[0].query.text = QStringLiteral("fraud");
    q[1].name = "text_python_agent";
    q[1].query.text = QStringLiteral("Python");
    q[2].name = "ip";
    q[2].query.ip = QStringLiteral("203.0.113.7");
    q[3].name = "key";
    q[3].query.keyId = QStringLiteral("key_00003");
    q[4].name = "event_outcome_7d";
    q[4].query.events = {QStringLiteral("api_key.used")};
    q[4].query.outcome = LogQuery::Outcome::Failure;
    q[4].query.since = now.addDays(-7);
    q[4].query.until = now;
    q[5].name = "login_failed_ip_prefix_30d";
    q[5].query.events = {QStringLiteral("auth.login_failed"), QStringLiteral("api_key.rejected")};
    q[5].query.ip = QStringLiteral("203.0.113.*");
    q[5].query.since = now.addDays(-30);
    q[6].name = "all_sorted_by_ip";
    q[6].query.sortColumn = LogColumn::Ip;
    q[6].query.sortOrder = Qt::AscendingOrder;
    return q;
}

class PredicateProxy : public QSortFilterProxyModel
{
public:
    std::function<bool(int)> accept;
    void apply(std::function<bool(int)> fn)
    {
        accept = std::move(fn);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        return !accept || accept(row);
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 events = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const int proxyRows = argc > 2 ? QByteArray(argv[2]).toInt() : 100000;
    const qint64 sandboxEvents = argc > 3 ? QByteArray(argv[3]).toLongLong() : 0;
    QStringList json;

    // --- decode + ingest, and memory ---
    const Generator gen(events);
    auto store = std::make_unique<LogStore>();
    malloc_trim(0);
    const long rssBefore = bench::readProcMemory().rssKb;
    qint64 parseNs = 0, decodeNs = 0, appendNs = 0;
    for (qint64 p = 0; p * kPage < events; ++p) {
        const QByteArray bytes = gen.page(p);
        QElapsedTimer t;
        t.start();
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        parseNs += t.nsecsElapsed();
        t.start();
        AccessLogPage page;
        QString error;
        if (!AccessLogDecoder::page(doc, &page, &error)) {
            std::fprintf(stderr, "bench: page %lld: %s\n", p, qPrintable(error));
            return 1;
        }
        decodeNs += t.nsecsElapsed();
        t.start();
        store->ingest(page.events, store->epoch());
        appendNs += t.nsecsElapsed();
    }
    const qint64 ingestNs = parseNs + decodeNs + appendNs;
    malloc_trim(0);
    const long rssAfter = bench::readProcMemory().rssKb;
    const auto table = store->table();
    if (qint64(table->size()) != events) {
        std::fprintf(stderr, "bench: %u rows for %lld events\n", table->size(), events);
        return 1;
    }
    const double rate = double(events) / (double(ingestNs) / 1e9);
    json << QStringLiteral("\"events\":%1").arg(events)
         << QStringLiteral("\"decode_ingest_events_per_sec\":%1").arg(qint64(rate))
         << QStringLiteral("\"ingest_split_ms\":{\"json_parse\":%1,\"decode\":%2,\"append\":%3}")
                .arg(num(double(parseNs) / 1e6), num(double(decodeNs) / 1e6),
                     num(double(appendNs) / 1e6))
         << QStringLiteral("\"bytes_per_event_rss\":%1")
                .arg(num(double(rssAfter - rssBefore) * 1024.0 / double(events)))
         << QStringLiteral("\"bytes_per_event_table\":%1")
                .arg(num(double(table->memoryBytes()) / double(events)))
         << QStringLiteral("\"distinct_strings\":%1").arg(table->strings().count());

    // --- queries through the engine, with the main thread watched ---
    LogTableModel model(store.get());
    QueryEngine engine(store.get());
    StallProbe probe(&model);
    std::vector<NamedQuery> queries = realisticQueries(gen.nowSecs);
    std::vector<double> all;
    QStringList perQuery;
    std::vector<double> engineP50;
    // The main thread's lateness with nothing to do, on this machine at this moment: the floor
    // under gui_max_stall_ms (other processes share the cores).
    {
        probe.start();
        QEventLoop idle;
        QTimer::singleShot(1000, &idle, &QEventLoop::quit);
        idle.exec();
        probe.stop();
        json << QStringLiteral("\"gui_idle_max_stall_ms\":%1").arg(num(probe.worstMs));
    }
    probe.start();
    for (const NamedQuery &nq : queries) {
        std::vector<double> times;
        size_t matches = 0;
        for (int run = 0; run < kRuns; ++run) {
            QEventLoop loop;
            QElapsedTimer t;
            QMetaObject::Connection c = QObject::connect(
                &engine, &QueryEngine::resultReady, &loop, [&](const LogQueryResultPtr &r) {
                    times.push_back(double(t.nsecsElapsed()) / 1e6);
                    matches = r->rows.size();
                    model.setResult(r);
                    loop.quit();
                });
            LogQuery q = nq.query;
            t.start();
            engine.run(q);
            loop.exec();
            QObject::disconnect(c);
            model.clear();
        }
        all.insert(all.end(), times.begin(), times.end());
        engineP50.push_back(percentile(times, 0.5));
        perQuery << QStringLiteral("\"%1\":{\"p50_ms\":%2,\"p95_ms\":%3,\"rows\":%4}")
                        .arg(QLatin1String(nq.name), num(percentile(times, 0.5)),
                             num(percentile(times, 0.95)))
                        .arg(matches);
    }
    probe.stop();
    json
        << QStringLiteral("\"queries\":{%1}").arg(perQuery.join(QLatin1Char(',')))
        << QStringLiteral("\"p50_ms\":%1").arg(num(percentile(all, 0.5)))
        << QStringLiteral("\"p95_ms\":%1").arg(num(percentile(all, 0.95)))
        << QStringLiteral("\"gui_max_stall_ms\":%1").arg(num(probe.worstMs))
        << QStringLiteral("\"gui_max_stall_cpu_ms\":%1").arg(num(probe.worstCpuMs))
        << QStringLiteral("\"gui_max_stall_waiting_for_cpu_ms\":%1").arg(num(probe.worstRunWaitMs));

    // --- the same queries through QSortFilterProxyModel over QStandardItemModel ---
    {
        const int rows = int(std::min<qint64>(proxyRows, events));
        QStandardItemModel items(rows, int(LogColumn::Count));
        const auto order = table->timeOrder();
        std::vector<quint32> tableRows(order->begin(), order->begin() + rows);
        LogQueryResult slice;
        slice.table = table;
        slice.rows = tableRows;
        LogTableModel source(store.get());
        source.setUtc(true);
        source.setResult(std::make_shared<const LogQueryResult>(slice));
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < int(LogColumn::Count); ++c) {
                auto *item = new QStandardItem(source.data(source.index(r, c)).toString());
                item->setData(source.data(source.index(r, c), LogTableModel::SortRole),
                              Qt::UserRole + 1);
                items.setItem(r, c, item);
            }
        }
        PredicateProxy proxy;
        proxy.setSourceModel(&items);
        const auto text = [&items](int r, LogColumn c) {
            return items.item(r, int(c))->text();
        };
        const QString since7 = QDateTime::fromSecsSinceEpoch(gen.nowSecs, Qt::UTC)
                                   .addDays(-7)
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QString since30 = QDateTime::fromSecsSinceEpoch(gen.nowSecs, Qt::UTC)
                                    .addDays(-30)
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const std::vector<std::function<bool(int)>> predicates = {
            [&](int r) {
                for (int c = 0; c < int(LogColumn::Count); ++c)
                    if (text(r, LogColumn(c)).contains(QLatin1String("fraud"), Qt::CaseInsensitive))
                        return true;
                return false;
            },
            [&](int r) {
                for (int c = 0; c < int(LogColumn::Count); ++c)
                    if (text(r, LogColumn(c))
                            .contains(QLatin1String("python"), Qt::CaseInsensitive))
                        return true;
                return false;
            },
            [&](int r) { return text(r, LogColumn::Ip) == QLatin1String("203.0.113.7"); },
            [&](int r) { return text(r, LogColumn::Key) == QLatin1String("plx_sk_3333"); },
            [&](int r) {
                return text(r, LogColumn::Event) == QLatin1String("api_key.used") &&
                       text(r, LogColumn::Outcome) == QLatin1String("Failure") &&
                       text(r, LogColumn::Time) >= since7;
            },
            [&](int r) {
                const QString e = text(r, LogColumn::Event);
                return (e == QLatin1String("auth.login_failed") ||
                        e == QLatin1String("api_key.rejected")) &&
                       text(r, LogColumn::Ip).startsWith(QLatin1String("203.0.113.")) &&
                       text(r, LogColumn::Time) >= since30;
            },
            {}, // all, sorted by IP below
        };
        QStringList proxyTimes;
        std::vector<double> ratios;
        for (size_t i = 0; i < predicates.size(); ++i) {
            QElapsedTimer t;
            t.start();
            proxy.apply(predicates[i]);
            if (i == predicates.size() - 1)
                proxy.sort(int(LogColumn::Ip), Qt::AscendingOrder);
            proxy.rowCount();
            const double ms = double(t.nsecsElapsed()) / 1e6;
            const double scaled = ms * double(events) / double(rows);
            ratios.push_back(scaled / std::max(0.01, engineP50[i]));
            proxyTimes << QStringLiteral("\"%1\":{\"ms\":%2,\"scaled_ms\":%3,\"ratio\":%4}")
                              .arg(QLatin1String(queries[i].name), num(ms), num(scaled),
                                   num(ratios.back()));
            proxy.sort(-1);
        }
        json << QStringLiteral("\"proxy\":{\"proxy_rows\":%1,\"scaled_to\":%2,\"queries\":{%3},"
                               "\"median_ratio\":%4}")
                    .arg(rows)
                    .arg(events)
                    .arg(proxyTimes.join(QLatin1Char(',')), num(percentile(ratios, 0.5)));
    }

    // --- end-to-end from a seeded sandbox ---
    if (sandboxEvents > 0) {
        store.reset(); // the in-memory table's memory goes back first
        plexe::test::SandboxProcess sandbox;
        plexe::test::SandboxProcess::Options options;
        options.extraSeedArgs = {QStringLiteral("--log-events"), QString::number(sandboxEvents)};
        QElapsedTimer seedTimer;
        seedTimer.start();
        if (!sandbox.start(options)) {
            std::fprintf(stderr, "bench: sandbox: %s\n", qPrintable(sandbox.errorString()));
            return 1;
        }
        const double seedSecs = double(seedTimer.elapsed()) / 1000.0;
        ApiEndpoint ep;
        ep.baseUrl = sandbox.baseUrl();
        ep.extraCaFile = sandbox.caPath();
        ep.transferTimeoutMs = 60000;
        SessionStore sessionStore(QStringLiteral("plexe-bench-logs"));
        sessionStore.useMemoryOnly(QStringLiteral("benchmark"));
        SystemClock clock;
        SessionManager session(QStringLiteral("bench"), ep, &sessionStore, &clock);
        SignInResult result;
        result.kind = SignInResult::Kind::ApiKey;
        result.apiKey = sandbox.demoApiKey().toUtf8();
        result.authTime = clock.now();
        session.beginSession(result);
        LogStore loaded;
        LogTableModel loadedModel(&loaded);
        LogLoader loader(&session, &loaded);
        StallProbe loadProbe(&loadedModel);
        QEventLoop loop;
        bool ok = false;
        QString why;
        QObject::connect(&loader, &LogLoader::finished, &loop, [&](bool complete) {
            ok = complete;
            loop.quit();
        });
        QObject::connect(&loader, &LogLoader::failed, &loop, [&](const ApiError &e) {
            why = e.userMessage();
            loop.quit();
        });
        QObject::connect(&loader, &LogLoader::unsupported, &loop, [&](int status) {
            why = QStringLiteral("unsupported %1").arg(status);
            loop.quit();
        });
        // The first request also starts TLS (the system CA store, the handshake): its stall is
        // reported apart from the steady state of the load.
        double firstPageStall = -1;
        QObject::connect(&loader, &LogLoader::progress, &loop, [&](quint64 events, quint64) {
            if (events > 0 && firstPageStall < 0) {
                firstPageStall = loadProbe.worstMs;
                loadProbe.worstMs = 0;
            }
        });
        QElapsedTimer t;
        t.start();
        loadProbe.start();
        loader.start();
        loop.exec();
        loadProbe.stop();
        const double secs = double(t.nsecsElapsed()) / 1e9;
        if (!ok) {
            std::fprintf(stderr, "bench: sandbox load failed: %s\n", qPrintable(why));
            return 1;
        }
        json << QStringLiteral("\"sandbox_load\":{\"events\":%1,\"rows\":%2,\"seconds\":%3,"
                               "\"events_per_sec\":%4,\"pages\":%5,\"seed_seconds\":%6,"
                               "\"gui_max_stall_ms\":%7,\"gui_max_stall_cpu_ms\":%8,"
                               "\"gui_max_stall_preemptions\":%9,"
                               "\"gui_max_stall_waiting_for_cpu_ms\":%10,"
                               "\"gui_first_page_stall_ms\":%11}")
                    .arg(sandboxEvents)
                    .arg(loaded.size())
                    .arg(num(secs))
                    .arg(qint64(double(loaded.size()) / secs))
                    .arg(loader.pagesLoaded())
                    .arg(num(seedSecs), num(loadProbe.worstMs), num(loadProbe.worstCpuMs))
                    .arg(loadProbe.worstInvoluntary)
                    .arg(num(loadProbe.worstRunWaitMs), num(firstPageStall));
    } else {
        json << QStringLiteral("\"sandbox_load\":null");
    }

    std::printf("{\"bench\":\"logs_engine\",%s}\n", qPrintable(json.join(QLatin1Char(','))));
    return 0;
}
