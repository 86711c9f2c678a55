#include "logs/AccessLogQuery.h"

#include "db/Connection.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace plexe::sandbox {

namespace {
constexpr int64_t kNoId = std::numeric_limits<int64_t>::max();

struct IdTime
{
    int64_t id;
    int64_t timestamp;
};

std::optional<IdTime> firstFrom(Connection &connection, int64_t id)
{
    auto query = connection.prepare(
        "SELECT id, timestamp FROM access_logs WHERE id >= ? ORDER BY id LIMIT 1");
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return IdTime{query.integer(0), query.integer(1)};
}

std::optional<IdTime> lastUpTo(Connection &connection, int64_t id)
{
    auto query = connection.prepare(
        "SELECT id, timestamp FROM access_logs WHERE id <= ? ORDER BY id DESC LIMIT 1");
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return IdTime{query.integer(0), query.integer(1)};
}

// LIKE with the user's text taken literally.
std::string likePattern(const std::string &text)
{
    std::string pattern = "%";
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}
// How sparse an exact filter's matches are where the page starts: the ids spanned by its first
// kProbeRows index entries in page order (index only). A range with fewer entries than that
// counts as spanning everything, since it is read whole at once.
constexpr int64_t kProbeRows = 1000;

int64_t probeSpan(Connection &connection, const char *index, const char *column,
                  const std::string &value, int64_t accountId, int64_t low, int64_t high, bool tail)
{
    auto probe = connection.prepare(
        std::string("SELECT count(*), max(id) - min(id) FROM (SELECT id FROM access_logs "
                    "INDEXED BY ") +
        index + " WHERE account_id = ? AND " + column + " = ? AND id BETWEEN ? AND ? ORDER BY id " +
        (tail ? "ASC" : "DESC") + " LIMIT ?)");
    probe.bind(1, accountId).bind(2, value).bind(3, low).bind(4, high).bind(5, kProbeRows);
    if (!probe.step() || probe.integer(0) < kProbeRows)
        return std::numeric_limits<int64_t>::max();
    return probe.integer(1);
}
} // namespace

std::optional<int64_t> AccessLogQuery::firstIdAtOrAfter(Connection &connection, int64_t timestamp)
{
    const auto last = lastUpTo(connection, kNoId);
    if (!last || last->timestamp < timestamp)
        return std::nullopt;
    // The smallest x whose first row at or after x is recent enough; monotone because
    // timestamps never decrease with the id.
    int64_t lo = 1, hi = last->id;
    while (lo < hi) {
        const int64_t mid = lo + (hi - lo) / 2;
        if (firstFrom(connection, mid)->timestamp >= timestamp)
            hi = mid;
        else
            lo = mid + 1;
    }
    return firstFrom(connection, lo)->id;
}

std::optional<int64_t> AccessLogQuery::lastIdBefore(Connection &connection, int64_t timestamp)
{
    const auto first = firstFrom(connection, 0);
    if (!first || first->timestamp >= timestamp)
        return std::nullopt;
    const auto last = lastUpTo(connection, kNoId);
    int64_t lo = first->id, hi = last->id;
    // The largest x whose last row at or before x is older than `timestamp`.
    while (lo < hi) {
        const int64_t mid = lo + (hi - lo + 1) / 2;
        if (lastUpTo(connection, mid)->timestamp < timestamp)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lastUpTo(connection, lo)->id;
}

AccessLogQuery::Page AccessLogQuery::run(Connection &connection, const Filter &filter)
{
    const bool tail = filter.after.has_value();
    Page page;
    page.nextAfter = filter.after.value_or(0);

    int64_t low = 1, high = kNoId - 1;
    if (filter.after)
        low = std::max(low, *filter.after + 1);
    if (filter.before)
        high = std::min(high, *filter.before - 1);
    if (filter.since) {
        const auto id = firstIdAtOrAfter(connection, *filter.since);
        if (!id)
            return page;
        low = std::max(low, *id);
    }
    if (filter.until) {
        const auto id = lastIdBefore(connection, *filter.until);
        if (!id)
            return page;
        high = std::min(high, *id);
    }
    if (low > high)
        return page;

    // q reads every row in range: bound it to kQueryScanRows of this account's events.
    std::optional<int64_t> scanBound;
    if (filter.q) {
        auto bound = connection.prepare(
            std::string("SELECT id FROM access_logs WHERE account_id = ?1 AND id BETWEEN ?2 AND "
                        "?3 ORDER BY id ") +
            (tail ? "ASC" : "DESC") + " LIMIT 1 OFFSET ?4");
        bound.bind(1, filter.accountId).bind(2, low).bind(3, high).bind(4, kQueryScanRows - 1);
        if (bound.step()) {
            scanBound = bound.integer(0);
            (tail ? high : low) = *scanBound;
        }
    }

    // With two or more exact filters the planner's statistics (an average per value) cannot
    // tell a rare key or address from a busy one, so the page scans the index whose matches
    // are sparsest where the page starts (probeSpan). The by-event, by-key and by-ip indexes
    // carry the other filters' columns, so entries that do not match cost no table row
    // (migration 6). Several events are one such scan per event, merged by id: each reads at
    // most limit + 1 matches, where one scan over all events would sort them or test every row.
    const auto select = [&](const std::string *event) {
        struct Candidate
        {
            const char *index;
            const char *column;
            const std::string *value;
        };
        std::vector<Candidate> candidates;
        if (event)
            candidates.push_back({"access_logs_by_event", "event", event});
        if (filter.ip)
            candidates.push_back({"access_logs_by_ip", "ip", &*filter.ip});
        if (filter.keyId)
            candidates.push_back({"access_logs_by_key", "key_id", &*filter.keyId});
        if (filter.actor)
            candidates.push_back({"access_logs_by_actor", "actor", &*filter.actor});
        const char *chosen = nullptr;
        if (candidates.size() >= 2 || (candidates.size() == 1 && filter.events.size() >= 2)) {
            int64_t widest = -1;
            for (const Candidate &c : candidates) {
                const int64_t span = probeSpan(connection, c.index, c.column, *c.value,
                                               filter.accountId, low, high, tail);
                if (span > widest) {
                    widest = span;
                    chosen = c.index;
                }
                if (span == std::numeric_limits<int64_t>::max())
                    break; // fewer than kProbeRows entries: none is smaller
            }
        }

        std::string sql = "SELECT id, timestamp, event, outcome, account_id, actor, key_id, "
                          "key_prefix, ip, user_agent, method, path, status, error_code "
                          "FROM access_logs";
        if (chosen)
            sql += std::string(" INDEXED BY ") + chosen;
        sql += " WHERE account_id = ? AND id BETWEEN ? AND ?";
        if (event)
            sql += " AND event = ?";
        if (filter.success)
            sql += " AND outcome = ?";
        if (filter.keyId)
            sql += " AND key_id = ?";
        if (filter.actor)
            sql += " AND actor = ?";
        if (filter.ip)
            sql += " AND ip = ?";
        if (filter.q)
            sql += " AND (path LIKE ? ESCAPE '\\' OR user_agent LIKE ? ESCAPE '\\' OR "
                   "COALESCE(error_code, '') LIKE ? ESCAPE '\\')";
        sql += tail ? " ORDER BY id ASC LIMIT ?" : " ORDER BY id DESC LIMIT ?";

        auto query = connection.prepare(sql);
        int n = 0;
        query.bind(1, filter.accountId).bind(2, low).bind(3, high);
        n = 3;
        if (event)
            query.bind(++n, *event);
        if (filter.success)
            query.bind(++n, std::string(*filter.success ? "success" : "failure"));
        if (filter.keyId)
            query.bind(++n, *filter.keyId);
        if (filter.actor)
            query.bind(++n, *filter.actor);
        if (filter.ip)
            query.bind(++n, *filter.ip);
        if (filter.q) {
            const std::string pattern = likePattern(*filter.q);
            for (int i = 0; i < 3; ++i)
                query.bind(++n, pattern);
        }
        query.bind(++n, filter.limit + 1); // one more tells whether another page exists

        std::vector<Row> rows;
        while (query.step()) {
            Row row;
            row.id = query.integer(0);
            AccessEvent &e = row.event;
            e.timestamp = query.integer(1);
            e.event = query.text(2);
            e.success = query.text(3) == "success";
            e.accountId = query.optionalInteger(4);
            e.actor = query.text(5);
            e.keyId = query.optionalText(6);
            e.keyPrefix = query.optionalText(7);
            e.ip = query.text(8);
            e.userAgent = query.text(9);
            e.method = query.text(10);
            e.path = query.text(11);
            e.status = int(query.integer(12));
            e.errorCode = query.optionalText(13);
            rows.push_back(std::move(row));
        }
        return rows;
    };

    std::vector<Row> rows;
    if (filter.events.empty()) {
        rows = select(nullptr);
    } else {
        for (const std::string &event : filter.events) {
            std::vector<Row> some = select(&event);
            std::move(some.begin(), some.end(), std::back_inserter(rows));
        }
        std::sort(rows.begin(), rows.end(),
                  [tail](const Row &a, const Row &b) { return tail ? a.id < b.id : a.id > b.id; });
    }
    const bool more = int64_t(rows.size()) > filter.limit;
    if (more)
        rows.resize(size_t(filter.limit));
    page.rows = std::move(rows);

    const int64_t lastId = page.rows.empty() ? 0 : page.rows.back().id;
    if (tail) {
        // Without more rows and with a bounded q scan, everything up to the bound was seen.
        if (more)
            page.nextAfter = lastId;
        else if (scanBound)
            page.nextAfter = *scanBound;
        else if (lastId)
            page.nextAfter = lastId;
    } else if (more) {
        page.nextBefore = lastId;
    } else if (scanBound) {
        page.nextBefore = *scanBound; // the scan stopped here; older events may match
    }
    return page;
}

} // namespace plexe::sandbox
