// Fuzz target: error bodies (ApiError::fromHttp for several statuses), Retry-After values and
// the redaction of server text. Nothing may crash, and userMessage() is never empty or multi-line.
#include "api/ApiError.h"
#include "api/RetryAfter.h"
#include "core/Redaction.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const int status : {400, 401, 403, 404, 409, 422, 429, 500, 503, 418}) {
        const plexe::ApiError e = plexe::ApiError::fromHttp(status, body);
        const QString text = e.userMessage();
        if (text.isEmpty() || e.httpStatus() != status)
            std::abort();
        for (const QString &s : {text, e.field(), e.code(), e.requestId(), e.message()}) {
            for (const QChar c : s) {
                if (c.unicode() < 0x20 || c.unicode() == 0x2028 || c.unicode() == 0x2029)
                    std::abort(); // server text reaches the UI and logs as one clean line
            }
        }
    }
    const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    if (const auto ms = plexe::RetryAfter::parse(body.left(64), now)) {
        if (*ms < 0 || *ms > plexe::RetryAfter::kMaxWaitMs)
            std::abort();
    }
    const QString redacted = plexe::Redaction::text(QString::fromUtf8(body));
    if (redacted.contains(QLatin1Char('\n')) || redacted.contains(QLatin1Char('\r')))
        std::abort();
    return 0;
}
