// The Access Logs pane in the real window against a real sandbox seeded with a few thousand
// events: filters and search narrow the rows (checked against the rows' contents and against
// the server's own count), a chart click narrows the range, export writes the rows shown,
// "View activity" from a key arrives with the key preset, a live tail picks up a sign-in made by
// a second client, the end of the session empties the model (B17). And the fallback against a
// scripted server that answers 404 on the logs route.
#include "ConsoleFixture.h"
#include "ScriptedHttpServer.h"
#include "api/AccessLogDecoder.h"
#include "api/ApiClient.h"
#include "keys/ApiKeyTableModel.h"
#include "keys/ApiKeysPane.h"
#include "logs/AccessLogsPane.h"
#include "logs/ActivityChart.h"
#include "logs/LogFilterBar.h"
#include "logs/LogLoader.h"
#include "logs/LogStore.h"
#include "logs/LogTableModel.h"
#include "logs/LogsFallbackView.h"
#include "logs/RequestJournal.h"
#include "session/SessionPolicy.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>

using namespace plexe;
using namespace plexe::test;

namespace {

constexpr int kSeededEvents = 3000;
constexpr int kLogsPane = 1;

} // namespace

class TestAccessLogsPane : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> f;

    AccessLogsPane *pane() const { return f->window->accessLogsPane(); }
    LogTableModel *model() const { return pane()->model(); }
    QTableView *table() const { return f->find<QTableView>(QStringLiteral("logTable")); }

    QString cell(int row, LogColumn column) const
    {
        return model()->index(row, int(column)).data().toString();
    }

    void startSandboxAndSignIn()
    {
        SandboxProcess::Options options;
        options.extraSeedArgs = {QStringLiteral("--log-events"), QString::number(kSeededEvents)};
        QVERIFY(f->startSandbox(options));
        f->openWindow();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
    }

    // Opens the pane on every event the account has (all time), fully loaded.
    void openAllTime()
    {
        f->window->workspace()->setCurrentIndex(kLogsPane);
        QCOMPARE(f->window->workspace()->currentPane(), pane());
        f->find<QComboBox>(QStringLiteral("timeRangeCombo"))
            ->setCurrentIndex(int(LogFilterBar::Range::AllTime));
        waitLoaded();
        QVERIFY2(pane()->store()->size() >= kSeededEvents, qPrintable(countText()));
        // The wider range reloaded from the server; that is no "Stopped loading".
        QVERIFY2(!pane()->banner()->isShowing(), qPrintable(pane()->banner()->text()));
    }

    void waitLoaded(int minimumRows = 1)
    {
        // The load has ended and the shown result covers every loaded row: the query that the
        // end of the load starts answers a moment after the loader says it is done.
        QTRY_VERIFY_WITH_TIMEOUT(!pane()->isLoading() && model()->result() &&
                                     model()->rowCount() >= minimumRows &&
                                     model()->result()->query == pane()->currentQuery() &&
                                     model()->result()->scanned == pane()->store()->size(),
                                 30000);
    }

    // The shown result answers the filters now set (after the debounce and the query).
    void waitForQuery()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!pane()->isLoading() && model()->result() &&
                                     model()->result()->query == pane()->filterBar()->query() &&
                                     model()->result()->scanned == pane()->store()->size(),
                                 15000);
    }

    QString countText() const { return f->find<QLabel>(QStringLiteral("logCountLabel"))->text(); }

    // The server's own answer to the same filters, every page: an oracle independent of the
    // console's engine.
    int serverCount(const QList<std::pair<QString, QString>> &filters)
    {
        ApiClient *client = f->window->currentSession()->apiClient();
        int count = 0;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            ApiRequest request;
            request.path = QStringLiteral("/auth/access-logs");
            for (const auto &[name, value] : filters)
                request.query.addQueryItem(name, value);
            request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
            if (!cursor.isEmpty())
                request.query.addQueryItem(QStringLiteral("cursor"), cursor);
            ApiCall *call = client->send(request, ApiClient::decoderFor(&AccessLogDecoder::page));
            bool done = false;
            std::optional<AccessLogPage> answer;
            connect(call, &ApiCall::finished, this, [call, &done, &answer] {
                if (const AccessLogPage *p = call->result<AccessLogPage>())
                    answer = *p;
                done = true;
            });
            if (!QTest::qWaitFor([&] { return done; }, 15000) || !answer)
                return -1;
            count += int(answer->events.size());
            cursor = answer->nextCursor;
            if (cursor.isEmpty())
                return count;
        }
        return -1;
    }

    // A page of two events from ten minutes ago (ids 1 and 2), then `nextCursor`.
    static QByteArray logPage(const QString &nextCursor, int firstId = 1)
    {
        const QString when = QDateTime::currentDateTimeUtc().addSecs(-600).toString(Qt::ISODate);
        const auto event = [&when](int id, const QString &name, const QString &outcome,
                                   const QString &ip, int status) {
            return QJsonObject{{QStringLiteral("id"), QString::number(id)},
                               {QStringLiteral("timestamp"), when},
                               {QStringLiteral("event"), name},
                               {QStringLiteral("outcome"), outcome},
                               {QStringLiteral("actor"), QStringLiteral("owner@example.test")},
                               {QStringLiteral("key_id"), QJsonValue()},
                               {QStringLiteral("key_prefix"), QJsonValue()},
                               {QStringLiteral("ip"), ip},
                               {QStringLiteral("user_agent"), QStringLiteral("x")},
                               {QStringLiteral("method"), QStringLiteral("POST")},
                               {QStringLiteral("path"), QStringLiteral("/auth/login")},
                               {QStringLiteral("status"), status},
                               {QStringLiteral("error_code"), QJsonValue()}};
        };
        const QJsonArray events{event(firstId + 1, QStringLiteral("auth.login"),
                                      QStringLiteral("success"), QStringLiteral("127.0.0.1"), 200),
                                event(firstId, QStringLiteral("auth.login_failed"),
                                      QStringLiteral("failure"), QStringLiteral("203.0.113.7"),
                                      401)};
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("events"), events},
                               {QStringLiteral("next_cursor"),
                                nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}})
            .toJson(QJsonDocument::Compact);
    }

    // A profile on a scripted server, signed in with an API key (what works on api.plexe.ai).
    void signInWithKeyTo(
        const ScriptedHttpServer &server,
        const QByteArray &apiKey = "plx_sk_SCRIPTEDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        const QString &profileName = QStringLiteral("Scripted"))
    {
        f->signInWithApiKeyTo(server.origin(), apiKey, profileName);
    }

    // One password sign-in by another client; true when the server answered 200. A new
    // request each time: a sent password is wiped in place.
    bool signInAsSecondClient(ApiClient &client)
    {
        ApiRequest login;
        login.method = "POST";
        login.path = QStringLiteral("/auth/login");
        login.authenticated = false;
        login.sensitive = true;
        login.waitOnRateLimit = false;
        login.body =
            QJsonDocument(QJsonObject{{QStringLiteral("email"), f->sandbox.demoEmail()},
                                      {QStringLiteral("password"), f->sandbox.demoPassword()}})
                .toJson(QJsonDocument::Compact);
        ApiCall *call = client.send(login);
        int status = -1;
        QObject::connect(call, &ApiCall::finished, call,
                         [call, &status] { status = call->httpStatus(); });
        if (!QTest::qWaitFor([&] { return status >= 0; }, 10000))
            return false;
        if (status != 200)
            qWarning() << "the second client's sign-in answered" << status;
        return status == 200;
    }

private slots:
    void init() { f = std::make_unique<ConsoleFixture>(); }
    void cleanup() { f.reset(); }

    void accessibleNames()
    {
        startSandboxAndSignIn();
        const QStringList names{QStringLiteral("Search logs"),   QStringLiteral("Time range"),
                                QStringLiteral("Event types"),   QStringLiteral("Outcome"),
                                QStringLiteral("Key"),           QStringLiteral("Actor"),
                                QStringLiteral("IP address"),    QStringLiteral("Time zone"),
                                QStringLiteral("Live tail"),     QStringLiteral("Pause"),
                                QStringLiteral("Export"),        QStringLiteral("Stop loading"),
                                QStringLiteral("Activity chart")};
        for (const QString &name : names) {
            int found = 0;
            for (QWidget *w : pane()->findChildren<QWidget *>()) {
                if (w->accessibleName() == name) {
                    ++found;
                    QVERIFY2(!w->objectName().isEmpty(), qPrintable(name));
                }
            }
            QVERIFY2(found == 1, qPrintable(name));
        }
        // Tab follows the screen: from the title row into the filters, the chart, the table.
        const auto after = [this](const QString &name) {
            QWidget *w = pane()->findChild<QWidget *>(name)->nextInFocusChain();
            while (w && !(w->focusPolicy() & Qt::TabFocus))
                w = w->nextInFocusChain();
            return w ? w->objectName() : QString();
        };
        QCOMPARE(after(QStringLiteral("exportButton")), QStringLiteral("logSearchEdit"));
        QCOMPARE(after(QStringLiteral("clearFiltersButton")), QStringLiteral("activityChart"));
    }

    void filtersAndSearchNarrowTheRows()
    {
        startSandboxAndSignIn();
        openAllTime();
        const int all = model()->rowCount();
        QCOMPARE(quint32(all), pane()->store()->size());
        QVERIFY2(countText().contains(QLocale().toString(all)), qPrintable(countText()));

        // Outcome: only failures remain.
        f->find<QComboBox>(QStringLiteral("outcomeCombo"))->setCurrentIndex(2);
        waitForQuery();
        const int failures = model()->rowCount();
        QVERIFY(failures > 0 && failures < all);
        for (int row = 0; row < failures; ++row)
            QCOMPARE(model()->index(row, 0).data(LogTableModel::OutcomeRole).toString(),
                     QStringLiteral("failure"));
        QCOMPARE(failures, serverCount({{QStringLiteral("outcome"), QStringLiteral("failure")}}));

        // Plus an event type from the menu: the two combine.
        auto *menu = f->find<QMenu>(QStringLiteral("eventTypesMenu"));
        menu->findChild<QAction *>(QStringLiteral("eventType_auth.login_failed"))->trigger();
        waitForQuery();
        const int loginFailures = model()->rowCount();
        QVERIFY(loginFailures > 0 && loginFailures < failures);
        for (int row = 0; row < loginFailures; ++row)
            QCOMPARE(cell(row, LogColumn::Event), QStringLiteral("auth.login_failed"));
        QCOMPARE(loginFailures,
                 serverCount({{QStringLiteral("outcome"), QStringLiteral("failure")},
                              {QStringLiteral("event"), QStringLiteral("auth.login_failed")}}));
        QCOMPARE(f->find<QToolButton>(QStringLiteral("eventTypesButton"))->text(),
                 QStringLiteral("auth.login_failed"));

        // Plus an IP prefix, typed (debounced): a local filter, and the line says so.
        f->type(QStringLiteral("ipFilterEdit"), QStringLiteral("203.0.113.*"));
        waitForQuery();
        const int fromNoisy = model()->rowCount();
        QVERIFY(fromNoisy > 0 && fromNoisy <= loginFailures);
        for (int row = 0; row < fromNoisy; ++row)
            QVERIFY(cell(row, LogColumn::Ip).startsWith(QStringLiteral("203.0.113.")));
        QVERIFY(f->find<QLabel>(QStringLiteral("filterLocationLabel"))
                    ->text()
                    .contains(QStringLiteral("IP")));

        // Free text over everything else, from a clean slate: a path only a few events have.
        f->click(QStringLiteral("clearFiltersButton"));
        f->find<QComboBox>(QStringLiteral("timeRangeCombo"))
            ->setCurrentIndex(int(LogFilterBar::Range::AllTime));
        waitForQuery();
        QCOMPARE(model()->rowCount(), all);
        f->type(QStringLiteral("logSearchEdit"), QStringLiteral("fraud-detector"));
        waitForQuery();
        const int searched = model()->rowCount();
        QVERIFY(searched > 0 && searched < all);
        for (int row = 0; row < searched; ++row)
            QVERIFY2(cell(row, LogColumn::Request).contains(QStringLiteral("fraud-detector")),
                     qPrintable(cell(row, LogColumn::Request)));
        QCOMPARE(searched, serverCount({{QStringLiteral("q"), QStringLiteral("fraud-detector")}}));
        QVERIFY2(countText().startsWith(QLocale().toString(searched)), qPrintable(countText()));

        // Sorting by a column re-orders the same rows.
        table()->horizontalHeader()->setSortIndicator(int(LogColumn::Status), Qt::AscendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(model()->result()->query.sortColumn == LogColumn::Status, 10000);
        QCOMPARE(model()->rowCount(), searched);
        for (int row = 1; row < searched; ++row)
            QVERIFY(
                model()
                    ->index(row - 1, int(LogColumn::Status))
                    .data(LogTableModel::SortRole)
                    .toInt() <=
                model()->index(row, int(LogColumn::Status)).data(LogTableModel::SortRole).toInt());
    }

    void copyRowAndTimeZone()
    {
        startSandboxAndSignIn();
        openAllTime();
        table()->selectRow(1);
        auto *copy = table()->findChild<QAction *>(QStringLiteral("copyRowAction"));
        QVERIFY(copy);
        QCOMPARE(copy->shortcut(), QKeySequence(QKeySequence::Copy));
        copy->trigger();
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied, model()->rowText(1));
        QVERIFY(copied.contains(cell(1, LogColumn::Event)));
        QCOMPARE(copied.count(QLatin1Char('\t')), int(LogColumn::Count) - 1);

        // UTC: the zone is in the header, and the cells move with it.
        auto *zone = f->find<QComboBox>(QStringLiteral("timeZoneCombo"));
        zone->setCurrentIndex(1);
        QCOMPARE(model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Time (UTC)"));
        const QDateTime t = model()->index(0, 0).data(LogTableModel::TimestampRole).toDateTime();
        QCOMPARE(cell(0, LogColumn::Time),
                 t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QVERIFY(pane()->chart()->isUtc());
    }

    void chartClickNarrowsTheRange()
    {
        startSandboxAndSignIn();
        openAllTime();
        ActivityChart *chart = pane()->chart();
        QCOMPARE(chart->accessibleName(), QStringLiteral("Activity chart"));
        QVERIFY(chart->accessibleDescription().contains(QLocale().toString(model()->rowCount())));
        const ActivitySeries series = chart->series();
        int bar = -1;
        for (int i = 0; i < series.buckets.size(); ++i) {
            if (series.buckets[i].total() > 0 &&
                (bar < 0 || series.buckets[i].total() > series.buckets[bar].total()))
                bar = i;
        }
        QVERIFY(bar >= 0);
        const qint64 expected = series.buckets[bar].total();
        const QDateTime from = series.bucketStart(bar);
        const QDateTime until = series.bucketStart(bar + 1);
        QTest::mouseClick(chart, Qt::LeftButton, {}, chart->barRect(bar).center());
        QCOMPARE(pane()->filterBar()->range(), LogFilterBar::Range::Custom);
        waitForQuery();
        QCOMPARE(qint64(model()->rowCount()), expected);
        for (int row = 0; row < model()->rowCount(); ++row) {
            const QDateTime t =
                model()->index(row, 0).data(LogTableModel::TimestampRole).toDateTime();
            QVERIFY(t >= from && t < until);
        }
        // The chart follows: its bars now cover that one bucket.
        QCOMPARE(chart->series().from.isValid(), true);
        QVERIFY(chart->series().until() >= until);
    }

    void exportWritesTheRowsShown()
    {
        startSandboxAndSignIn();
        openAllTime();
        f->find<QComboBox>(QStringLiteral("outcomeCombo"))->setCurrentIndex(2);
        waitForQuery();
        const int shown = model()->rowCount();
        QVERIFY(shown > 0);
        QStringList ids;
        for (int row = 0; row < shown; ++row)
            ids << model()->index(row, 0).data(LogTableModel::EventIdRole).toString();

        // JSON Lines through the menu and the save dialog.
        const QString jsonl = f->dir.filePath(QStringLiteral("failures.jsonl"));
        f->find<QMenu>(QStringLiteral("exportMenu"))
            ->findChild<QAction *>(QStringLiteral("exportJsonLinesAction"))
            ->trigger();
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY(
            (dialog = pane()->findChild<QFileDialog *>(QStringLiteral("exportFileDialog"))));
        dialog->selectFile(jsonl);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
        QTRY_VERIFY_WITH_TIMEOUT(pane()->banner()->text().startsWith(QStringLiteral("Exported")),
                                 15000);
        QFile file(jsonl);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QStringList written;
        bool header = false;
        for (const QByteArray &line : lines) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(QStringLiteral("export"))) {
                header = true; // the filter and the zone
                QVERIFY(QJsonDocument(o).toJson().contains("failure"));
                continue;
            }
            written << o.value(QStringLiteral("id")).toString();
            QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("failure"));
        }
        QVERIFY(header);
        QCOMPARE(written, ids);

        // CSV straight to a path: one line per row after the comment lines and the header.
        const QString csv = f->dir.filePath(QStringLiteral("failures.csv"));
        pane()->exportTo(csv, LogExporter::Format::Csv);
        QTRY_VERIFY_WITH_TIMEOUT(pane()->banner()->text().contains(QStringLiteral("failures.csv")),
                                 15000);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        int dataLines = 0;
        bool sawHeader = false;
        for (const QByteArray &line : csvFile.readAll().split('\n')) {
            if (line.trimmed().isEmpty() || line.startsWith('#'))
                continue;
            if (!sawHeader) {
                sawHeader = true;
                continue;
            }
            ++dataLines;
            QVERIFY(line.contains(ids.at(dataLines - 1).toUtf8()));
        }
        QCOMPARE(dataLines, shown);
    }

    void viewActivityArrivesWithTheKey()
    {
        startSandboxAndSignIn();
        auto *keys = f->find<QTableView>(QStringLiteral("keyTable"));
        QTRY_VERIFY_WITH_TIMEOUT(keys->model()->rowCount() > 0, 10000);
        int demo = -1;
        for (int row = 0; row < keys->model()->rowCount(); ++row) {
            if (keys->model()->index(row, ApiKeyTableModel::Name).data().toString() ==
                QStringLiteral("Demo key"))
                demo = row;
        }
        QVERIFY(demo >= 0);
        keys->selectRow(demo);
        const QString keyId = f->window->apiKeysPane()->selectedKey()->keyId;
        f->click(QStringLiteral("viewActivityButton"));
        QCOMPARE(f->window->workspace()->currentPane(), pane());
        QCOMPARE(f->find<QLineEdit>(QStringLiteral("keyFilterEdit"))->text(), keyId);
        QCOMPARE(pane()->filterBar()->range(), LogFilterBar::Range::AllTime);
        waitLoaded();
        QCOMPARE(pane()->currentQuery().keyId, keyId);
        // The key went to the server with the load, and the line says so.
        QVERIFY(f->find<QLabel>(QStringLiteral("filterLocationLabel"))
                    ->text()
                    .contains(QStringLiteral("server")));
        QCOMPARE(model()->rowCount(), serverCount({{QStringLiteral("key_id"), keyId}}));
        QCOMPARE(quint32(model()->rowCount()), pane()->store()->size());
    }

    void liveTailPicksUpASecondClientsSignIn()
    {
        startSandboxAndSignIn();
        openAllTime();
        // Away from the top, so that the new row raises the badge instead of just showing.
        table()->verticalScrollBar()->setValue(40);
        const int before = model()->rowCount();
        f->click(QStringLiteral("liveTailButton"));
        QVERIFY(f->find<QToolButton>(QStringLiteral("pauseButton"))->isEnabled());

        // A second client signs in with the password: the server logs an auth.login.
        QNetworkAccessManager nam;
        ApiClient other(&nam);
        QVERIFY(other.setEndpoint(ApiEndpoint{f->sandbox.baseUrl(), f->sandbox.caPath()}));
        QVERIFY(signInAsSecondClient(other));

        // The tail polls every few seconds; the new event arrives above the rows being read.
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > before, 20000);
        auto *badge = f->find<QPushButton>(QStringLiteral("newEventsBadge"));
        QVERIFY(badge->isVisible());
        QVERIFY2(badge->text().endsWith(QStringLiteral(" new")), qPrintable(badge->text()));
        QTest::mouseClick(badge, Qt::LeftButton);
        QCOMPARE(table()->verticalScrollBar()->value(), 0);
        QVERIFY(!badge->isVisible());
        bool found = false;
        for (int row = 0; row < model()->rowCount() - before && !found; ++row)
            found = cell(row, LogColumn::Event) == QStringLiteral("auth.login") &&
                    cell(row, LogColumn::Actor) == f->sandbox.demoEmail();
        QVERIFY(found);

        // Hidden, it does not poll: another sign-in stays unseen until the pane shows again.
        f->window->workspace()->setCurrentIndex(0);
        const int hiddenRows = model()->rowCount();
        QVERIFY(signInAsSecondClient(other));
        QVERIFY(!QTest::qWaitFor([&] { return model()->rowCount() > hiddenRows; }, 7000));
        f->window->workspace()->setCurrentIndex(kLogsPane);
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > hiddenRows, 20000);
    }

    void refreshFetchesOnlyWhatIsNewAndKeepsTheRows()
    {
        // The log only grows: after a complete load, F5 asks for what is newer than the rows
        // held, and the rows stay in view meanwhile (a million rows are not fetched again).
        startSandboxAndSignIn();
        openAllTime();
        const quint64 held = pane()->store()->size();
        QVERIFY(held > quint64(LogLoader::kPageSize)); // a full reload would take several pages
        QNetworkAccessManager nam;
        ApiClient other(&nam);
        QVERIFY(other.setEndpoint(ApiEndpoint{f->sandbox.baseUrl(), f->sandbox.caPath()}));
        QVERIFY(signInAsSecondClient(other));
        QSignalSpy cleared(pane()->store(), &LogStore::cleared);
        QTest::keyClick(f->window.get(), Qt::Key_F5);
        QVERIFY(pane()->isLoading());
        waitLoaded();
        QVERIFY2(pane()->store()->size() > held, qPrintable(countText()));
        QCOMPARE(cleared.size(), 0);
        QCOMPARE(pane()->loader()->pagesLoaded(), 1);
        QCOMPARE(cell(0, LogColumn::Event), QStringLiteral("auth.login"));
        QVERIFY2(!pane()->banner()->isShowing(), qPrintable(pane()->banner()->text()));
    }

    void offlineRefreshKeepsTheRows()
    {
        startSandboxAndSignIn();
        openAllTime();
        const quint64 held = pane()->store()->size();
        const int rows = model()->rowCount();
        QVERIFY(f->refreshOffline(pane()->banner()));
        QCOMPARE(pane()->store()->size(), held);
        QCOMPARE(model()->rowCount(), rows);
        QVERIFY(f->find(QStringLiteral("logsRetryButton")));
    }

    void failedFirstLoadSaysSoInsteadOfLoading()
    {
        startSandboxAndSignIn();
        f->sandbox.kill();
        f->window->workspace()->setCurrentIndex(kLogsPane);
        QTRY_VERIFY_WITH_TIMEOUT(!pane()->isLoading() && pane()->banner()->isShowing(), 20000);
        QVERIFY(f->find(QStringLiteral("logsRetryButton")));
        auto *empty = f->find<QLabel>(QStringLiteral("logsEmptyLabel"));
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No events loaded: the access logs could not be "
                                               "loaded (see the message above)."));
    }

    void endOfSessionDropsEveryRow()
    {
        startSandboxAndSignIn();
        openAllTime();
        f->click(QStringLiteral("liveTailButton"));
        QVERIFY(model()->rowCount() > 0);
        f->window->currentSession()->signOut();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        QCOMPARE(model()->rowCount(), 0);
        QCOMPARE(pane()->store()->size(), 0u);
        QVERIFY(!pane()->isLoading());
        QVERIFY(!f->find<QToolButton>(QStringLiteral("liveTailButton"))->isChecked());
        QCOMPARE(pane()->chart()->series().buckets.size(), 0);
        QVERIFY(f->find<QLineEdit>(QStringLiteral("logSearchEdit"))->text().isEmpty());
    }

    // After an idle timeout the same account comes back to the same filters (the rows are
    // gone in between, B17, and load again).
    void idleTimeoutResumesTheFilters()
    {
        startSandboxAndSignIn();
        openAllTime();
        f->find<QComboBox>(QStringLiteral("outcomeCombo"))->setCurrentIndex(2);
        f->type(QStringLiteral("logSearchEdit"), QStringLiteral("203.0.113"));
        f->find<QComboBox>(QStringLiteral("timeZoneCombo"))->setCurrentIndex(1);
        waitForQuery();
        const int shown = model()->rowCount();
        QVERIFY(shown > 0);
        f->clock.advance(std::chrono::minutes(15) + std::chrono::seconds(1));
        f->window->currentSession()->policy()->tick();
        QCOMPARE(f->page(), QStringLiteral("signInPage"));
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(f->find<QLineEdit>(QStringLiteral("logSearchEdit"))->text().isEmpty());

        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
        QCOMPARE(f->window->workspace()->currentPane(), pane());
        QCOMPARE(f->find<QComboBox>(QStringLiteral("outcomeCombo"))->currentIndex(), 2);
        QCOMPARE(f->find<QLineEdit>(QStringLiteral("logSearchEdit"))->text(),
                 QStringLiteral("203.0.113"));
        QCOMPARE(pane()->filterBar()->range(), LogFilterBar::Range::AllTime);
        QCOMPARE(f->find<QComboBox>(QStringLiteral("timeZoneCombo"))->currentIndex(), 1);
        waitLoaded();
        QVERIFY(model()->rowCount() >= shown);
        for (int row = 0; row < model()->rowCount(); ++row)
            QCOMPARE(model()->index(row, 0).data(LogTableModel::OutcomeRole).toString(),
                     QStringLiteral("failure"));
    }

    // A 429 on the logs route: the banner counts down while the load waits, then says so with
    // Retry; Retry loads once the server answers.
    void rateLimitCountdownAndRetry()
    {
        bool limited = true;
        const QByteArray page = logPage(QString());
        ScriptedHttpServer server([&](int, const QByteArray &request) {
            const QByteArray line = request.left(request.indexOf('\r'));
            if (line.startsWith("GET /auth/user "))
                return ScriptedHttpServer::response(
                    200, R"({"user_id":"u1","email":"owner@example.test","name":"Owner"})");
            if (line.startsWith("GET /auth/api-keys"))
                return ScriptedHttpServer::response(200, R"({"keys":[]})");
            if (line.startsWith("GET /auth/access-logs") && limited)
                return ScriptedHttpServer::response(
                    429, R"({"error":{"code":"rate_limit_exceeded","message":"Slow down."}})",
                    "Retry-After: 1\r\n");
            if (line.startsWith("GET /auth/access-logs"))
                return ScriptedHttpServer::response(200, page);
            return ScriptedHttpServer::response(404, R"({"message":"Not Found"})");
        });
        signInWithKeyTo(server);
        f->window->workspace()->setCurrentIndex(kLogsPane);
        QTRY_VERIFY_WITH_TIMEOUT(pane()->banner()->isShowing() &&
                                     pane()->banner()->text().contains(QStringLiteral("slow down")),
                                 10000);
        // The wait ends, the second 429 fails the load: said, with Retry.
        QTRY_VERIFY_WITH_TIMEOUT(pane()->banner()->text().contains(QStringLiteral("too many")) ||
                                     pane()->banner()->text().contains(QStringLiteral("try again")),
                                 15000);
        QVERIFY(!pane()->isLoading());
        QCOMPARE(model()->rowCount(), 0);
        limited = false;
        f->click(QStringLiteral("logsRetryButton"));
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 2, 10000);
        QCOMPARE(cell(0, LogColumn::Actor), QStringLiteral("owner@example.test"));
        QVERIFY(!pane()->banner()->isShowing());
    }

    // Stop loading: the second page never comes; Stop keeps the first page's rows and says the
    // list is incomplete, with Load all.
    void stopLoadingKeepsWhatCame()
    {
        ScriptedHttpServer server([&](int, const QByteArray &request) {
            const QByteArray line = request.left(request.indexOf('\r'));
            if (line.startsWith("GET /auth/user "))
                return ScriptedHttpServer::response(
                    200, R"({"user_id":"u1","email":"owner@example.test","name":"Owner"})");
            if (line.startsWith("GET /auth/api-keys"))
                return ScriptedHttpServer::response(200, R"({"keys":[]})");
            if (line.startsWith("GET /auth/access-logs") && line.contains("cursor="))
                return QByteArray(); // stalls
            if (line.startsWith("GET /auth/access-logs"))
                return ScriptedHttpServer::response(200, logPage(QStringLiteral("more"), 10));
            return ScriptedHttpServer::response(404, R"({"message":"Not Found"})");
        });
        signInWithKeyTo(server);
        f->window->workspace()->setCurrentIndex(kLogsPane);
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 2, 10000);
        QVERIFY(pane()->isLoading());
        auto *stop = f->find<QPushButton>(QStringLiteral("stopLoadingButton"));
        QVERIFY(stop->isVisible());
        QCOMPARE(stop->accessibleName(), QStringLiteral("Stop loading"));
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!pane()->isLoading());
        QVERIFY(!stop->isVisible());
        QVERIFY2(pane()->banner()->text().startsWith(QStringLiteral("Stopped loading")),
                 qPrintable(pane()->banner()->text()));
        QVERIFY(f->find<QPushButton>(QStringLiteral("logsLoadAllButton")));
        QCOMPARE(model()->rowCount(), 2);
        QVERIFY2(countText().startsWith(QStringLiteral("2 of 2")), qPrintable(countText()));
    }

    // The real api.plexe.ai has no access-log route: a server answering it 404.
    void fallbackWithoutALogApi()
    {
        const QByteArray apiKey = "plx_sk_FALLBACKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        const QByteArray key =
            R"({"key_id":"key_one","name":"ci-deploy","key_prefix":"plx_sk_FALL","key_suffix":"aaaa",)"
            R"("permission_level":"read_write","created_at":"2026-01-02T03:04:05Z","expires_at":null,)"
            R"("last_used_at":"2026-11-01T10:00:00Z","status":"active","created_by":"u1")";
        ScriptedHttpServer server([&](int, const QByteArray &request) {
            const QByteArray line = request.left(request.indexOf('\r'));
            if (line.startsWith("GET /auth/user "))
                return ScriptedHttpServer::response(
                    200, R"({"user_id":"u1","email":"owner@example.test","name":"Owner"})");
            if (line.startsWith("GET /auth/api-keys/key_one"))
                return ScriptedHttpServer::response(
                    200, key + R"(,"usage_stats":{"requests_last_24h":130,"requests_last_7d":912,)"
                               R"("requests_last_30d":4310}})");
            if (line.startsWith("GET /auth/api-keys"))
                return ScriptedHttpServer::response(
                    200,
                    R"({"keys":[)" + key +
                        R"(}],"pagination":{"total":1,"limit":100,"offset":0,"has_more":false}})");
            return ScriptedHttpServer::response(404, R"({"message":"Not Found"})");
        });
        const QString profileName = QStringLiteral("No log API");
        signInWithKeyTo(server, apiKey, profileName);

        f->window->workspace()->setCurrentIndex(kLogsPane);
        QTRY_VERIFY_WITH_TIMEOUT(pane()->isShowingFallback(), 10000);
        auto *explanation = f->find<QLabel>(QStringLiteral("fallbackExplanation"));
        QVERIFY(explanation->isVisible());
        QVERIFY2(explanation->text().contains(QStringLiteral("does not offer access logs")) &&
                     explanation->text().contains(QStringLiteral("404")),
                 qPrintable(explanation->text()));
        // The filters, the tail and export have nothing to work on here.
        QVERIFY(!f->find<QToolButton>(QStringLiteral("liveTailButton"))->isVisible());
        QVERIFY(!f->find<QLineEdit>(QStringLiteral("logSearchEdit"))->isVisible());

        // Each key's last use and usage counts.
        QTableView *keys = pane()->fallbackView()->keyTable();
        QTRY_COMPARE_WITH_TIMEOUT(keys->model()->index(0, 4).data().toString(),
                                  QLocale().toString(130), 10000);
        QCOMPARE(keys->model()->index(0, 0).data().toString(), QStringLiteral("ci-deploy"));
        QCOMPARE(keys->model()->index(0, 1).data().toString(), QStringLiteral("plx_sk_FALL…aaaa"));
        QCOMPARE(keys->model()->index(0, 6).data().toString(), QLocale().toString(4310));

        // The console's own journal of this profile's requests, with the refused logs route.
        QTableView *journal = pane()->fallbackView()->journalTable();
        const auto journalHas = [journal](const QString &path, const QString &status) {
            for (int row = 0; row < journal->model()->rowCount(); ++row) {
                if (journal->model()->index(row, 2).data().toString().startsWith(path) &&
                    journal->model()->index(row, 3).data().toString() == status)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            journalHas(QStringLiteral("/auth/api-keys/key_one"), QStringLiteral("200")), 10000);
        QVERIFY(journalHas(QStringLiteral("/auth/access-logs"), QStringLiteral("404")));
        QVERIFY(journalHas(QStringLiteral("/auth/user"), QStringLiteral("200")));
        // Kept under the profile's id (issue 21 item 5), not its name.
        const QString path = RequestJournal::pathForProfile(f->profiles.find(profileName)->id);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(!bytes.contains(apiKey));
        QVERIFY(!bytes.contains(apiKey.mid(7)));

        // Clear journal empties the table and the file.
        f->click(QStringLiteral("clearJournalButton"));
        QCOMPARE(journal->model()->rowCount(), 0);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestAccessLogsPane)
#include "tst_accesslogspane.moc"
