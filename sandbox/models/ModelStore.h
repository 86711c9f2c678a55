#pragma once

#include "models/Model.h"

#include <optional>
#include <vector>

namespace plexe::sandbox {

class Connection;

// SQL for models.
class ModelStore
{
public:
    enum class SortBy { CreatedAt, Name };
    struct Page
    {
        std::vector<Model> models;
        int64_t total = 0;
    };

    static Model insert(Connection &connection, Model model);
    // `status` "" for all, else compared case-insensitively with the stored value. The models
    // carry the list item fields only (not description, schemas, metrics, tags).
    static Page list(Connection &connection, int64_t accountId, const std::string &status,
                     SortBy sortBy, bool ascending, int64_t limit, int64_t offset);
    static std::optional<Model> find(Connection &connection, int64_t accountId,
                                     const std::string &modelName);
};

} // namespace plexe::sandbox
