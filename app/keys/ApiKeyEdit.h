#pragma once

#include <QString>

#include <optional>

namespace plexe {

class ApiCall;
class ApiClient;

// A change to a key (PATCH /auth/api-keys/{id}): a new name and/or a new expiry. "Never"
// is sent as `"expiration_days": null`, which ApiClient::updateApiKey cannot express.
struct ApiKeyEdit
{
    enum class Expiry { Keep, Never, Days };

    QString keyId;
    std::optional<QString> name; // nullopt: unchanged
    Expiry expiry = Expiry::Keep;
    int days = 0; // for Expiry::Days, counted from now

    bool isEmpty() const { return !name && expiry == Expiry::Keep; }
    // Starts the request; the result is an ApiKey (without usage).
    ApiCall *send(ApiClient &client) const;
};

} // namespace plexe
