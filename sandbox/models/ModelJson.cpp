#include "models/ModelJson.h"

#include "http/JsonReply.h"
#include "models/Model.h"

#include <QJsonDocument>

namespace plexe::sandbox {

namespace {
QJsonValue optionalString(const std::optional<std::string> &s)
{
    return s ? JsonReply::string(*s) : QJsonValue(QJsonValue::Null);
}

// Columns written by the seeder hold JSON text; anything unparsable shows as null.
QJsonValue storedJson(const std::string &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text));
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject ModelJson::item(const Model &m)
{
    QJsonObject o;
    o.insert(QStringLiteral("model_name"), JsonReply::string(m.modelName));
    o.insert(QStringLiteral("model_version"), JsonReply::string(m.modelVersion));
    o.insert(QStringLiteral("name"), JsonReply::string(m.name));
    o.insert(QStringLiteral("intent"), JsonReply::string(m.intent));
    o.insert(QStringLiteral("status"), JsonReply::string(m.status));
    o.insert(QStringLiteral("deployment_status"), optionalString(m.deploymentStatus));
    o.insert(QStringLiteral("created_at"), JsonReply::timestamp(m.createdAt));
    o.insert(QStringLiteral("updated_at"), JsonReply::timestamp(m.updatedAt));
    return o;
}

QJsonObject ModelJson::detail(const Model &m)
{
    QJsonObject o = item(m);
    o.insert(QStringLiteral("description"), JsonReply::string(m.description));
    o.insert(QStringLiteral("endpoint"), optionalString(m.endpoint));
    o.insert(QStringLiteral("metrics"), storedJson(m.metrics));
    o.insert(QStringLiteral("input_schema"), storedJson(m.inputSchema));
    o.insert(QStringLiteral("output_schema"), storedJson(m.outputSchema));
    o.insert(QStringLiteral("tags"), storedJson(m.tags));
    o.insert(QStringLiteral("dataset_id"), optionalString(m.datasetId));
    o.insert(QStringLiteral("created_by"), JsonReply::string(m.createdBy));
    return o;
}

QJsonObject ModelJson::status(const Model &m)
{
    QJsonObject o;
    o.insert(QStringLiteral("model_name"), JsonReply::string(m.modelName));
    o.insert(QStringLiteral("model_version"), JsonReply::string(m.modelVersion));
    o.insert(QStringLiteral("status"), JsonReply::string(m.status));
    o.insert(QStringLiteral("deployment_status"), optionalString(m.deploymentStatus));
    o.insert(QStringLiteral("last_updated"), JsonReply::timestamp(m.updatedAt));
    o.insert(QStringLiteral("build_progress"), qint64(m.buildProgress));
    return o;
}

} // namespace plexe::sandbox
