#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace plexe::sandbox {

// RFC 6238 time-based one-time passwords as the contract fixes them: HMAC-SHA1, 6 digits,
// 30-second steps, accepted one step either side. Time is always an argument (no hidden clock),
// so that tests and the replay check are deterministic.
class Totp
{
public:
    static constexpr int kDigits = 6;
    static constexpr qint64 kPeriodSeconds = 30;
    static constexpr int kWindowSteps = 1;
    static constexpr int kSecretBytes = 20; // RFC 4226 §4 recommends 160 bits

    // A fresh random secret (raw bytes; store it, show Base32::encode() of it once).
    static QByteArray generateSecret();

    // The time step a Unix time falls into: floor(t / 30). Negative times give step 0.
    static qint64 timeStep(qint64 unixSeconds);

    // The code for one time step, zero-padded to 6 digits (RFC 4226 §5.3 dynamic truncation).
    static QString codeForStep(const QByteArray &secret, qint64 step);
    static QString codeAt(const QByteArray &secret, qint64 unixSeconds);

    // Checks `code` (exactly 6 ASCII digits) against steps t-1, t, t+1 and returns the step it
    // matched, or nullopt. Steps at or below `lastUsedStep` are refused: the caller stores the
    // returned step and passes it next time, so a code (or an older one) cannot be replayed
    // (RFC 6238 §5.2). Pass -1 when the account has never used a code.
    static std::optional<qint64> verify(const QByteArray &secret, const QString &code,
                                        qint64 unixSeconds, qint64 lastUsedStep = -1);

    // otpauth://totp/Plexe%20Sandbox:<email>?secret=<base32, no padding>&issuer=Plexe%20Sandbox
    // &algorithm=SHA1&digits=6&period=30. The email is percent-encoded (RFC 3986 unreserved
    // characters kept), so '@' appears as %40 and a '?' or '#' in it cannot break the URI.
    static QString provisioningUri(const QString &email, const QByteArray &secret);
};

} // namespace plexe::sandbox
