// Fuzz target: the [Console] token answer decoder. A decoded answer always has an access token
// and a Bearer type; a rejected one keeps no token bytes.
#include "api/TokenDecoder.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    plexe::TokenAnswer answer;
    QString error;
    const bool ok = plexe::TokenDecoder::answer(QJsonDocument::fromJson(bytes), &answer, &error);
    if (ok && (answer.accessToken.isEmpty() || !error.isEmpty()))
        std::abort();
    if (!ok && (error.isEmpty() || !answer.accessToken.isEmpty()))
        std::abort();
    answer.wipe();
    return 0;
}
