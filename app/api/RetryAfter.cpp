#include "api/RetryAfter.h"

#include <QLocale>
#include <QTimeZone>

namespace plexe {

QDateTime RetryAfter::parseHttpDate(const QByteArray &raw)
{
    QString value = QString::fromLatin1(raw).simplified();
    // All three forms are GMT; strip the zone name and read the rest as UTC in the C locale
    // (day and month names are English whatever the user's locale).
    if (value.endsWith(QLatin1String(" GMT")))
        value.chop(4);
    const QLocale c = QLocale::c();
    const QLatin1String formats[] = {
        QLatin1String("ddd, dd MMM yyyy HH:mm:ss"), // IMF-fixdate
        QLatin1String("dddd, dd-MMM-yy HH:mm:ss"),  // RFC 850 (obsolete)
        QLatin1String("ddd MMM d HH:mm:ss yyyy"),   // asctime (obsolete), after simplified()
    };
    for (const auto &format : formats) {
        QDateTime dt = c.toDateTime(value, format);
        if (dt.isValid()) {
            if (format == formats[1] && dt.date().year() < 1970)
                dt = dt.addYears(100); // two-digit years: RFC 9110 says pick the nearest past
            dt.setTimeZone(QTimeZone::utc());
            return dt;
        }
    }
    return {};
}

std::optional<qint64> RetryAfter::parse(const QByteArray &raw, const QDateTime &now)
{
    const QByteArray value = raw.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool allDigits = true;
    for (const char ch : value) {
        if (ch < '0' || ch > '9') {
            allDigits = false;
            break;
        }
    }
    if (allDigits) {
        // Long digit strings overflow toLongLong; anything that long is past the cap anyway.
        if (value.size() > 9)
            return kMaxWaitMs;
        return std::min(value.toLongLong() * 1000, kMaxWaitMs);
    }
    const QDateTime when = parseHttpDate(value);
    if (!when.isValid())
        return std::nullopt;
    const qint64 ms = now.msecsTo(when);
    return std::clamp<qint64>(ms, 0, kMaxWaitMs);
}

} // namespace plexe
