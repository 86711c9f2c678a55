#pragma once

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace plexe {

// Parses an HTTP Retry-After value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
class RetryAfter
{
public:
    static constexpr qint64 kMaxWaitMs = 3600 * 1000; // never wait more than an hour

    // The wait in milliseconds from `now`, capped at kMaxWaitMs and never negative;
    // nullopt when the value is missing or unreadable (the caller then uses its default).
    static std::optional<qint64> parse(const QByteArray &value, const QDateTime &now);
    // Parses the three HTTP-date forms (IMF-fixdate, RFC 850, asctime); invalid if none fits.
    static QDateTime parseHttpDate(const QByteArray &value);
};

} // namespace plexe
