#include "core/RelativeTime.h"

#include <QCoreApplication>

namespace plexe {

QString RelativeTime::format(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("Never");
    const qint64 seconds = now.secsTo(when);
    const bool future = seconds > 0;
    const qint64 span = future ? seconds : -seconds;
    if (span < 45)
        return future ? tr("in a few seconds") : tr("just now");
    const qint64 minutes = (span + 30) / 60;
    if (minutes < 60) {
        const int n = int(minutes);
        return future ? tr("in %n min", nullptr, n) : tr("%n min ago", nullptr, n);
    }
    const qint64 hours = (span + 1800) / 3600;
    if (hours < 24) {
        const int n = int(hours);
        return future ? tr("in %n h", nullptr, n) : tr("%n h ago", nullptr, n);
    }
    const int days = int((span + 43200) / 86400);
    // Singular sentences of their own, so English reads right without a translation loaded.
    if (days == 1)
        return future ? tr("tomorrow") : tr("yesterday");
    if (days < 365)
        return future ? tr("in %n days", nullptr, days) : tr("%n days ago", nullptr, days);
    const int years = days / 365;
    if (years == 1)
        return future ? tr("in a year") : tr("a year ago");
    return future ? tr("in %n years", nullptr, years) : tr("%n years ago", nullptr, years);
}

QString RelativeTime::absolute(const QDateTime &when, bool utc)
{
    if (!when.isValid())
        return tr("Never");
    if (utc)
        return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
               QStringLiteral(" UTC");
    const QDateTime local = when.toLocalTime();
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + local.timeZoneAbbreviation();
}

} // namespace plexe
