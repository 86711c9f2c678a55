#pragma once

#include <QJsonObject>

namespace plexe::sandbox {

struct Model;

// The contract's model item, its detail form, and its status answer.
class ModelJson
{
public:
    static QJsonObject item(const Model &model);
    static QJsonObject detail(const Model &model);
    static QJsonObject status(const Model &model);
};

} // namespace plexe::sandbox
