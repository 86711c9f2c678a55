// The Models pane against tests/support/RealApiModelsServer: answers the real API's docs allow
// but the sandbox never gives. A bare array with lower-case statuses and no pagination is the
// whole list, shown in the one display set; the gateway's {"message"} 403 for the status route
// stops the polling quietly; a 401 {"message": "Unauthorized"} ends the API-key session; a 429
// whose Retry-After is an HTTP date counts down to that date.
#include "RealApiModelsServer.h"
#include "api/ApiClient.h"
#include "auth/SignInResult.h"
#include "common/MessageWidget.h"
#include "models/ModelStatusPoller.h"
#include "models/ModelTableModel.h"
#include "models/ModelsPane.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SessionStore.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {
const QByteArray kKey = "plx_sk_REALapiDIALECTkeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
}

class TestModelsPaneRealApi : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    SessionStore m_store;
    std::unique_ptr<RealApiModelsServer> m_server;
    std::unique_ptr<SessionManager> m_session;
    std::unique_ptr<ModelsPane> m_pane;

    template <typename T = QWidget> T *find(const QString &name) const
    {
        return m_pane->findChild<T *>(name);
    }
    QAbstractItemModel *shown() const
    {
        return find<QTableView>(QStringLiteral("modelTable"))->model();
    }
    QString count() const { return find<QLabel>(QStringLiteral("modelCountLabel"))->text(); }

    QString statusOf(const QString &modelName) const
    {
        for (int row = 0; row < shown()->rowCount(); ++row) {
            const QModelIndex index = shown()->index(row, ModelTableModel::Status);
            if (index.data(ModelTableModel::ModelNameRole).toString() == modelName)
                return index.data().toString();
        }
        return QStringLiteral("(missing)");
    }

    void open(RealApiModelsServer::ListAnswer list)
    {
        // The 429 test's HTTP date is real time; the pane counts down on this clock.
        m_clock.set(QDateTime::currentDateTimeUtc());
        m_server = std::make_unique<RealApiModelsServer>();
        m_server->setListAnswer(list);
        ApiEndpoint ep;
        ep.baseUrl = QUrl(m_server->origin());
        m_session =
            std::make_unique<SessionManager>(QStringLiteral("real-api"), ep, &m_store, &m_clock);
        ApiClient::RetryPolicy policy;
        policy.timeScale = 0.01; // the client's own waits; deadlines it reports stay real
        m_session->apiClient()->setRetryPolicy(policy);
        SignInResult r;
        r.kind = SignInResult::Kind::ApiKey;
        r.apiKey = kKey;
        r.apiKey.detach();
        m_session->beginSession(r);
        QVERIFY(m_session->isSignedIn());
        m_pane = std::make_unique<ModelsPane>(&m_clock);
        m_pane->poller()->setBackoff({20ms, 2.0, 200ms});
        m_pane->resize(1000, 700);
        m_pane->show();
        m_pane->activateSession({m_session.get(), QStringLiteral("Real API"), User()});
    }

private slots:
    void initTestCase() { m_store.useMemoryOnly(QStringLiteral("gui test")); }

    void cleanup()
    {
        m_pane.reset();
        m_session.reset();
        m_server.reset();
    }

    void bareArrayLowerCaseNoPagination()
    {
        open(RealApiModelsServer::ListAnswer::BareArray);
        QTRY_COMPARE_WITH_TIMEOUT(count(), QStringLiteral("5 models"), 5000);
        QCOMPARE(m_server->requestsFor("/models?"), 1); // no pagination: no second page asked
        QCOMPARE(statusOf(QStringLiteral("churn")), QStringLiteral("Ready"));
        QCOMPARE(statusOf(QStringLiteral("fraud")), QStringLiteral("Building"));
        QCOMPARE(statusOf(QStringLiteral("credit")), QStringLiteral("Failed"));
        QCOMPARE(statusOf(QStringLiteral("queued")), QStringLiteral("Building"));
        QCOMPARE(statusOf(QStringLiteral("old")), QStringLiteral("archived"));
        auto *combo = find<QComboBox>(QStringLiteral("modelStatusCombo"));
        combo->setCurrentIndex(combo->findText(QStringLiteral("Building")));
        QCOMPARE(shown()->rowCount(), 2);
        QCOMPARE(count(), QStringLiteral("2 of 5 models"));
    }

    void gatewayForbiddenStatusRouteStopsPollingQuietly()
    {
        open(RealApiModelsServer::ListAnswer::BareArray);
        QTRY_COMPARE_WITH_TIMEOUT(count(), QStringLiteral("5 models"), 5000);
        ModelStatusPoller *poller = m_pane->poller();
        // fraud (processing) and queued (pending) are asked once each, then no more; the
        // settled ones never.
        QTRY_COMPARE_WITH_TIMEOUT(poller->followedCount(), 0, 5000);
        QVERIFY(!poller->isScheduled());
        QCOMPARE(m_server->requestsFor("/models/fraud/2/status"), 1);
        QCOMPARE(m_server->requestsFor("/models/queued/1/status"), 1);
        QCOMPARE(poller->requestsSent(), 2);
        QVERIFY(!m_pane->banner()->isShowing());
        QCOMPARE(statusOf(QStringLiteral("fraud")), QStringLiteral("Building"));
    }

    void detailsAndSampleFromTheRealShape()
    {
        open(RealApiModelsServer::ListAnswer::BareArray);
        QTRY_COMPARE_WITH_TIMEOUT(count(), QStringLiteral("5 models"), 5000);
        auto *table = find<QTableView>(QStringLiteral("modelTable"));
        for (int row = 0; row < shown()->rowCount(); ++row) {
            if (shown()->index(row, 0).data(ModelTableModel::ModelNameRole) ==
                QStringLiteral("churn"))
                table->selectRow(row);
        }
        QTRY_COMPARE_WITH_TIMEOUT(find<QLineEdit>(QStringLiteral("modelEndpointValue"))->text(),
                                  QStringLiteral("https://api.plexe.ai/models/churn/1/predict"),
                                  5000);
        QCOMPARE(find<QLabel>(QStringLiteral("modelDatasetValue"))->text(), QStringLiteral("—"));
        const QString curl = find<QPlainTextEdit>(QStringLiteral("modelCurlEdit"))->toPlainText();
        QVERIFY(curl.contains(QStringLiteral("$PLEXE_API_KEY")));
        QVERIFY(curl.contains(QStringLiteral(R"({"plan": "", "tenure": 0})")));
        QVERIFY(!curl.contains(QString::fromLatin1(kKey)));
        // The selected model's details and the gateway's 403 on another model's details.
        for (int row = 0; row < shown()->rowCount(); ++row) {
            if (shown()->index(row, 0).data(ModelTableModel::ModelNameRole) ==
                QStringLiteral("old"))
                table->selectRow(row);
        }
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(QStringLiteral("modelDescriptionValue"))
                                     ->text()
                                     .contains(QStringLiteral("Missing Authentication Token")),
                                 5000);
    }

    void unauthorizedEndsTheApiKeySession()
    {
        // The real API's bare 401 to an API key: the key is not (or no longer) valid, and an
        // API key is never "refreshed": one request, then the session ends saying why.
        open(RealApiModelsServer::ListAnswer::Unauthorized);
        QSignalSpy signedOut(m_session.get(), &SessionManager::signedOut);
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 5000);
        QCOMPARE(signedOut.first().first().value<SessionManager::EndReason>(),
                 SessionManager::EndReason::ApiKeyRejected);
        QCOMPARE(m_server->requestsFor("/models?"), 1);
        QVERIFY(!m_session->isSignedIn());
        QVERIFY(m_session->apiClient()->credential().isEmpty());
    }

    void rateLimitCountsDownToTheHttpDate()
    {
        open(RealApiModelsServer::ListAnswer::RateLimited);
        MessageWidget *banner = m_pane->banner();
        // The client waits once, then the pane shows the server's date as a countdown (about
        // 1:30; a Retry-After it could not read would have been 0:05).
        QTRY_VERIFY_WITH_TIMEOUT(banner->isShowing() &&
                                     banner->text().contains(QStringLiteral("try again in")) &&
                                     m_server->requestsFor("/models?") == 2 &&
                                     find<QAbstractButton>(QStringLiteral("modelsRetryButton")),
                                 5000);
        const QRegularExpression around(QStringLiteral("in 1:[23]\\d\\b"));
        QVERIFY2(around.match(banner->text()).hasMatch(), qPrintable(banner->text()));
        QCOMPARE(banner->kind(), MessageWidget::Kind::Warning);
        m_server->setListAnswer(RealApiModelsServer::ListAnswer::BareArray);
        QTest::mouseClick(find<QAbstractButton>(QStringLiteral("modelsRetryButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(count(), QStringLiteral("5 models"), 5000);
    }
};

QTEST_MAIN(TestModelsPaneRealApi)
#include "tst_modelspane_realapi.moc"
