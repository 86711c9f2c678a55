// ModelFilterProxy: the status filter on the display set (both vocabularies filter alike),
// search over name, model name and intent, sort by every column; QAbstractItemModelTester on
// the proxy while rows change under it.
#include "ModelFixtures.h"
#include "models/ModelFilterProxy.h"
#include "models/ModelTableModel.h"
#include "session/ManualClock.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using Filter = ModelFilterProxy::StatusFilter;

class TestModelFilterProxy : public QObject
{
    Q_OBJECT

    ManualClock m_clock{fixedNow()};
    std::unique_ptr<ModelTableModel> m_model;
    std::unique_ptr<ModelFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QStringList names() const
    {
        QStringList out;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            out << m_proxy->index(row, ModelTableModel::Name).data().toString();
        return out;
    }

    static QStringList names(const char *list)
    {
        return QString::fromLatin1(list).split(QLatin1Char(','));
    }

private slots:
    void init()
    {
        m_model = std::make_unique<ModelTableModel>(&m_clock);
        m_proxy = std::make_unique<ModelFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        Model churn = makeModel(QStringLiteral("churn"), QStringLiteral("Churn"),
                                QStringLiteral("READY"), 5, QStringLiteral("3"));
        churn.intent = QStringLiteral("Predict which customers cancel");
        Model fraud = makeModel(QStringLiteral("fraud"), QStringLiteral("Fraud"),
                                QStringLiteral("completed"), 1, QStringLiteral("10"));
        Model demand = makeModel(QStringLiteral("demand"), QStringLiteral("Demand"),
                                 QStringLiteral("processing"), 3);
        Model leads = makeModel(QStringLiteral("leads"), QStringLiteral("Leads"),
                                QStringLiteral("pending"), 4);
        Model credit = makeModel(QStringLiteral("credit"), QStringLiteral("Credit"),
                                 QStringLiteral("ERROR"), 2);
        Model text =
            makeModel(QStringLiteral("text"), QStringLiteral("Text"), QStringLiteral("failed"), 6);
        Model draft = makeModel(QStringLiteral("draft"), QStringLiteral("Draft one"),
                                QStringLiteral("DRAFT"), 7);
        Model odd =
            makeModel(QStringLiteral("odd"), QStringLiteral("Odd"), QStringLiteral("ARCHIVED"), 8);
        m_model->setModels({churn, fraud, demand, leads, credit, text, draft, odd});
        m_proxy->sort(ModelTableModel::Name);
    }

    void cleanup()
    {
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void filterOnTheDisplaySet_data()
    {
        QTest::addColumn<int>("filter");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("all") << int(Filter::All)
                             << names("Churn,Credit,Demand,Draft one,Fraud,Leads,Odd,Text");
        QTest::newRow("ready") << int(Filter::Ready) << names("Churn,Fraud");
        QTest::newRow("building") << int(Filter::Building) << names("Demand,Leads");
        QTest::newRow("failed") << int(Filter::Failed) << names("Credit,Text");
        QTest::newRow("draft") << int(Filter::Draft) << names("Draft one");
        QTest::newRow("other") << int(Filter::Other) << names("Odd");
    }

    void filterOnTheDisplaySet()
    {
        QFETCH(int, filter);
        QFETCH(QStringList, shown);
        m_proxy->setStatusFilter(Filter(filter));
        QCOMPARE(names(), shown);
    }

    void searchNameModelNameAndIntent()
    {
        m_proxy->setSearchText(QStringLiteral("  CUSTOMERS "));
        QCOMPARE(names(), QStringList{QStringLiteral("Churn")}); // by intent
        m_proxy->setSearchText(QStringLiteral("draft"));
        QCOMPARE(names(), QStringList{QStringLiteral("Draft one")}); // by name and model name
        m_proxy->setSearchText(QStringLiteral("predict"));
        QCOMPARE(names().size(), 8); // every fixture's intent says "predict"
        m_proxy->setStatusFilter(Filter::Ready);
        QCOMPARE(names(), (QStringList{QStringLiteral("Churn"), QStringLiteral("Fraud")}));
        m_proxy->setSearchText(QString());
        m_proxy->setStatusFilter(Filter::All);
        QCOMPARE(names().size(), 8);
    }

    void sortByEveryColumn()
    {
        m_proxy->sort(ModelTableModel::Version, Qt::AscendingOrder);
        QCOMPARE(names().last(), QStringLiteral("Fraud")); // 10 after 3 and 1
        m_proxy->sort(ModelTableModel::Status, Qt::AscendingOrder);
        QCOMPARE(names().mid(0, 2),
                 (QStringList{QStringLiteral("Churn"), QStringLiteral("Fraud")}));
        QCOMPARE(names().last(), QStringLiteral("Odd"));
        m_proxy->sort(ModelTableModel::Created, Qt::DescendingOrder);
        QCOMPARE(names().first(), QStringLiteral("Fraud"));
        QCOMPARE(names().last(), QStringLiteral("Odd"));
        m_proxy->sort(ModelTableModel::Name, Qt::DescendingOrder);
        QCOMPARE(names().first(), QStringLiteral("Text"));
        for (int column = 0; column < ModelTableModel::ColumnCount; ++column) {
            m_proxy->sort(column, Qt::AscendingOrder);
            const QStringList up = names();
            m_proxy->sort(column, Qt::DescendingOrder);
            QStringList down = names();
            std::reverse(down.begin(), down.end());
            QCOMPARE(down, up); // ties are ordered too, so descending is the exact reverse
        }
    }

    void aSettledBuildLeavesTheBuildingFilter()
    {
        m_proxy->setStatusFilter(Filter::Building);
        ModelStatus status;
        status.modelName = QStringLiteral("demand");
        status.modelVersion = QStringLiteral("1");
        status.status = QStringLiteral("completed");
        status.state = ModelState::Ready;
        QVERIFY(m_model->applyStatus(status));
        QCOMPARE(names(), QStringList{QStringLiteral("Leads")});
    }

    void filterNamesRoundTrip()
    {
        for (int f = 0; f <= int(Filter::Other); ++f)
            QCOMPARE(ModelFilterProxy::filterFromName(ModelFilterProxy::filterName(Filter(f))),
                     Filter(f));
        QCOMPARE(ModelFilterProxy::filterFromName(QStringLiteral("nonsense")), Filter::All);
    }
};

QTEST_GUILESS_MAIN(TestModelFilterProxy)
#include "tst_modelfilterproxy.moc"
