#pragma once

#include "api/Pagination.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace plexe {

// The display set of model states (contract §3): the API mixes two vocabularies and cases.
enum class ModelState { Unknown, Ready, Building, Failed, Draft, Other };

// Maps a raw status to ModelState case-insensitively; Other for anything unrecognised, Unknown
// for an empty value. displayStatus() gives the text a pane shows ("Ready", or the raw value).
ModelState modelStateFrom(const QString &raw);
QString displayStatus(const QString &raw);

// One model as listed by GET /models.
struct Model
{
    QString modelName;
    QString modelVersion;
    QString name;
    QString intent;
    QString status; // as sent
    ModelState state = ModelState::Unknown;
    QString deploymentStatus;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// One page of GET /models.
struct ModelPage
{
    QList<Model> models;
    Pagination pagination;
};

// GET /models/{name}: the item plus its details.
struct ModelDetails
{
    Model model;
    QString description;
    QString endpoint;
    QJsonObject metrics;     // name -> number or anything else, shown as it came
    QJsonObject inputSchema; // field -> type
    QJsonObject outputSchema;
    QStringList tags;
    QString datasetId;
    QString createdBy;
};

// GET /models/{name}/{version}/status.
struct ModelStatus
{
    QString modelName;
    QString modelVersion;
    QString status;
    ModelState state = ModelState::Unknown;
    QString deploymentStatus;
    QDateTime lastUpdated;
    std::optional<double> buildProgress; // as sent (0..1 or 0..100, the API does not say)
};

} // namespace plexe
