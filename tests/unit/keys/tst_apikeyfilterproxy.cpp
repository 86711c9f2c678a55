// ApiKeyFilterProxy: the Show filter (Active / Revoked / All), search by name, sort by any
// column on raw values, the pinned just-revoked key; QAbstractItemModelTester on the proxy.
#include "KeyFixtures.h"
#include "keys/ApiKeyFilterProxy.h"
#include "keys/ApiKeyTableModel.h"
#include "session/ManualClock.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using Filter = ApiKeyFilterProxy::StatusFilter;

class TestApiKeyFilterProxy : public QObject
{
    Q_OBJECT

    ManualClock m_clock{fixedNow()};
    std::unique_ptr<ApiKeyTableModel> m_model;
    std::unique_ptr<ApiKeyFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QStringList names() const
    {
        QStringList out;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            out << m_proxy->index(row, ApiKeyTableModel::Name).data().toString();
        return out;
    }

private slots:
    void init()
    {
        m_model = std::make_unique<ApiKeyTableModel>(&m_clock);
        m_proxy = std::make_unique<ApiKeyFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        ApiKey ci =
            makeKey(QStringLiteral("k1"), QStringLiteral("ci-deploy"), QStringLiteral("active"), 5);
        ci.lastUsedAt = fixedNow().addSecs(-60);
        ci.expiresAt = fixedNow().addDays(30);
        ApiKey old = makeKey(QStringLiteral("k2"), QStringLiteral("Old CI key"),
                             QStringLiteral("revoked"), 60);
        old.lastUsedAt = fixedNow().addDays(-20);
        ApiKey dash =
            makeKey(QStringLiteral("k3"), QStringLiteral("dashboard"), QStringLiteral("active"), 1);
        dash.expiresAt = fixedNow().addDays(90);
        ApiKey trial = makeKey(QStringLiteral("k4"), QStringLiteral("Trial key"),
                               QStringLiteral("expired"), 45);
        trial.lastUsedAt = fixedNow().addDays(-40);
        trial.expiresAt = fixedNow().addDays(-5);
        m_model->setKeys({ci, old, dash, trial});
    }

    void cleanup()
    {
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void showFilter()
    {
        QCOMPARE(m_proxy->statusFilter(), Filter::Active); // the default
        QCOMPARE(m_proxy->rowCount(), 2);
        m_proxy->setStatusFilter(Filter::Revoked);
        QCOMPARE(names(), QStringList{QStringLiteral("Old CI key")});
        m_proxy->setStatusFilter(Filter::All);
        QCOMPARE(m_proxy->rowCount(), 4);
    }

    void searchByName()
    {
        m_proxy->setStatusFilter(Filter::All);
        m_proxy->setSearchText(QStringLiteral("  ci "));
        m_proxy->sort(ApiKeyTableModel::Name);
        QCOMPARE(names(), (QStringList{QStringLiteral("ci-deploy"), QStringLiteral("Old CI key")}));
        m_proxy->setSearchText(QStringLiteral("nothing like it"));
        QCOMPARE(m_proxy->rowCount(), 0);
        m_proxy->setSearchText(QString());
        QCOMPARE(m_proxy->rowCount(), 4);
    }

    void sortByAnyColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        const QString ci = QStringLiteral("ci-deploy"), old = QStringLiteral("Old CI key"),
                      dash = QStringLiteral("dashboard"), trial = QStringLiteral("Trial key");
        QTest::newRow("name, case-insensitive")
            << int(ApiKeyTableModel::Name) << QStringList{ci, dash, old, trial};
        QTest::newRow("created") << int(ApiKeyTableModel::Created)
                                 << QStringList{old, trial, ci, dash};
        QTest::newRow("last used, never first")
            << int(ApiKeyTableModel::LastUsed) << QStringList{dash, trial, old, ci};
        QTest::newRow("expires, never last")
            << int(ApiKeyTableModel::Expires) << QStringList{trial, ci, dash, old};
        QTest::newRow("status, ties by name")
            << int(ApiKeyTableModel::Status) << QStringList{ci, dash, trial, old};
    }

    void sortByAnyColumn()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        m_proxy->setStatusFilter(Filter::All);
        m_proxy->sort(column, Qt::AscendingOrder);
        QCOMPARE(names(), ascending);
        m_proxy->sort(column, Qt::DescendingOrder);
        std::reverse(ascending.begin(), ascending.end());
        QCOMPARE(names(), ascending);
    }

    void revokedKeyStaysShownUntilTheFilterChanges()
    {
        m_proxy->setPinnedKeyId(QStringLiteral("k1"));
        m_model->markRevoked(QStringLiteral("k1"), fixedNow());
        QCOMPARE(m_proxy->rowCount(), 2);
        const QModelIndex status =
            m_proxy->index(names().indexOf(QStringLiteral("ci-deploy")), ApiKeyTableModel::Status);
        QCOMPARE(status.data().toString(), QStringLiteral("Revoked"));
        m_proxy->setStatusFilter(Filter::Active);
        QCOMPARE(names(), QStringList{QStringLiteral("dashboard")});
    }

    void filterNamesRoundTrip()
    {
        for (Filter filter : {Filter::Active, Filter::Revoked, Filter::All})
            QCOMPARE(ApiKeyFilterProxy::filterFromName(ApiKeyFilterProxy::filterName(filter)),
                     filter);
        QCOMPARE(ApiKeyFilterProxy::filterFromName(QStringLiteral("bogus")), Filter::Active);
    }
};

QTEST_GUILESS_MAIN(TestApiKeyFilterProxy)
#include "tst_apikeyfilterproxy.moc"
