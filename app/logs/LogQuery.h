#pragma once

#include "api/AccessLogFilters.h"
#include "logs/LogColumn.h"

#include <QDateTime>
#include <QFlags>
#include <QJsonObject>
#include <QStringList>

namespace plexe {

// One question asked of the loaded events: every filter combines (AND); empty fields do not
// filter. Evaluated by QueryEngine off the GUI thread.
struct LogQuery
{
    enum class Outcome { Any, Success, Failure };

    // Each filter, for "which filters did the server apply" (contract §6).
    enum Field {
        Since = 0x01,
        Until = 0x02,
        Events = 0x04,
        OutcomeField = 0x08,
        Key = 0x10,
        Actor = 0x20,
        Ip = 0x40,
        Text = 0x80,
    };
    Q_DECLARE_FLAGS(Fields, Field)

    QDateTime since;    // inclusive; invalid: open
    QDateTime until;    // exclusive; invalid: open
    QStringList events; // event names (exact); empty: every event
    Outcome outcome = Outcome::Any;
    QString keyId; // exact key id; a value that looks like a key prefix (plx_…) matches it too
    QString actor; // exact, case-insensitive
    QString ip;    // exact; ending in '*' (e.g. "203.0.113.*"): a prefix
    // Free text, case-insensitive substring of the event, actor, key id and prefix, IP, user
    // agent, method, path or error code. (The server's q covers path, user agent and error
    // code only, so a load narrowed by q on the server may miss rows whose actor matches.)
    QString text;

    LogColumn sortColumn = LogColumn::Time;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;

    // The filters set in this query.
    Fields activeFields() const;
    // The filters the access-log route applies itself (contract §6): all of them for exact
    // values; an IP prefix ("…*") stays local.
    Fields serverCapableFields() const;
    // The server-capable filters among `fields` (default: all of them) for the loader; the
    // caller keeps applying the whole query locally, which is harmless for what the server did.
    AccessLogFilters serverFilters(Fields fields = Fields(0xff)) const;
    // Field names for the UI and exports ("time range", "event types", "outcome", ...).
    static QStringList fieldNames(Fields fields);

    // A one-line description ("since 2026-03-29T00:00:00Z; event auth.login; text "x"") and a
    // JSON form, both for export headers.
    QString describe() const;
    QJsonObject toJson() const;

    bool operator==(const LogQuery &other) const;
    bool operator!=(const LogQuery &other) const { return !(*this == other); }
};

} // namespace plexe

Q_DECLARE_OPERATORS_FOR_FLAGS(plexe::LogQuery::Fields)
