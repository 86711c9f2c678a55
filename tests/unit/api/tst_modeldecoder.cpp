// ModelDecoder: both status vocabularies, bare arrays, details, status, wrong types.
#include "api/ModelDecoder.h"

#include <QTest>

using namespace plexe;

class TestModelDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusMapping_data();
    void statusMapping();
    void envelopeAndBare();
    void details();
    void status();
    void wrongTypes_data();
    void wrongTypes();
};

static QJsonDocument doc(const QByteArray &json)
{
    return QJsonDocument::fromJson(json);
}

void TestModelDecoder::statusMapping_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("shown");
    using S = ModelState;
    QTest::newRow("READY") << "READY" << int(S::Ready) << "Ready";
    QTest::newRow("completed") << "completed" << int(S::Ready) << "Ready";
    QTest::newRow("Completed") << "Completed" << int(S::Ready) << "Ready";
    QTest::newRow("BUILDING") << "BUILDING" << int(S::Building) << "Building";
    QTest::newRow("building") << "building" << int(S::Building) << "Building";
    QTest::newRow("processing") << "processing" << int(S::Building) << "Building";
    QTest::newRow("pending") << "pending" << int(S::Building) << "Building";
    QTest::newRow("ERROR") << "ERROR" << int(S::Failed) << "Failed";
    QTest::newRow("failed") << "failed" << int(S::Failed) << "Failed";
    QTest::newRow("DRAFT") << "DRAFT" << int(S::Draft) << "Draft";
    QTest::newRow("other") << "ARCHIVED" << int(S::Other) << "ARCHIVED";
    QTest::newRow("empty") << "" << int(S::Unknown) << "\u2014";
}

void TestModelDecoder::statusMapping()
{
    QFETCH(QString, raw);
    QFETCH(int, state);
    QFETCH(QString, shown);
    QCOMPARE(int(modelStateFrom(raw)), state);
    QCOMPARE(displayStatus(raw), shown);
}

static const QByteArray kModel = R"({"model_name":"churn","model_version":3,"name":"Churn",
 "intent":"predict churn","status":"completed","deployment_status":null,
 "created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-02T00:00:00+02:00","x":[1]})";

void TestModelDecoder::envelopeAndBare()
{
    ModelPage page;
    QString error;
    QVERIFY2(ModelDecoder::page(doc("{\"models\":[" + kModel +
                                    "],\"pagination\":{\"total\":1,"
                                    "\"limit\":20,\"offset\":0,\"has_more\":false}}"),
                                &page, &error),
             qPrintable(error));
    QCOMPARE(page.models.size(), 1);
    const Model &m = page.models.first();
    QCOMPARE(m.modelName, QStringLiteral("churn"));
    QCOMPARE(m.modelVersion, QStringLiteral("3"));
    QCOMPARE(m.state, ModelState::Ready);
    QVERIFY(m.deploymentStatus.isEmpty());
    QCOMPARE(m.updatedAt, QDateTime(QDate(2026, 1, 1), QTime(22, 0), Qt::UTC));
    QVERIFY(page.pagination.present);

    QVERIFY(ModelDecoder::page(doc("[" + kModel + "]"), &page, &error));
    QCOMPARE(page.models.size(), 1);
    QVERIFY(!page.pagination.present);
    QVERIFY(ModelDecoder::page(doc(R"({"models":[{"model_name":"m"}]})"), &page, &error));
    QCOMPARE(page.models.first().state, ModelState::Unknown);
    // Lower-case statuses in a bare array without pagination, and an item with only a name.
    QVERIFY2(ModelDecoder::page(doc(R"([{"model_name":"a","status":"processing"},
      {"name":"b","status":"completed","model_version":2}])"),
                                &page, &error),
             qPrintable(error));
    QCOMPARE(page.models.size(), 2);
    QVERIFY(!page.pagination.present);
    QCOMPARE(page.models.at(0).state, ModelState::Building);
    QCOMPARE(page.models.at(1).modelName, QStringLiteral("b"));
    QCOMPARE(page.models.at(1).state, ModelState::Ready);
}

void TestModelDecoder::details()
{
    QByteArray json = kModel;
    json.chop(1);
    json += R"(,"description":"d","endpoint":"https://x/predict","metrics":{"auc":0.91},
      "input_schema":{"age":"int"},"output_schema":{"churn":"bool"},"tags":["a","b"],
      "dataset_id":"ds1","created_by":"u1"})";
    ModelDetails d;
    QString error;
    QVERIFY2(ModelDecoder::details(doc(json), &d, &error), qPrintable(error));
    QCOMPARE(d.model.modelName, QStringLiteral("churn"));
    QCOMPARE(d.metrics.value(QLatin1String("auc")).toDouble(), 0.91);
    QCOMPARE(d.inputSchema.value(QLatin1String("age")).toString(), QStringLiteral("int"));
    QCOMPARE(d.tags, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(!ModelDecoder::details(doc(R"({"model_name":"m","tags":[1]})"), &d, &error));
    QVERIFY(!ModelDecoder::details(doc(R"({"model_name":"m","metrics":"x"})"), &d, &error));
    QVERIFY(ModelDecoder::details(doc(R"({"model_name":"m"})"), &d, &error));
    QVERIFY(d.tags.isEmpty());
}

void TestModelDecoder::status()
{
    ModelStatus s;
    QString error;
    QVERIFY(ModelDecoder::status(doc(R"({"model_name":"m","model_version":"1","status":"BUILDING",
      "deployment_status":"none","last_updated":"2026-01-01T00:00:00Z","build_progress":0.5})"),
                                 &s, &error));
    QCOMPARE(s.state, ModelState::Building);
    QCOMPARE(s.buildProgress.value_or(-1), 0.5);
    QVERIFY(ModelDecoder::status(doc(R"({"status":"weird"})"), &s, &error));
    QCOMPARE(s.state, ModelState::Other);
    QVERIFY(!s.buildProgress);
    QVERIFY(!ModelDecoder::status(doc(R"({"build_progress":"50%"})"), &s, &error));
}

void TestModelDecoder::wrongTypes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("null doc") << QByteArray("");
    QTest::newRow("number root") << QByteArray("5");
    QTest::newRow("models string") << QByteArray(R"({"models":"x"})");
    QTest::newRow("item array") << QByteArray(R"({"models":[[]]})");
    QTest::newRow("no name") << QByteArray(R"([{"status":"READY"}])");
    QTest::newRow("status number") << QByteArray(R"([{"model_name":"a","status":1}])");
    QTest::newRow("version fraction") << QByteArray(R"([{"model_name":"a","model_version":1.5}])");
    QTest::newRow("version object") << QByteArray(R"([{"model_name":"a","model_version":{}}])");
}

void TestModelDecoder::wrongTypes()
{
    QFETCH(QByteArray, json);
    ModelPage page;
    QString error;
    QVERIFY(!ModelDecoder::page(doc(json), &page, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestModelDecoder)
#include "tst_modeldecoder.moc"
