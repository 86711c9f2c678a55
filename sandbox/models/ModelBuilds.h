#pragma once

#include "models/Model.h"

#include <atomic>
#include <cstdint>
#include <limits>
#include <string>

namespace plexe::sandbox {

class Connection;

// Builds that finish on their own (seed --build-seconds): while one runs, the status route's
// build_progress climbs with the server clock (which --clock-offset-file moves); once its finish
// time has passed, the next model request settles it in the database: READY (or `completed` in
// the lower-case vocabulary), deployed, with an endpoint and metrics, and a new updated_at.
// Settling is lazy and cheap: the earliest finish is remembered, so requests before it cost one
// comparison.
class ModelBuilds
{
public:
    // BUILDING, building, processing or pending (any case): a build in progress.
    static bool isBuilding(const std::string &status);
    // The progress to report at `now`: the stored value, moved towards 99 along the schedule.
    static int64_t progressAt(const Model &model, int64_t now);

    // Settles every build whose finish is at or before `now` (any account).
    void settleDue(Connection &connection, int64_t now);

private:
    static constexpr int64_t kUnknown = std::numeric_limits<int64_t>::min();
    std::atomic<int64_t> m_nextDue{kUnknown};
};

} // namespace plexe::sandbox
