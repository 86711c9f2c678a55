#include "api/ModelDecoder.h"

#include "api/JsonReader.h"

namespace plexe {

ModelState modelStateFrom(const QString &raw)
{
    const QString s = raw.trimmed().toLower();
    if (s.isEmpty())
        return ModelState::Unknown;
    if (s == QLatin1String("ready") || s == QLatin1String("completed"))
        return ModelState::Ready;
    if (s == QLatin1String("building") || s == QLatin1String("processing") ||
        s == QLatin1String("pending"))
        return ModelState::Building;
    if (s == QLatin1String("error") || s == QLatin1String("failed"))
        return ModelState::Failed;
    if (s == QLatin1String("draft"))
        return ModelState::Draft;
    return ModelState::Other;
}

QString displayStatus(const QString &raw)
{
    switch (modelStateFrom(raw)) {
    case ModelState::Ready:
        return QStringLiteral("Ready");
    case ModelState::Building:
        return QStringLiteral("Building");
    case ModelState::Failed:
        return QStringLiteral("Failed");
    case ModelState::Draft:
        return QStringLiteral("Draft");
    case ModelState::Unknown:
        return QStringLiteral("\u2014");
    case ModelState::Other:
        break;
    }
    return raw;
}

bool ModelDecoder::item(const QJsonObject &object, const QString &path, Model *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    JsonReader r(object, path, error);
    Model m;
    m.name = r.string(QLatin1String("name"));
    // The id of the routes is model_name; an item that only has a name (some of the docs'
    // examples) is addressed by that name rather than dropping the whole list.
    m.modelName = r.has(QLatin1String("model_name")) || m.name.isEmpty()
                      ? r.requiredString(QLatin1String("model_name"))
                      : m.name;
    m.modelVersion = r.stringOrNumber(QLatin1String("model_version"));
    m.intent = r.string(QLatin1String("intent"));
    m.status = r.string(QLatin1String("status"));
    m.state = modelStateFrom(m.status);
    m.deploymentStatus = r.string(QLatin1String("deployment_status"));
    m.createdAt = r.timestamp(QLatin1String("created_at"));
    m.updatedAt = r.timestamp(QLatin1String("updated_at"));
    if (!r.ok())
        return false;
    *out = std::move(m);
    return true;
}

bool ModelDecoder::page(const QJsonDocument &doc, ModelPage *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    QJsonArray items;
    ModelPage page;
    if (!JsonReader::readList(doc, QLatin1String("models"), &items, &page.pagination, error))
        return false;
    page.models.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("models[%1]").arg(i);
        if (!items.at(i).isObject()) {
            *error = path + QLatin1String(": expected an object");
            return false;
        }
        Model m;
        if (!item(items.at(i).toObject(), path, &m, error))
            return false;
        page.models.append(std::move(m));
    }
    *out = std::move(page);
    return true;
}

bool ModelDecoder::details(const QJsonDocument &doc, ModelDetails *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    if (!doc.isObject()) {
        *error = QStringLiteral("expected an object");
        return false;
    }
    ModelDetails d;
    if (!item(doc.object(), QStringLiteral("$"), &d.model, error))
        return false;
    JsonReader r(doc.object(), QStringLiteral("$"), error);
    d.description = r.string(QLatin1String("description"));
    d.endpoint = r.string(QLatin1String("endpoint"));
    d.metrics = r.object(QLatin1String("metrics"));
    d.inputSchema = r.object(QLatin1String("input_schema"));
    d.outputSchema = r.object(QLatin1String("output_schema"));
    d.tags = r.stringList(QLatin1String("tags"));
    d.datasetId = r.stringOrNumber(QLatin1String("dataset_id"));
    d.createdBy = r.stringOrNumber(QLatin1String("created_by"));
    if (!r.ok())
        return false;
    *out = std::move(d);
    return true;
}

bool ModelDecoder::status(const QJsonDocument &doc, ModelStatus *out, QString *error)
{
    error->clear(); // JsonReader treats a non-empty error as "already failed"
    if (!doc.isObject()) {
        *error = QStringLiteral("expected an object");
        return false;
    }
    JsonReader r(doc.object(), QStringLiteral("$"), error);
    ModelStatus s;
    s.modelName = r.stringOrNumber(QLatin1String("model_name"));
    s.modelVersion = r.stringOrNumber(QLatin1String("model_version"));
    s.status = r.string(QLatin1String("status"));
    s.state = modelStateFrom(s.status);
    s.deploymentStatus = r.string(QLatin1String("deployment_status"));
    s.lastUpdated = r.timestamp(QLatin1String("last_updated"));
    s.buildProgress = r.number(QLatin1String("build_progress"));
    if (!r.ok())
        return false;
    *out = std::move(s);
    return true;
}

} // namespace plexe
