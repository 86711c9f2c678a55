#pragma once

#include "logs/LogColumn.h"

#include <QString>
#include <QTimeZone>

namespace plexe {

class LogTable;

// How one cell of the Access Logs table reads, shared by the table model, "copy row" and the
// exporter so that all three say the same. Server text is neutralised (DisplayText).
class LogFormat
{
public:
    // "2026-03-29 03:00:00" in `zone`.
    static QString time(qint64 utcMs, const QTimeZone &zone);
    // ISO-8601 with the zone's offset, "2026-03-29T03:00:00.000+02:00" (exports).
    static QString isoTime(qint64 utcMs, const QTimeZone &zone);
    // The zone's short name at `utcMs` ("UTC", "CET", "CEST"); the offset ("UTC+02:00") when
    // the system has no abbreviation for it.
    static QString zoneName(const QTimeZone &zone, qint64 utcMs);
    // The cell's text as shown (neutralised); Time in `zone`, Request as "GET /models".
    static QString cell(const LogTable &table, quint32 row, LogColumn column,
                        const QTimeZone &zone);
};

} // namespace plexe
