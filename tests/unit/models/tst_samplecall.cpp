// SampleCall: curl and Python snippets call the endpoint with $PLEXE_API_KEY, never a key, with
// an example body from the input schema; hostile server text cannot leave its quotes.
#include "models/SampleCall.h"

#include <QJsonDocument>
#include <QTest>

using namespace plexe;

class TestSampleCall : public QObject
{
    Q_OBJECT

    static QJsonObject schema()
    {
        return QJsonDocument::fromJson(
                   R"({"age":"int","income":"float","city":"str","member":"bool","x":"blob"})")
            .object();
    }

private slots:
    void curlUsesThePlaceholder()
    {
        const QString curl =
            SampleCall::curl(QStringLiteral("https://api.example/m/1/predict"), schema());
        QVERIFY(curl.startsWith(QStringLiteral("curl -X POST 'https://api.example/m/1/predict'")));
        QVERIFY(curl.contains(QStringLiteral("-H \"x-api-key: $PLEXE_API_KEY\"")));
        QVERIFY(curl.contains(QStringLiteral(
            R"(-d '{"age": 0, "city": "", "income": 0.0, "member": false, "x": null}')")));
        QVERIFY(!curl.contains(QStringLiteral("plx_sk_")));
    }

    void pythonUsesTheEnvironment()
    {
        const QString py =
            SampleCall::python(QStringLiteral("https://api.example/m/1/predict"), schema());
        QVERIFY(py.contains(QStringLiteral("import requests")));
        QVERIFY(py.contains(
            QStringLiteral("requests.post(\n    \"https://api.example/m/1/predict\",")));
        QVERIFY(py.contains(QStringLiteral("os.environ[\"PLEXE_API_KEY\"]")));
        QVERIFY(py.contains(QStringLiteral("$PLEXE_API_KEY")));
        QVERIFY(py.contains(QStringLiteral("\"member\": False,")));
        QVERIFY(py.contains(QStringLiteral("\"income\": 0.0,")));
        QVERIFY(py.contains(QStringLiteral("\"x\": None,")));
        QVERIFY(!py.contains(QStringLiteral("plx_sk_")));
    }

    void hostileTextStaysQuoted()
    {
        const QJsonObject evil{{QStringLiteral("a'; rm -rf ~; echo '"), QStringLiteral("str")},
                               {QStringLiteral("b\"\n)"), QStringLiteral("int")}};
        const QString curl = SampleCall::curl(QStringLiteral("https://x/'$(id)'\u202E"), evil);
        // Every single quote from the server is closed, escaped and reopened.
        QVERIFY(curl.contains(QStringLiteral("'https://x/'\\''$(id)'\\''\uFFFD'")));
        QVERIFY(curl.contains(QStringLiteral("\"a'\\''; rm -rf ~; echo '\\''\"")));
        const QString py = SampleCall::python(QStringLiteral("https://x/\")\nimport os"), evil);
        QVERIFY(py.contains(QStringLiteral("\"https://x/\\\")\uFFFDimport os\",")));
        // Control characters (a line break too) become U+FFFD: nothing ends the line early.
        QVERIFY(py.contains(QStringLiteral("\"b\\\"\uFFFD)\": 0,")));
    }

    void schemaEntriesAsObjects()
    {
        const QJsonObject s{{QStringLiteral("n"),
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}}};
        QVERIFY(SampleCall::curl(QStringLiteral("https://x"), s)
                    .contains(QStringLiteral("{\"n\": 0}")));
        QVERIFY(
            SampleCall::curl(QStringLiteral("https://x"), {}).contains(QStringLiteral("-d '{}'")));
    }
};

QTEST_GUILESS_MAIN(TestSampleCall)
#include "tst_samplecall.moc"
