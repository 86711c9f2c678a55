// Contract §3 (account and models) against a live plexe-sandbox, black-box over TLS.
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"

#include <QSet>
#include <QTest>

#include <memory>

using namespace plexe::test;

namespace {

constexpr int kModels = 45; // more than two default pages

const QStringList kItemFields = {QStringLiteral("model_name"), QStringLiteral("model_version"),
                                 QStringLiteral("name"),       QStringLiteral("intent"),
                                 QStringLiteral("status"),     QStringLiteral("deployment_status"),
                                 QStringLiteral("created_at"), QStringLiteral("updated_at")};

QString identity(const QJsonObject &model)
{
    const QJsonValue version = model.value(QLatin1String("model_version"));
    return model.value(QLatin1String("model_name")).toString() + u'@' +
           (version.isDouble() ? QString::number(version.toDouble()) : version.toString());
}

QString versionOf(const QJsonObject &model)
{
    const QJsonValue version = model.value(QLatin1String("model_version"));
    return version.isDouble() ? QString::number(version.toDouble()) : version.toString();
}

} // namespace

// Account, model list (paging, filter, sort), model detail and status, /health.
class TestContractModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void userHasAllFields();
    void listEnvelopeAndItems();
    void pagingCoversEveryModelOnce_data();
    void pagingCoversEveryModelOnce();
    void bothStatusVocabulariesSeeded();
    void statusFilter();
    void sortOrder_data();
    void sortOrder();
    void detailHasAllFields();
    void statusRouteHasAllFields();
    void unknownModelIsNotFound_data();
    void unknownModelIsNotFound();
    void healthNeedsNoCredentials();
    void modelsNeedCredentials();

private:
    QList<QJsonObject> allModels(const QString &query = {});

    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    Credential m_key;
    QList<QJsonObject> m_all;
};

void TestContractModels::initTestCase()
{
    SandboxProcess::Options options;
    options.models = kModels;
    QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
    m_key = Credential::apiKey(m_sandbox.demoApiKey());
    m_all = allModels();
    QCOMPARE(m_all.size(), kModels);
}

QList<QJsonObject> TestContractModels::allModels(const QString &query)
{
    QList<QJsonObject> all;
    for (int offset = 0; offset < 10000; offset += 100) {
        const Reply reply =
            m_client->get(QStringLiteral("/models?limit=100&offset=%1").arg(offset) + query, m_key);
        if (reply.status != 200) {
            qWarning() << "GET /models failed" << reply.describe();
            return {};
        }
        for (const QJsonValue &m : reply.object().value(QLatin1String("models")).toArray())
            all << m.toObject();
        if (!reply.object()
                 .value(QLatin1String("pagination"))
                 .toObject()
                 .value(QLatin1String("has_more"))
                 .toBool())
            break;
    }
    return all;
}

void TestContractModels::userHasAllFields()
{
    for (const Credential &cred : {m_key, Credential::bearer(m_sandbox.demoApiKey())}) {
        const Reply reply = m_client->get(QStringLiteral("/auth/user"), cred);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const QJsonObject user = reply.object();
        const QString missing = checks::missingFields(
            user,
            {QStringLiteral("user_id"), QStringLiteral("email"), QStringLiteral("name"),
             QStringLiteral("user_name"), QStringLiteral("credits"), QStringLiteral("consumption"),
             QStringLiteral("is_active"), QStringLiteral("has_api_key")});
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        QCOMPARE(user.value(QLatin1String("email")).toString(), m_sandbox.demoEmail());
        QVERIFY(!user.value(QLatin1String("user_id")).toVariant().toString().isEmpty());
        QVERIFY(user.value(QLatin1String("is_active")).isBool());
        QVERIFY(user.value(QLatin1String("is_active")).toBool());
        QVERIFY(user.value(QLatin1String("has_api_key")).isBool());
        QVERIFY2(user.value(QLatin1String("has_api_key")).toBool(),
                 "the demo account has an API key");
        QVERIFY(user.value(QLatin1String("credits")).isDouble());
        QVERIFY(user.value(QLatin1String("consumption")).isDouble());
    }
}

void TestContractModels::listEnvelopeAndItems()
{
    const Reply reply = m_client->get(QStringLiteral("/models"), m_key);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY2(reply.header("Content-Type").startsWith(QLatin1String("application/json")),
             qPrintable(reply.header("Content-Type")));
    QVERIFY(reply.object().value(QLatin1String("models")).isArray());
    const QJsonArray models = reply.object().value(QLatin1String("models")).toArray();
    QCOMPARE(models.size(), 20); // the default limit
    const QString page = checks::pagination(reply.object(), models.size(), 20, 0);
    QVERIFY2(page.isEmpty(), qPrintable(page));
    QCOMPARE(reply.object()
                 .value(QLatin1String("pagination"))
                 .toObject()
                 .value(QLatin1String("total"))
                 .toInt(),
             kModels);
    for (const QJsonObject &m : std::as_const(m_all)) {
        const QString missing = checks::missingFields(m, kItemFields);
        QVERIFY2(missing.isEmpty(), qPrintable(identity(m) + u' ' + missing));
        QVERIFY(!m.value(QLatin1String("model_name")).toString().isEmpty());
        QVERIFY(!m.value(QLatin1String("status")).toString().isEmpty());
        QVERIFY(checks::isIsoUtc(m.value(QLatin1String("created_at"))));
        QVERIFY(checks::isIsoUtc(m.value(QLatin1String("updated_at"))));
        const QJsonValue deployment = m.value(QLatin1String("deployment_status"));
        QVERIFY(deployment.isNull() || deployment.isString());
    }

    // The maximum page is 100.
    const Reply hundred = m_client->get(QStringLiteral("/models?limit=100"), m_key);
    QVERIFY2(hundred.status == 200, hundred.describe().constData());
    const QString full = checks::pagination(
        hundred.object(), hundred.object().value(QLatin1String("models")).toArray().size(), 100, 0);
    QVERIFY2(full.isEmpty(), qPrintable(full));
}

void TestContractModels::pagingCoversEveryModelOnce_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("default") << 0;
    QTest::newRow("1") << 1;
    QTest::newRow("7") << 7;
    QTest::newRow("20") << 20;
    QTest::newRow("44") << 44;
    QTest::newRow("45") << 45;
    QTest::newRow("100") << 100;
}

void TestContractModels::pagingCoversEveryModelOnce()
{
    QFETCH(int, limit);
    const int step = limit == 0 ? 20 : limit;
    QSet<QString> seen;
    int offset = 0;
    for (int page = 0; page < 100; ++page) {
        QString path = QStringLiteral("/models?offset=%1").arg(offset);
        if (limit > 0)
            path += QStringLiteral("&limit=%1").arg(limit);
        const Reply reply = m_client->get(path, m_key);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const QJsonArray models = reply.object().value(QLatin1String("models")).toArray();
        const QString check = checks::pagination(reply.object(), models.size(), step, offset);
        QVERIFY2(check.isEmpty(), qPrintable(check));
        for (const QJsonValue &m : models) {
            const QString id = identity(m.toObject());
            QVERIFY2(!seen.contains(id), qPrintable(id + QStringLiteral(" on two pages")));
            seen.insert(id);
        }
        offset += models.size();
        if (!reply.object()
                 .value(QLatin1String("pagination"))
                 .toObject()
                 .value(QLatin1String("has_more"))
                 .toBool())
            break;
    }
    QCOMPARE(seen.size(), kModels);
}

void TestContractModels::bothStatusVocabulariesSeeded()
{
    // The seed mixes DRAFT|BUILDING|READY|ERROR with pending|processing|building|completed|failed.
    const QSet<QString> upper{QStringLiteral("DRAFT"), QStringLiteral("BUILDING"),
                              QStringLiteral("READY"), QStringLiteral("ERROR")};
    const QSet<QString> lower{QStringLiteral("pending"), QStringLiteral("processing"),
                              QStringLiteral("building"), QStringLiteral("completed"),
                              QStringLiteral("failed")};
    QSet<QString> seen;
    for (const QJsonObject &m : std::as_const(m_all))
        seen.insert(m.value(QLatin1String("status")).toString());
    QVERIFY2(seen.intersects(upper), "no model with a DRAFT|BUILDING|READY|ERROR status");
    QVERIFY2(seen.intersects(lower),
             "no model with a pending|processing|building|completed|failed status");
    for (const QString &s : std::as_const(seen))
        QVERIFY2(upper.contains(s) || lower.contains(s), qPrintable(s));
}

void TestContractModels::statusFilter()
{
    QHash<QString, int> counts;
    for (const QJsonObject &m : std::as_const(m_all))
        ++counts[m.value(QLatin1String("status")).toString()];
    QVERIFY(counts.size() >= 2);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        // An exact match, or a case-insensitive one (BUILDING and building): the contract's
        // status vocabularies overlap only in case, and it does not say which a filter means.
        int caseless = 0;
        for (auto other = counts.cbegin(); other != counts.cend(); ++other)
            caseless += other.key().compare(it.key(), Qt::CaseInsensitive) == 0 ? other.value() : 0;
        const QList<QJsonObject> filtered = allModels(QStringLiteral("&status=") + it.key());
        QVERIFY2(filtered.size() == it.value() || filtered.size() == caseless,
                 qPrintable(QStringLiteral("status=%1: %2 models, expected %3")
                                .arg(it.key())
                                .arg(filtered.size())
                                .arg(it.value())));
        for (const QJsonObject &m : filtered)
            QVERIFY(m.value(QLatin1String("status"))
                        .toString()
                        .compare(it.key(), Qt::CaseInsensitive) == 0);
        const Reply page = m_client->get(QStringLiteral("/models?status=") + it.key(), m_key);
        QCOMPARE(page.object()
                     .value(QLatin1String("pagination"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInt(),
                 filtered.size());
    }
}

void TestContractModels::sortOrder_data()
{
    QTest::addColumn<QString>("sortBy");
    QTest::addColumn<QString>("dir");
    QTest::newRow("name asc") << QStringLiteral("name") << QStringLiteral("asc");
    QTest::newRow("name desc") << QStringLiteral("name") << QStringLiteral("desc");
    QTest::newRow("created_at asc") << QStringLiteral("created_at") << QStringLiteral("asc");
    QTest::newRow("created_at desc") << QStringLiteral("created_at") << QStringLiteral("desc");
}

void TestContractModels::sortOrder()
{
    QFETCH(QString, sortBy);
    QFETCH(QString, dir);
    // Paged with a small limit, so that the order must hold across pages too.
    QList<QJsonObject> models;
    for (int offset = 0; offset < kModels; offset += 10) {
        const Reply reply =
            m_client->get(QStringLiteral("/models?limit=10&offset=%1&sort_by=%2&sort_dir=%3")
                              .arg(offset)
                              .arg(sortBy, dir),
                          m_key);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        for (const QJsonValue &m : reply.object().value(QLatin1String("models")).toArray())
            models << m.toObject();
    }
    QCOMPARE(models.size(), kModels);
    const bool ascending = dir == QStringLiteral("asc");
    if (sortBy == QStringLiteral("created_at")) {
        bool distinct = false;
        for (int i = 1; i < models.size(); ++i) {
            const QDateTime a = checks::parseTime(models[i - 1].value(QLatin1String("created_at")));
            const QDateTime b = checks::parseTime(models[i].value(QLatin1String("created_at")));
            distinct = distinct || a != b;
            QVERIFY2(ascending ? a <= b : a >= b,
                     qPrintable(QStringLiteral("out of order at %1: %2 then %3")
                                    .arg(i)
                                    .arg(identity(models[i - 1]), identity(models[i]))));
        }
        QVERIFY2(distinct, "every model has the same created_at; the order is untested");
        return;
    }
    // sort_by=name: the contract does not say whether that is model_name or the display name
    // `name`, nor the collation; any of those orders is accepted, a random one is not.
    const auto ordered = [&](const QLatin1String field, Qt::CaseSensitivity cs) {
        for (int i = 1; i < models.size(); ++i) {
            const int c = QString::compare(models[i - 1].value(field).toString(),
                                           models[i].value(field).toString(), cs);
            if (ascending ? c > 0 : c < 0)
                return false;
        }
        return true;
    };
    QSet<QString> names;
    for (const QJsonObject &m : std::as_const(models))
        names.insert(m.value(QLatin1String("model_name")).toString());
    QVERIFY2(names.size() > 1, "every model has the same name; the order is untested");
    const bool ok = ordered(QLatin1String("model_name"), Qt::CaseSensitive) ||
                    ordered(QLatin1String("model_name"), Qt::CaseInsensitive) ||
                    ordered(QLatin1String("name"), Qt::CaseSensitive) ||
                    ordered(QLatin1String("name"), Qt::CaseInsensitive);
    QString sequence;
    for (const QJsonObject &m : std::as_const(models))
        sequence += m.value(QLatin1String("model_name")).toString() + u' ';
    QVERIFY2(ok, qPrintable(QStringLiteral("not ordered by name: ") + sequence));
}

void TestContractModels::detailHasAllFields()
{
    for (const QJsonObject &m : std::as_const(m_all)) {
        const QString name = m.value(QLatin1String("model_name")).toString();
        const Reply reply = m_client->get(
            QStringLiteral("/models/") + QString::fromUtf8(QUrl::toPercentEncoding(name)), m_key);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const QJsonObject detail = reply.object();
        const QString missing = checks::missingFields(
            detail,
            kItemFields + QStringList{QStringLiteral("description"), QStringLiteral("endpoint"),
                                      QStringLiteral("metrics"), QStringLiteral("input_schema"),
                                      QStringLiteral("output_schema"), QStringLiteral("tags"),
                                      QStringLiteral("dataset_id"), QStringLiteral("created_by")});
        QVERIFY2(missing.isEmpty(), qPrintable(name + u' ' + missing));
        QCOMPARE(detail.value(QLatin1String("model_name")).toString(), name);
        QVERIFY(detail.value(QLatin1String("metrics")).isObject());
        QVERIFY(detail.value(QLatin1String("input_schema")).isObject());
        QVERIFY(detail.value(QLatin1String("output_schema")).isObject());
        QVERIFY(detail.value(QLatin1String("tags")).isArray());
        // input_schema is {field: type}.
        const QJsonObject input = detail.value(QLatin1String("input_schema")).toObject();
        for (auto it = input.begin(); it != input.end(); ++it)
            QVERIFY2(it.value().isString(),
                     qPrintable(name + QStringLiteral(" input_schema.") + it.key()));
    }
}

void TestContractModels::statusRouteHasAllFields()
{
    for (const QJsonObject &m : std::as_const(m_all)) {
        const QString name = m.value(QLatin1String("model_name")).toString();
        const QString path = QStringLiteral("/models/%1/%2/status")
                                 .arg(QString::fromUtf8(QUrl::toPercentEncoding(name)),
                                      QString::fromUtf8(QUrl::toPercentEncoding(versionOf(m))));
        const Reply reply = m_client->get(path, m_key);
        QVERIFY2(reply.status == 200,
                 QByteArray(path.toUtf8() + ": " + reply.describe()).constData());
        const QJsonObject status = reply.object();
        const QString missing = checks::missingFields(
            status, {QStringLiteral("model_name"), QStringLiteral("model_version"),
                     QStringLiteral("status"), QStringLiteral("deployment_status"),
                     QStringLiteral("last_updated"), QStringLiteral("build_progress")});
        QVERIFY2(missing.isEmpty(), qPrintable(name + u' ' + missing));
        QCOMPARE(status.value(QLatin1String("model_name")).toString(), name);
        QCOMPARE(versionOf(status), versionOf(m));
        QCOMPARE(status.value(QLatin1String("status")).toString(),
                 m.value(QLatin1String("status")).toString());
        QVERIFY(checks::isIsoUtc(status.value(QLatin1String("last_updated"))));
    }
}

void TestContractModels::unknownModelIsNotFound_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("model") << QStringLiteral("/models/no-such-model-xyz");
    QTest::newRow("status of unknown model")
        << QStringLiteral("/models/no-such-model-xyz/1/status");
    QTest::newRow("unknown version") << QString();
}

void TestContractModels::unknownModelIsNotFound()
{
    QFETCH(QString, path);
    if (path.isEmpty()) {
        const QString name = m_all.first().value(QLatin1String("model_name")).toString();
        path = QStringLiteral("/models/%1/99999/status")
                   .arg(QString::fromUtf8(QUrl::toPercentEncoding(name)));
    }
    const Reply reply = m_client->get(path, m_key);
    const QString shape = checks::errorShape(reply, 404, QStringLiteral("not_found"));
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
}

void TestContractModels::healthNeedsNoCredentials()
{
    const Reply reply = m_client->get(QStringLiteral("/health"), Credential::none());
    QVERIFY2(reply.status == 200, reply.describe().constData());
}

void TestContractModels::modelsNeedCredentials()
{
    for (const QString &path :
         QStringList{QStringLiteral("/models"), QStringLiteral("/auth/user"),
                     QStringLiteral("/models/") +
                         m_all.first().value(QLatin1String("model_name")).toString()}) {
        const Reply reply = m_client->get(path, Credential::none());
        const QString shape = checks::errorShape(reply, 401, QStringLiteral("unauthorized"));
        QVERIFY2(shape.isEmpty(), qPrintable(path + QStringLiteral(": ") + shape));
    }
}

QTEST_GUILESS_MAIN(TestContractModels)
#include "tst_contract_models.moc"
