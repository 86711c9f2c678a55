// Fuzz target: access-log pages.
#include "api/AccessLogDecoder.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    plexe::AccessLogPage page;
    QString error;
    if (plexe::AccessLogDecoder::page(QJsonDocument::fromJson(bytes), &page, &error)) {
        for (const plexe::AccessEvent &e : page.events) {
            if (e.id.isEmpty() || e.status < 0 || e.status > 999)
                std::abort();
        }
    } else if (error.isEmpty()) {
        std::abort();
    }
    return 0;
}
