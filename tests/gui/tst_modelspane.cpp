// The Models pane in the real window against a real sandbox seeded with more models than one
// page: every page arrives, sort and filter (both status vocabularies alike), search by name and
// intent, details with schemas, metrics and tags, the sample call holds no key (checked against
// the session's own token and every demo key), Copy goes to the clipboard, the selection stays
// across a refresh, a building model settles in place (seed --build-seconds and the server's
// clock offset) without polling while hidden or counting as user activity, offline keeps the
// list, and an account without models says how models are made.
#include "ConsoleFixture.h"
#include "api/ApiClient.h"
#include "models/ModelDetailsPanel.h"
#include "models/ModelStatusPoller.h"
#include "models/ModelTableModel.h"
#include "models/ModelsPane.h"
#include "session/SessionPolicy.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {
constexpr int kModels = 230; // three pages of 100
constexpr int kBuildSeconds = 3600;
} // namespace

class TestModelsPane : public QObject
{
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> f;

    ModelsPane *pane() const { return f->window->findChild<ModelsPane *>(); }
    QTableView *table() const { return f->find<QTableView>(QStringLiteral("modelTable")); }
    QAbstractItemModel *shown() const { return table()->model(); }
    QString count() const { return f->find<QLabel>(QStringLiteral("modelCountLabel"))->text(); }
    QString offsetFile() const { return f->dir.filePath(QStringLiteral("clock-offset")); }

    bool setServerClock(qint64 seconds) const
    {
        QFile file(offsetFile());
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(QByteArray::number(seconds)) > 0;
    }

    void start(int models = kModels)
    {
        QVERIFY(setServerClock(0));
        SandboxProcess::Options options;
        options.models = models;
        options.extraSeedArgs = {QStringLiteral("--build-seconds"), QString::number(kBuildSeconds)};
        options.extraServeArgs = {QStringLiteral("--clock-offset-file"), offsetFile()};
        QVERIFY(f->startSandbox(options));
        f->openWindow();
        QVERIFY(f->waitForPage(QStringLiteral("signInPage")));
        f->signInWithPassword(f->sandbox.demoEmail(), f->sandbox.demoPassword());
        QVERIFY2(f->waitForPage(QStringLiteral("workspace")), qPrintable(f->signInMessage()));
        QTest::keyClick(f->window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(f->window->workspace()->currentPane(), pane());
        QTRY_VERIFY_WITH_TIMEOUT(count().endsWith(QStringLiteral("models")) ||
                                     count() == QStringLiteral("1 model"),
                                 15000);
    }

    int rowOf(const QString &modelName) const
    {
        for (int row = 0; row < shown()->rowCount(); ++row) {
            if (shown()->index(row, 0).data(ModelTableModel::ModelNameRole).toString() == modelName)
                return row;
        }
        return -1;
    }

    QString cell(int row, int column) const
    {
        return shown()->index(row, column).data().toString();
    }

    void select(const QString &modelName)
    {
        const int row = rowOf(modelName);
        QVERIFY2(row >= 0, qPrintable(modelName));
        table()->selectRow(row);
        QCOMPARE(pane()->selectedModel()->modelName, modelName);
    }

    QStringList tableRows(const QString &name) const
    {
        auto *t = f->find<QTableWidget>(name);
        QStringList out;
        for (int row = 0; t && row < t->rowCount(); ++row)
            out << t->item(row, 0)->text() + QLatin1Char('=') + t->item(row, 1)->text();
        return out;
    }

    QString label(const QString &name) const { return f->find<QLabel>(name)->text(); }

    // The details of the selected model have arrived (the description is the last to fill).
    bool detailsLoaded() const
    {
        const QString d = label(QStringLiteral("modelDescriptionValue"));
        return !d.isEmpty() && d != QStringLiteral("Loading…");
    }

private slots:
    void init() { f = std::make_unique<ConsoleFixture>(); }
    void cleanup() { f.reset(); }

    void everyPageArrivesWithAccessibleControls()
    {
        start();
        QCOMPARE(count(), QStringLiteral("230 models"));
        QCOMPARE(shown()->rowCount(), kModels);
        // The last page's models are there (names repeat per round: churn-predictor-20 is #228).
        QVERIFY(rowOf(QStringLiteral("churn-predictor")) >= 0);
        QVERIFY(rowOf(QStringLiteral("churn-predictor-20")) >= 0);
        const QHash<QString, QString> names = {
            {QStringLiteral("modelSearchEdit"), QStringLiteral("Search models")},
            {QStringLiteral("modelStatusCombo"), QStringLiteral("Status filter")},
            {QStringLiteral("modelRefreshButton"), QStringLiteral("Refresh")},
            {QStringLiteral("copyEndpointButton"), QStringLiteral("Copy endpoint")},
            {QStringLiteral("copySampleButton"), QStringLiteral("Copy sample call")}};
        for (auto it = names.begin(); it != names.end(); ++it)
            QCOMPARE(f->find(it.key())->accessibleName(), it.value());
        // The display name is server text: markup stays text.
        QCOMPARE(cell(rowOf(QStringLiteral("anomaly-detector")), ModelTableModel::Name),
                 QStringLiteral("Anomaly <b>Detector</b>"));
    }

    void sortFilterAndSearch()
    {
        start();
        // Sort by name: click the header, then again for descending.
        QHeaderView *header = table()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(ModelTableModel::Name) + 5, 5));
        const Qt::SortOrder order = header->sortIndicatorOrder();
        QStringList names;
        for (int row = 0; row < shown()->rowCount(); ++row)
            names << cell(row, ModelTableModel::Name);
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        if (order == Qt::DescendingOrder)
            std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(names.first(), sorted.first());
        QCOMPARE(names.last(), sorted.last());

        // Both vocabularies under one filter: BUILDING, building, processing and pending.
        auto *combo = f->find<QComboBox>(QStringLiteral("modelStatusCombo"));
        combo->setCurrentIndex(combo->findText(QStringLiteral("Building")));
        QVERIFY(shown()->rowCount() > 0);
        QSet<QString> raw;
        for (int row = 0; row < shown()->rowCount(); ++row) {
            QVERIFY2(cell(row, ModelTableModel::Status).startsWith(QStringLiteral("Building")),
                     qPrintable(cell(row, ModelTableModel::Status)));
            raw << shown()->index(row, ModelTableModel::Status).data(Qt::ToolTipRole).toString();
        }
        QCOMPARE(raw, (QSet<QString>{QStringLiteral("BUILDING"), QStringLiteral("building"),
                                     QStringLiteral("processing"), QStringLiteral("pending")}));
        QCOMPARE(count(), QStringLiteral("%1 of 230 models").arg(shown()->rowCount()));
        combo->setCurrentIndex(combo->findText(QStringLiteral("Ready")));
        for (int row = 0; row < shown()->rowCount(); ++row)
            QCOMPARE(cell(row, ModelTableModel::Status), QStringLiteral("Ready"));

        // Search by intent (not in the name), with Ctrl+F from the window.
        combo->setCurrentIndex(combo->findText(QStringLiteral("All")));
        QTest::keyClick(f->window.get(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), f->find(QStringLiteral("modelSearchEdit")));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("FRAUDULENT"));
        QVERIFY(shown()->rowCount() > 0);
        for (int row = 0; row < shown()->rowCount(); ++row)
            QVERIFY(cell(row, ModelTableModel::Name).startsWith(QStringLiteral("Fraud Detector")));
    }

    void detailsWithSchemasAndCopy()
    {
        start();
        select(QStringLiteral("churn-predictor"));
        QTRY_VERIFY_WITH_TIMEOUT(detailsLoaded(), 5000);
        QCOMPARE(tableRows(QStringLiteral("modelInputSchemaTable")),
                 (QStringList{QStringLiteral("contract_type=str"),
                              QStringLiteral("monthly_charges=float"),
                              QStringLiteral("tenure_months=int")}));
        QCOMPARE(
            tableRows(QStringLiteral("modelOutputSchemaTable")),
            (QStringList{QStringLiteral("probability=float"), QStringLiteral("will_churn=bool")}));
        QVERIFY(tableRows(QStringLiteral("modelMetricsTable"))
                    .first()
                    .startsWith(QStringLiteral("accuracy=0.")));
        QCOMPARE(label(QStringLiteral("modelTagsValue")),
                 QStringLiteral("customers, classification"));
        QCOMPARE(label(QStringLiteral("modelCreatedByValue")), f->sandbox.demoEmail());
        QVERIFY(label(QStringLiteral("modelIntentValue")).startsWith(QStringLiteral("Predict")));
        QVERIFY(label(QStringLiteral("modelDatasetValue")).startsWith(QStringLiteral("ds_")));
        const QString endpoint = f->find<QLineEdit>(QStringLiteral("modelEndpointValue"))->text();
        QVERIFY(endpoint.endsWith(QStringLiteral("/models/churn-predictor/1/predict")));
        f->click(QStringLiteral("copyEndpointButton"));
        QCOMPARE(QGuiApplication::clipboard()->text(), endpoint);
        // A draft has no endpoint yet, and this one no dataset: "—", and nothing to copy.
        select(QStringLiteral("sentiment-classifier"));
        QTRY_VERIFY_WITH_TIMEOUT(detailsLoaded(), 5000);
        QCOMPARE(label(QStringLiteral("modelDatasetValue")), QStringLiteral("—"));
        QCOMPARE(f->find<QLineEdit>(QStringLiteral("modelEndpointValue"))->text(),
                 QStringLiteral("—"));
        QVERIFY(!f->find(QStringLiteral("copyEndpointButton"))->isEnabled());
        QVERIFY(!f->find(QStringLiteral("copySampleButton"))->isEnabled());
    }

    void sampleCallHoldsNoKey()
    {
        start();
        select(QStringLiteral("demand-forecast")); // `completed`, with an endpoint
        QTRY_VERIFY_WITH_TIMEOUT(detailsLoaded(), 5000);
        const QString curl =
            f->find<QPlainTextEdit>(QStringLiteral("modelCurlEdit"))->toPlainText();
        const QString python =
            f->find<QPlainTextEdit>(QStringLiteral("modelPythonEdit"))->toPlainText();
        QVERIFY(curl.contains(QStringLiteral("x-api-key: $PLEXE_API_KEY")));
        QVERIFY(curl.contains(QStringLiteral("\"store_id\": \"\"")));
        QVERIFY(python.contains(QStringLiteral("os.environ[\"PLEXE_API_KEY\"]")));
        f->click(QStringLiteral("copySampleButton"));
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied, curl);
        auto *tabs = f->find<QTabWidget>(QStringLiteral("modelSampleTabs"));
        tabs->setCurrentIndex(1);
        f->click(QStringLiteral("copySampleButton"));
        QCOMPARE(QGuiApplication::clipboard()->text(), python);
        // The very text holds none of the session's secrets nor any key of the account.
        const QByteArray token = f->window->currentSession()->apiClient()->credential().secret();
        QVERIFY(token.size() > 16);
        QStringList secrets = {QString::fromLatin1(token)};
        for (const char *name :
             {"api_key", "read_only_api_key", "revoked_api_key", "expired_api_key", "password"})
            secrets << f->sandbox.seedValue(QString::fromLatin1(name));
        for (const QString &secret : std::as_const(secrets)) {
            QVERIFY(!secret.isEmpty());
            for (const QString &text : {curl, python, copied})
                QVERIFY2(!text.contains(secret), "a secret reached the sample call");
        }
        QVERIFY(!QString(curl + python).contains(QStringLiteral("plx_sk_")));
    }

    void selectionKeptAcrossRefresh()
    {
        start();
        select(QStringLiteral("price-optimizer-3"));
        QSignalSpy reset(table()->model(), &QAbstractItemModel::modelReset);
        QTest::keyClick(f->window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(reset.size() >= 1 && count() == QStringLiteral("230 models"),
                                 10000);
        QCOMPARE(pane()->selectedModel()->modelName, QStringLiteral("price-optimizer-3"));
        QTRY_VERIFY_WITH_TIMEOUT(detailsLoaded(), 5000);
        QVERIFY(
            label(QStringLiteral("modelNameValue")).contains(QStringLiteral("price-optimizer-3")));
    }

    void buildingModelSettlesInPlace()
    {
        start(12);
        ModelStatusPoller *poller = pane()->poller();
        // Short delays for the test; the list is loaded again so they apply from the start.
        poller->setBackoff({50ms, 2.0, 400ms});
        poller->clear();
        QTest::keyClick(f->window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(
            poller->isFollowing(QStringLiteral("fraud-detector"), QStringLiteral("2")), 10000);
        QCOMPARE(poller->followedCount(), 5); // every building model of the 12, nothing else
        select(QStringLiteral("fraud-detector"));
        const int row = rowOf(QStringLiteral("fraud-detector"));
        // The status route's build_progress shows in the row.
        QTRY_VERIFY_WITH_TIMEOUT(cell(row, ModelTableModel::Status).contains(u'%'), 5000);

        // Hidden: nothing is asked.
        QTest::keyClick(f->window.get(), Qt::Key_1, Qt::ControlModifier);
        QVERIFY(!poller->isActive());
        QVERIFY(!poller->isScheduled());
        QTest::keyClick(f->window.get(), Qt::Key_3, Qt::ControlModifier);
        QVERIFY(poller->isActive());

        // From here on no input: polling must not count as user activity (B16).
        f->clock.advance(2min);
        const QDateTime idleDeadline = f->window->currentSession()->policy()->idleDeadline();
        const int sent = poller->requestsSent();
        QSignalSpy reset(table()->model(), &QAbstractItemModel::modelReset);
        QVERIFY(setServerClock(kBuildSeconds + 1));
        QTRY_COMPARE_WITH_TIMEOUT(cell(row, ModelTableModel::Status), QStringLiteral("Ready"),
                                  5000);
        QCOMPARE(rowOf(QStringLiteral("fraud-detector")), row); // in place
        QCOMPARE(reset.size(), 0);
        QCOMPARE(pane()->selectedModel()->modelName, QStringLiteral("fraud-detector"));
        QCOMPARE(cell(row, ModelTableModel::Deployment), QStringLiteral("Deployed"));
        QVERIFY(!poller->isFollowing(QStringLiteral("fraud-detector"), QStringLiteral("2")));
        QVERIFY(poller->requestsSent() > sent);
        // The details follow: the settled model has an endpoint now.
        QTRY_VERIFY_WITH_TIMEOUT(f->find<QLineEdit>(QStringLiteral("modelEndpointValue"))
                                     ->text()
                                     .endsWith(QStringLiteral("/fraud-detector/2/predict")),
                                 5000);
        QCOMPARE(f->window->currentSession()->policy()->idleDeadline(), idleDeadline);
        // Every build settles and the poller stops.
        QTRY_COMPARE_WITH_TIMEOUT(poller->followedCount(), 0, 5000);
        QVERIFY(!poller->isScheduled());
    }

    void offlineKeepsTheList()
    {
        start(12);
        QVERIFY(f->refreshOffline(pane()->banner()));
        QCOMPARE(shown()->rowCount(), 12);
        QCOMPARE(count(), QStringLiteral("12 models"));
        QVERIFY(f->find(QStringLiteral("modelsRetryButton")));
    }

    void emptyAccountSaysHowModelsAreMade()
    {
        start(0);
        QCOMPARE(f->find<QLabel>(QStringLiteral("modelEmptyTitle"))->text(),
                 QStringLiteral("No models yet"));
        QVERIFY(f->find<QLabel>(QStringLiteral("modelEmptyLabel"))
                    ->text()
                    .contains(QStringLiteral("Plexe builds it")));
        QVERIFY(f->find(QStringLiteral("modelEmptyPage"))->isVisible());
    }
};

QTEST_MAIN(TestModelsPane)
#include "tst_modelspane.moc"
