#include "models/ModelBuilds.h"

#include "db/Connection.h"

#include <algorithm>
#include <cctype>

namespace plexe::sandbox {

bool ModelBuilds::isBuilding(const std::string &status)
{
    std::string s = status;
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s == "building" || s == "processing" || s == "pending";
}

int64_t ModelBuilds::progressAt(const Model &model, int64_t now)
{
    if (!model.buildStartedAt || !model.buildFinishesAt ||
        *model.buildFinishesAt <= *model.buildStartedAt)
        return model.buildProgress;
    const int64_t span = *model.buildFinishesAt - *model.buildStartedAt;
    const int64_t done = std::clamp<int64_t>(now - *model.buildStartedAt, 0, span);
    const int64_t progress = model.buildProgress + (100 - model.buildProgress) * done / span;
    // 100 is for a settled model only; the settling request reports it.
    return std::clamp<int64_t>(progress, model.buildProgress, 99);
}

void ModelBuilds::settleDue(Connection &connection, int64_t now)
{
    const int64_t due = m_nextDue.load(std::memory_order_relaxed);
    if (due != kUnknown && now < due)
        return;
    // The upper-case vocabulary settles as READY, the lower-case one as `completed`.
    connection
        .prepare(
            "UPDATE models SET "
            "status = CASE WHEN status = upper(status) THEN 'READY' ELSE 'completed' END, "
            "build_progress = 100, deployment_status = 'deployed', "
            "endpoint = COALESCE(endpoint, 'https://sandbox.plexe.local/models/' || model_name "
            "|| '/' || model_version || '/predict'), "
            "metrics = CASE WHEN metrics IN ('', '{}') "
            "THEN '{\"accuracy\":0.91,\"f1_score\":0.88}' ELSE metrics END, "
            "updated_at = MAX(updated_at + 1, build_finishes_at), "
            "build_started_at = NULL, build_finishes_at = NULL "
            "WHERE build_finishes_at IS NOT NULL AND build_finishes_at <= ?")
        .bind(1, now)
        .run();
    auto next = connection.prepare(
        "SELECT MIN(build_finishes_at) FROM models WHERE build_finishes_at IS NOT NULL");
    const std::optional<int64_t> earliest = next.step() ? next.optionalInteger(0) : std::nullopt;
    m_nextDue.store(earliest.value_or(std::numeric_limits<int64_t>::max()),
                    std::memory_order_relaxed);
}

} // namespace plexe::sandbox
