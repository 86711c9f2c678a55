// Fuzz target: API-key list, item and creation answers.
#include "api/KeyDecoder.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    QString error;
    plexe::ApiKeyPage page;
    if (plexe::KeyDecoder::page(doc, &page, &error)) {
        for (const plexe::ApiKey &k : page.keys) {
            if (k.keyId.isEmpty() || k.maskedKey().size() > 16)
                std::abort();
        }
    } else if (error.isEmpty()) {
        std::abort();
    }
    plexe::ApiKey key;
    plexe::KeyDecoder::key(doc, &key, &error);
    plexe::CreatedApiKey created;
    if (plexe::KeyDecoder::created(doc, &created, &error) && !created.key.startsWith("plx_sk_"))
        std::abort();
    created.wipe();
    plexe::RevokedApiKey revoked;
    plexe::KeyDecoder::revoked(doc, &revoked, &error);
    return 0;
}
