#pragma once

#include <QByteArray>

#include <cstdint>
#include <shared_mutex>
#include <unordered_map>

namespace plexe::sandbox {

struct Model;

// The serialized JSON of model list items, keyed by row id and valid while updated_at is
// unchanged. Building QJsonObjects and serializing them was over a third of the CPU time of
// GET /models; items rarely change, so each is serialized once. Any write to a model must move
// its updated_at (all writers do, since the contract shows it).
class ModelItemCache
{
public:
    QByteArray item(const Model &model);

private:
    struct Entry
    {
        int64_t updatedAt;
        QByteArray json;
    };
    std::shared_mutex m_mutex;
    std::unordered_map<int64_t, Entry> m_items;
};

} // namespace plexe::sandbox
