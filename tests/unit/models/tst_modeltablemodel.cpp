// ModelTableModel: columns and words, both vocabularies shown alike, server text neutralised,
// raw sort values, a status answer changing a row in place; QAbstractItemModelTester throughout.
#include "ModelFixtures.h"
#include "models/ModelTableModel.h"
#include "session/ManualClock.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;

class TestModelTableModel : public QObject
{
    Q_OBJECT

    ManualClock m_clock{fixedNow()};

    static QString cell(const ModelTableModel &model, int row, int column,
                        int role = Qt::DisplayRole)
    {
        return model.data(model.index(row, column), role).toString();
    }

private slots:
    void columnsAndWords()
    {
        ModelTableModel model(&m_clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), 6);
        QCOMPARE(model.headerData(ModelTableModel::Deployment, Qt::Horizontal).toString(),
                 QStringLiteral("Deployment"));
        Model ready = makeModel(QStringLiteral("churn"), QStringLiteral("Churn"),
                                QStringLiteral("completed"), 2);
        ready.deploymentStatus = QStringLiteral("deployed");
        Model bare = makeModel(QStringLiteral("bare"), QString(), QString(), 1, QString());
        bare.createdAt = QDateTime();
        model.setModels({ready, bare});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, ModelTableModel::Name), QStringLiteral("Churn"));
        QCOMPARE(cell(model, 0, ModelTableModel::Version), QStringLiteral("1"));
        QCOMPARE(cell(model, 0, ModelTableModel::Status), QStringLiteral("Ready"));
        QCOMPARE(cell(model, 0, ModelTableModel::Status, Qt::ToolTipRole),
                 QStringLiteral("completed"));
        QCOMPARE(cell(model, 0, ModelTableModel::Deployment), QStringLiteral("Deployed"));
        QCOMPARE(cell(model, 0, ModelTableModel::Created), QStringLiteral("2 days ago"));
        QCOMPARE(
            model.data(model.index(0, ModelTableModel::Name), ModelTableModel::StateRole).toInt(),
            int(ModelState::Ready));
        // Missing optional fields: the model name stands in for the display name, "—" for the
        // rest; never a crash.
        QCOMPARE(cell(model, 1, ModelTableModel::Name), QStringLiteral("bare"));
        for (int column : {ModelTableModel::Version, ModelTableModel::Status,
                           ModelTableModel::Deployment, ModelTableModel::Created})
            QCOMPARE(cell(model, 1, column), QStringLiteral("\u2014"));
    }

    void serverTextIsNeutralised()
    {
        ModelTableModel model(&m_clock);
        model.setModels({makeModel(QStringLiteral("m"), QStringLiteral("<b>x</b>\u202Etxt.exe"),
                                   QStringLiteral("weird\u2067"), 1)});
        QCOMPARE(cell(model, 0, ModelTableModel::Name), QStringLiteral("<b>x</b>\uFFFDtxt.exe"));
        QCOMPARE(cell(model, 0, ModelTableModel::Status), QStringLiteral("weird\uFFFD"));
        // Search and sort see the name as sent.
        QCOMPARE(cell(model, 0, ModelTableModel::Name, ModelTableModel::SortRole),
                 QStringLiteral("<b>x</b>\u202Etxt.exe"));
    }

    void sortValues()
    {
        ModelTableModel model(&m_clock);
        model.setModels({makeModel(QStringLiteral("a"), QStringLiteral("a"),
                                   QStringLiteral("failed"), 1, QStringLiteral("10")),
                         makeModel(QStringLiteral("b"), QStringLiteral("b"),
                                   QStringLiteral("READY"), 2, QStringLiteral("9"))});
        const auto value = [&model](int row, int column) {
            return model.data(model.index(row, column), ModelTableModel::SortRole);
        };
        // Versions as numbers (10 after 9); statuses by meaning (Ready before Failed).
        QVERIFY(value(1, ModelTableModel::Version).toLongLong() <
                value(0, ModelTableModel::Version).toLongLong());
        QVERIFY(value(1, ModelTableModel::Status).toLongLong() <
                value(0, ModelTableModel::Status).toLongLong());
        QVERIFY(value(1, ModelTableModel::Created).toLongLong() <
                value(0, ModelTableModel::Created).toLongLong());
    }

    void statusChangesTheRowInPlace()
    {
        ModelTableModel model(&m_clock);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setModels(
            {makeModel(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("processing"), 1),
             makeModel(QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("READY"), 1)});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ModelStatus status;
        status.modelName = QStringLiteral("a");
        status.modelVersion = QStringLiteral("1");
        status.status = QStringLiteral("building");
        status.state = ModelState::Building;
        status.buildProgress = 0.35;
        QVERIFY(model.applyStatus(status));
        QCOMPARE(cell(model, 0, ModelTableModel::Status), QStringLiteral("Building · 35 %"));
        QCOMPARE(model.data(model.index(0, 0), ModelTableModel::ProgressRole).toDouble(), 35.0);
        status.status = QStringLiteral("completed");
        status.state = ModelState::Ready;
        status.deploymentStatus = QStringLiteral("deployed");
        status.lastUpdated = fixedNow();
        status.buildProgress = 100;
        QVERIFY(model.applyStatus(status));
        QCOMPARE(cell(model, 0, ModelTableModel::Status), QStringLiteral("Ready"));
        QCOMPARE(cell(model, 0, ModelTableModel::Deployment), QStringLiteral("Deployed"));
        QCOMPARE(cell(model, 0, ModelTableModel::Updated), QStringLiteral("just now"));
        QVERIFY(!model.data(model.index(0, 0), ModelTableModel::ProgressRole).isValid());
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        status.modelName = QStringLiteral("gone");
        QVERIFY(!model.applyStatus(status));
    }

    void relativeDatesFollowTheClock()
    {
        ManualClock clock(fixedNow());
        ModelTableModel model(&clock);
        model.setModels(
            {makeModel(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("READY"), 0)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.advance(std::chrono::hours(48));
        model.timePassed();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cell(model, 0, ModelTableModel::Created), QStringLiteral("2 days ago"));
        model.clear();
        model.timePassed();
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestModelTableModel)
#include "tst_modeltablemodel.moc"
