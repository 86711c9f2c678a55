#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace plexe {

// Dates as the panes show them: relative in cells ("3 min ago", "in 29 days"), absolute with
// the zone in tooltips (ui.md "Dates").
class RelativeTime
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)

public:
    // `when` relative to `now`; "Never" for an invalid `when`.
    static QString format(const QDateTime &when, const QDateTime &now);
    // "2026-11-27 07:23 UTC" or in local time with the zone's abbreviation.
    static QString absolute(const QDateTime &when, bool utc = false);
};

} // namespace plexe
