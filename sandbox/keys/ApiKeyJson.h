#pragma once

#include <QJsonObject>

#include <cstdint>

namespace plexe::sandbox {

struct ApiKey;

// The contract's list item for a key: never the secret, only key_prefix and key_suffix.
class ApiKeyJson
{
public:
    static QJsonObject item(const ApiKey &key, int64_t now);
};

} // namespace plexe::sandbox
