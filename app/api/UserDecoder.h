#pragma once

#include "api/User.h"

#include <QJsonDocument>

namespace plexe {

// Pure decoder for GET /auth/user.
class UserDecoder
{
public:
    static bool user(const QJsonDocument &doc, User *out, QString *error);
};

} // namespace plexe
