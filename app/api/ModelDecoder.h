#pragma once

#include "api/Model.h"

#include <QJsonDocument>

namespace plexe {

// Pure decoders for the model routes (contract §3), with the tolerance rules for the real API's
// two status vocabularies, bare arrays and missing pagination.
class ModelDecoder
{
public:
    static bool item(const QJsonObject &object, const QString &path, Model *out, QString *error);
    static bool page(const QJsonDocument &doc, ModelPage *out, QString *error);
    static bool details(const QJsonDocument &doc, ModelDetails *out, QString *error);
    static bool status(const QJsonDocument &doc, ModelStatus *out, QString *error);
};

} // namespace plexe
