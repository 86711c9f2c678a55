#include "models/SampleCall.h"

#include "core/DisplayText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace plexe {

namespace {

enum class Language { Json, Python };

// A JSON string literal is also a valid Python string literal (JSON's escapes are a subset of
// Python's), so both snippets quote server text the same way.
QString quoted(const QString &text)
{
    const QByteArray json =
        QJsonDocument(QJsonArray{DisplayText::neutralise(text)}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// An example value for a schema entry: "int" or {"type": "int"} (both shapes are common).
QString example(const QJsonValue &entry, Language language)
{
    const QString type = (entry.isObject() ? entry.toObject().value(QLatin1String("type")) : entry)
                             .toString()
                             .trimmed()
                             .toLower();
    const bool python = language == Language::Python;
    if (type == QLatin1String("int") || type == QLatin1String("integer"))
        return QStringLiteral("0");
    if (type == QLatin1String("float") || type == QLatin1String("number") ||
        type == QLatin1String("double"))
        return QStringLiteral("0.0");
    if (type == QLatin1String("str") || type == QLatin1String("string"))
        return QStringLiteral("\"\"");
    if (type == QLatin1String("bool") || type == QLatin1String("boolean"))
        return python ? QStringLiteral("False") : QStringLiteral("false");
    return python ? QStringLiteral("None") : QStringLiteral("null");
}

} // namespace

QString SampleCall::shellQuoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString SampleCall::curl(const QString &endpoint, const QJsonObject &inputSchema)
{
    QStringList fields;
    for (auto it = inputSchema.begin(); it != inputSchema.end(); ++it)
        fields << QStringLiteral("%1: %2").arg(quoted(it.key()), example(*it, Language::Json));
    const QString body = QLatin1Char('{') + fields.join(QLatin1String(", ")) + QLatin1Char('}');
    // The header stays in double quotes so that the shell expands $PLEXE_API_KEY; everything
    // that came from the server is single-quoted.
    return QStringLiteral("curl -X POST %1 \\\n"
                          "  -H \"x-api-key: $PLEXE_API_KEY\" \\\n"
                          "  -H \"Content-Type: application/json\" \\\n"
                          "  -d %2\n")
        .arg(shellQuoted(DisplayText::neutralise(endpoint)), shellQuoted(body));
}

QString SampleCall::python(const QString &endpoint, const QJsonObject &inputSchema)
{
    QString fields;
    for (auto it = inputSchema.begin(); it != inputSchema.end(); ++it)
        fields += QStringLiteral("        %1: %2,\n")
                      .arg(quoted(it.key()), example(*it, Language::Python));
    return QStringLiteral(
               "import os\n"
               "import requests\n"
               "\n"
               "# The key is read from $PLEXE_API_KEY: export it first, never paste it here.\n"
               "response = requests.post(\n"
               "    %1,\n"
               "    headers={\"x-api-key\": os.environ[\"PLEXE_API_KEY\"]},\n"
               "    json={\n"
               "%2"
               "    },\n"
               "    timeout=30,\n"
               ")\n"
               "response.raise_for_status()\n"
               "print(response.json())\n")
        .arg(quoted(endpoint), fields);
}

} // namespace plexe
