#include "logs/LogHistogram.h"

#include <algorithm>

namespace plexe {

quint32 LogHistogram::maxTotal() const
{
    quint32 most = 0;
    for (int i = 0; i < bucketCount(); ++i)
        most = std::max(most, total(i));
    return most;
}

qint64 LogHistogram::bucketSecondsFor(qint64 rangeSeconds)
{
    constexpr qint64 hour = 3600, day = 86400;
    if (rangeSeconds <= 3 * hour)
        return 60;
    if (rangeSeconds <= 12 * hour)
        return 5 * 60;
    if (rangeSeconds <= 2 * day)
        return 15 * 60;
    if (rangeSeconds <= 8 * day)
        return hour;
    if (rangeSeconds < 30 * day)
        return 6 * hour;
    if (rangeSeconds <= 366 * day)
        return day;
    return 7 * day;
}

LogHistogram LogHistogram::forRange(qint64 startMs, qint64 endMs)
{
    LogHistogram h;
    if (endMs <= startMs)
        endMs = startMs + 1;
    const qint64 size = bucketSecondsFor((endMs - startMs + 999) / 1000);
    const qint64 sizeMs = size * 1000;
    // Floor towards minus infinity, so times before 1970 bucket the same way.
    const qint64 first =
        (startMs >= 0 ? startMs / sizeMs : (startMs - sizeMs + 1) / sizeMs) * sizeMs;
    const qint64 count = (endMs - first + sizeMs - 1) / sizeMs;
    h.start = QDateTime::fromMSecsSinceEpoch(first, Qt::UTC);
    h.bucketSeconds = size;
    h.successes.fill(0, int(std::max<qint64>(count, 1)));
    h.failures.fill(0, h.successes.size());
    return h;
}

int LogHistogram::bucketOf(qint64 ms) const
{
    if (!start.isValid() || bucketSeconds <= 0)
        return -1;
    const qint64 offset = ms - start.toMSecsSinceEpoch();
    if (offset < 0)
        return -1;
    const qint64 i = offset / (bucketSeconds * 1000);
    return i < bucketCount() ? int(i) : -1;
}

} // namespace plexe
