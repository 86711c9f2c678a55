// Fuzz target: model list, details and status answers (and the account answer).
#include "api/ModelDecoder.h"
#include "api/UserDecoder.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    QString error;
    plexe::ModelPage page;
    if (plexe::ModelDecoder::page(doc, &page, &error)) {
        for (const plexe::Model &m : page.models) {
            if (m.modelName.isEmpty() || plexe::displayStatus(m.status).isEmpty())
                std::abort();
        }
    } else if (error.isEmpty()) {
        std::abort();
    }
    plexe::ModelDetails details;
    plexe::ModelDecoder::details(doc, &details, &error);
    plexe::ModelStatus status;
    plexe::ModelDecoder::status(doc, &status, &error);
    plexe::User user;
    plexe::UserDecoder::user(doc, &user, &error);
    return 0;
}
