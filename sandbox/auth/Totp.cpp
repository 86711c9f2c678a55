#include "auth/Totp.h"

#include "auth/AuthCrypto.h"
#include "auth/Base32.h"

#include <QUrl>

namespace plexe::sandbox {

QByteArray Totp::generateSecret()
{
    return authcrypto::randomBytes(kSecretBytes);
}

qint64 Totp::timeStep(qint64 unixSeconds)
{
    return unixSeconds < 0 ? 0 : unixSeconds / kPeriodSeconds;
}

QString Totp::codeForStep(const QByteArray &secret, qint64 step)
{
    // RFC 6238 §4.2: the counter is the step as an 8-byte big-endian integer.
    QByteArray counter(8, '\0');
    auto value = static_cast<quint64>(step < 0 ? 0 : step);
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<char>(value & 0xff);
        value >>= 8;
    }
    const QByteArray mac = authcrypto::hmacSha1(secret, counter);
    const int offset = static_cast<quint8>(mac[mac.size() - 1]) & 0x0f;
    const quint32 binary = ((static_cast<quint8>(mac[offset]) & 0x7fu) << 24) |
                           (static_cast<quint8>(mac[offset + 1]) << 16) |
                           (static_cast<quint8>(mac[offset + 2]) << 8) |
                           static_cast<quint8>(mac[offset + 3]);
    return QStringLiteral("%1").arg(binary % 1000000u, kDigits, 10, QLatin1Char('0'));
}

QString Totp::codeAt(const QByteArray &secret, qint64 unixSeconds)
{
    return codeForStep(secret, timeStep(unixSeconds));
}

std::optional<qint64> Totp::verify(const QByteArray &secret, const QString &code,
                                   qint64 unixSeconds, qint64 lastUsedStep)
{
    if (secret.isEmpty() || code.size() != kDigits)
        return std::nullopt;
    for (QChar c : code)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    const QByteArray presented = code.toLatin1();
    const qint64 now = timeStep(unixSeconds);
    std::optional<qint64> matched;
    // Every candidate is computed and compared, so the time taken does not say which matched.
    for (qint64 step = now - kWindowSteps; step <= now + kWindowSteps; ++step) {
        if (step < 0)
            continue;
        const bool equal =
            authcrypto::constantTimeEquals(codeForStep(secret, step).toLatin1(), presented);
        if (equal && step > lastUsedStep && !matched)
            matched = step;
    }
    return matched;
}

QString Totp::provisioningUri(const QString &email, const QByteArray &secret)
{
    const QString label = QString::fromLatin1(QUrl::toPercentEncoding(email));
    return QStringLiteral("otpauth://totp/Plexe%20Sandbox:") + label + QStringLiteral("?secret=") +
           Base32::encode(secret) +
           QStringLiteral("&issuer=Plexe%20Sandbox&algorithm=SHA1&digits=6&period=30");
}

} // namespace plexe::sandbox
