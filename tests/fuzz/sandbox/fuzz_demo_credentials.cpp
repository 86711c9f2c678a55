// Fuzz target: the demo-credentials file of a seeded sandbox (DemoCredentialsFile::parse).
// Nothing may crash; an accepted file yields accounts with an email, and a refusal a message.
#include "sandbox/DemoCredentialsFile.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<plexe::DemoAccount> accounts;
    QString error;
    if (plexe::DemoCredentialsFile::parse(text, &accounts, &error)) {
        if (accounts.isEmpty() || accounts.size() > 3)
            std::abort();
        for (const plexe::DemoAccount &account : accounts) {
            if (!account.email.contains(QLatin1Char('@')) || account.label.isEmpty())
                std::abort();
        }
    } else if (error.isEmpty() || !accounts.isEmpty()) {
        std::abort();
    }
    return 0;
}
