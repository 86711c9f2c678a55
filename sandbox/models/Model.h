#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace plexe::sandbox {

// One row of `models`. The JSON-valued columns (metrics, schemas, tags) hold JSON text.
struct Model
{
    int64_t id = 0;
    int64_t accountId = 0;
    std::string modelName;
    std::string modelVersion;
    std::string name;
    std::string intent;
    std::string status;
    std::optional<std::string> deploymentStatus;
    int64_t buildProgress = 0;
    int64_t createdAt = 0;
    int64_t updatedAt = 0;
    std::string description;
    std::optional<std::string> endpoint;
    std::string metrics = "{}";
    std::string inputSchema = "{}";
    std::string outputSchema = "{}";
    std::string tags = "[]";
    std::optional<std::string> datasetId;
    std::string createdBy;
    // A build that finishes on its own (seed --build-seconds): from start to finish the status
    // route's build_progress climbs to 100; at the finish ModelBuilds settles the model.
    std::optional<int64_t> buildStartedAt;
    std::optional<int64_t> buildFinishesAt;
};

} // namespace plexe::sandbox
