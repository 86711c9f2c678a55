#pragma once

#include <QDateTime>
#include <QVector>

namespace plexe {

// Events over time for the chart: successes and failures per bucket. Bucket i covers
// [start + i·bucketSeconds, start + (i+1)·bucketSeconds). The bucket size follows the range
// (bucketSecondsFor): minutes for an hour, hours for a week, days for a month and more.
struct LogHistogram
{
    QDateTime start; // UTC; invalid when there is nothing to chart
    qint64 bucketSeconds = 0;
    QVector<quint32> successes;
    QVector<quint32> failures; // every event whose outcome is not "success"

    int bucketCount() const { return int(successes.size()); }
    QDateTime bucketStart(int i) const { return start.addSecs(qint64(i) * bucketSeconds); }
    QDateTime bucketEnd(int i) const { return bucketStart(i + 1); }
    quint32 total(int i) const { return successes.at(i) + failures.at(i); }
    quint32 maxTotal() const;

    // 60 s up to 3 h, 5 min up to 12 h, 15 min up to 2 d, 1 h up to 8 d, 6 h under 30 d,
    // 1 day up to a year, then 7 days.
    static qint64 bucketSecondsFor(qint64 rangeSeconds);
    // Empty buckets over [startMs, endMs) (UTC ms) with the size for that range; the start is
    // rounded down to a whole bucket (UTC).
    static LogHistogram forRange(qint64 startMs, qint64 endMs);
    // The bucket of a time (ms), or -1 outside.
    int bucketOf(qint64 ms) const;
};

} // namespace plexe
