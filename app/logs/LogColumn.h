#pragma once

namespace plexe {

// The columns of the Access Logs table, in display order (product.md). Shared by the query's
// sort order, the table model and the exporter.
enum class LogColumn : int {
    Time,
    Event,
    Outcome,
    Actor,
    Key,
    Ip,
    Request, // method + path
    Status,
    ErrorCode,
    Count
};

} // namespace plexe
