// Fuzz target: the OpenID Connect discovery decoder of the browser sign-in. A decoded
// configuration always names the expected issuer and only allowed (https or loopback) endpoints.
#include "api/ApiClient.h"
#include "auth/OidcConfiguration.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QUrl base(QStringLiteral("https://127.0.0.1:8443"));
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    plexe::OidcConfiguration config;
    QString error;
    const bool ok =
        plexe::OidcConfiguration::decode(QJsonDocument::fromJson(bytes), base, &config, &error);
    if (ok) {
        if (config.issuer.isEmpty() || !plexe::ApiClient::isAllowedUrl(config.tokenEndpoint) ||
            !plexe::ApiClient::isAllowedUrl(config.authorizationEndpoint))
            std::abort();
    } else if (error.isEmpty()) {
        std::abort();
    }
    return 0;
}
