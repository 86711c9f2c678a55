#pragma once

#include <QString>
#include <optional>

namespace plexe {

// The signed-in account (GET /auth/user). Optional numbers are empty when the server omits them.
struct User
{
    QString userId;
    QString email;
    QString name;
    QString userName;
    std::optional<double> credits;
    std::optional<double> consumption;
    std::optional<bool> isActive;
    std::optional<bool> hasApiKey;
};

} // namespace plexe
