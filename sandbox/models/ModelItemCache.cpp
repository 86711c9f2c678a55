#include "models/ModelItemCache.h"

#include "models/Model.h"
#include "models/ModelJson.h"

#include <QJsonDocument>

#include <mutex>

namespace plexe::sandbox {

QByteArray ModelItemCache::item(const Model &model)
{
    {
        std::shared_lock<std::shared_mutex> lock(m_mutex);
        const auto it = m_items.find(model.id);
        if (it != m_items.end() && it->second.updatedAt == model.updatedAt)
            return it->second.json;
    }
    const QByteArray json = QJsonDocument(ModelJson::item(model)).toJson(QJsonDocument::Compact);
    std::unique_lock<std::shared_mutex> lock(m_mutex);
    m_items[model.id] = Entry{model.updatedAt, json};
    return json;
}

} // namespace plexe::sandbox
