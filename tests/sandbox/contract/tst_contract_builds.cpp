// Builds that finish (seed --build-seconds) under the server's clock (serve
// --clock-offset-file): building models report a growing build_progress on the status route,
// settle at their finish in their own vocabulary (BUILDING -> READY, building/processing/pending
// -> completed) with an endpoint and metrics, and the list shows it; settled, failed and draft
// models never change. Without the option builds never finish (the default), and the option is
// refused where it means nothing.
#include "ContractClient.h"
#include "SandboxProcess.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace plexe::test;

namespace {
constexpr int kBuildSeconds = 3600;
}

class TestContractBuilds : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    Credential m_key;

    QString offsetFile() const { return m_dir.filePath(QStringLiteral("clock-offset")); }
    bool setOffset(qint64 seconds) const
    {
        QFile file(offsetFile());
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(QByteArray::number(seconds)) > 0;
    }

    QJsonObject status(const QString &name, const QString &version) const
    {
        const Reply r =
            m_client->get(QStringLiteral("/models/%1/%2/status").arg(name, version), m_key);
        return r.status == 200 ? r.object() : QJsonObject();
    }

    QHash<QString, QJsonObject> listed() const
    {
        QHash<QString, QJsonObject> out;
        const Reply r = m_client->get(QStringLiteral("/models?limit=100"), m_key);
        for (const QJsonValue v : r.object().value(QLatin1String("models")).toArray())
            out.insert(v.toObject().value(QLatin1String("model_name")).toString(), v.toObject());
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(setOffset(0));
        SandboxProcess::Options options;
        options.extraSeedArgs = {QStringLiteral("--build-seconds"), QString::number(kBuildSeconds)};
        options.extraServeArgs = {QStringLiteral("--clock-offset-file"), offsetFile()};
        QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
        m_client = std::make_unique<ContractClient>(m_sandbox);
        m_key = Credential::apiKey(m_sandbox.demoApiKey());
    }

    void buildsProgressThenSettle()
    {
        // The seed's demo models: fraud-detector (BUILDING, v2), credit-risk (building, v2),
        // anomaly-detector (processing, v1), lead-scorer (pending, v3); churn-predictor READY,
        // sentiment-classifier DRAFT, price-optimizer ERROR.
        const QHash<QString, QJsonObject> before = listed();
        QCOMPARE(before.value(QStringLiteral("fraud-detector")).value(QLatin1String("status")),
                 QJsonValue(QStringLiteral("BUILDING")));
        const qint64 start = status(QStringLiteral("fraud-detector"), QStringLiteral("2"))
                                 .value(QLatin1String("build_progress"))
                                 .toInteger(-1);
        QVERIFY(start >= 0 && start < 100);

        QVERIFY(setOffset(kBuildSeconds / 2));
        const QJsonObject half = status(QStringLiteral("fraud-detector"), QStringLiteral("2"));
        QCOMPARE(half.value(QLatin1String("status")).toString(), QStringLiteral("BUILDING"));
        const qint64 mid = half.value(QLatin1String("build_progress")).toInteger(-1);
        QVERIFY2(mid > start && mid < 100, qPrintable(QString::number(mid)));

        QVERIFY(setOffset(kBuildSeconds + 1));
        const QJsonObject done = status(QStringLiteral("fraud-detector"), QStringLiteral("2"));
        QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("READY"));
        QCOMPARE(done.value(QLatin1String("build_progress")).toInteger(), 100);
        QCOMPARE(done.value(QLatin1String("deployment_status")).toString(),
                 QStringLiteral("deployed"));
        QCOMPARE(status(QStringLiteral("credit-risk"), QStringLiteral("2"))
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("completed"));

        const QHash<QString, QJsonObject> after = listed();
        for (const char *name : {"anomaly-detector", "lead-scorer", "credit-risk"})
            QCOMPARE(after.value(QLatin1String(name)).value(QLatin1String("status")).toString(),
                     QStringLiteral("completed"));
        QVERIFY(after.value(QStringLiteral("fraud-detector"))
                    .value(QLatin1String("updated_at"))
                    .toString() != before.value(QStringLiteral("fraud-detector"))
                                       .value(QLatin1String("updated_at"))
                                       .toString());
        // Settled, failed and draft models are as they were.
        for (const char *name : {"churn-predictor", "sentiment-classifier", "price-optimizer"})
            QCOMPARE(after.value(QLatin1String(name)), before.value(QLatin1String(name)));

        const Reply detail = m_client->get(QStringLiteral("/models/fraud-detector"), m_key);
        QCOMPARE(detail.status, 200);
        QVERIFY(detail.object()
                    .value(QLatin1String("endpoint"))
                    .toString()
                    .endsWith(QStringLiteral("/models/fraud-detector/2/predict")));
        QVERIFY(!detail.object().value(QLatin1String("metrics")).toObject().isEmpty());
    }

    void withoutTheOptionBuildsNeverFinish()
    {
        QFile offset(m_dir.filePath(QStringLiteral("other-offset")));
        QVERIFY(offset.open(QIODevice::WriteOnly));
        offset.write(QByteArray::number(365 * 86400));
        offset.close();
        SandboxProcess plain;
        SandboxProcess::Options options;
        options.extraServeArgs = {QStringLiteral("--clock-offset-file"), offset.fileName()};
        QVERIFY2(plain.start(options), qPrintable(plain.errorString()));
        ContractClient client(plain);
        client.setIgnoreCertificateTime(true); // its certificate is issued in its future
        const Reply r = client.get(QStringLiteral("/models/fraud-detector/2/status"),
                                   Credential::apiKey(plain.demoApiKey()));
        QVERIFY2(r.status == 200, r.describe().constData());
        QCOMPARE(r.object().value(QLatin1String("status")).toString(), QStringLiteral("BUILDING"));
    }

    void optionOnlyForSeed()
    {
        QProcess p;
        p.start(SandboxProcess::executable(),
                {QStringLiteral("serve"), QStringLiteral("--data"), m_dir.path(),
                 QStringLiteral("--build-seconds"), QStringLiteral("5")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--build-seconds is not an option of 'serve'"));
        p.start(SandboxProcess::executable(),
                {QStringLiteral("seed"), QStringLiteral("--data"),
                 m_dir.filePath(QStringLiteral("x")), QStringLiteral("--build-seconds"),
                 QStringLiteral("-1")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestContractBuilds)
#include "tst_contract_builds.moc"
