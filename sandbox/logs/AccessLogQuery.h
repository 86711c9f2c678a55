#pragma once

#include "logs/AccessEvent.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plexe::sandbox {

class Connection;

// One page of an account's access log (contract section 6). Filters combine with AND. Pages
// run over ids, which only grow: newest first below `before` (the cursor), or oldest first
// above `after` (the tail), so paging stays exact while events arrive. since/until become an
// id range by binary search (timestamps never decrease in id order), and each page is one
// index range scan on (account_id[, event | key_id | ip], id). Only `q` (a substring, which no
// index helps) scans rows; it looks at no more than kQueryScanRows of the account's events
// per page and says where to continue.
class AccessLogQuery
{
public:
    static constexpr int64_t kQueryScanRows = 100000;

    struct Filter
    {
        int64_t accountId = 0;
        std::optional<int64_t> since; // Unix seconds, inclusive
        std::optional<int64_t> until; // Unix seconds, exclusive
        std::vector<std::string> events;
        std::optional<bool> success;
        std::optional<std::string> keyId;
        std::optional<std::string> actor;
        std::optional<std::string> ip;
        std::optional<std::string> q;
        int64_t limit = 100;
        std::optional<int64_t> before; // newest first, ids below this
        std::optional<int64_t> after;  // oldest first, ids above this
    };
    struct Row
    {
        int64_t id = 0;
        AccessEvent event;
    };
    struct Page
    {
        std::vector<Row> rows;
        std::optional<int64_t> nextBefore; // newest-first form: continue below this id
        int64_t nextAfter = 0;             // tail form: continue above this id
    };

    static Page run(Connection &connection, const Filter &filter);

private:
    static std::optional<int64_t> firstIdAtOrAfter(Connection &connection, int64_t timestamp);
    static std::optional<int64_t> lastIdBefore(Connection &connection, int64_t timestamp);
};

} // namespace plexe::sandbox
