#pragma once

#include "api/TokenAnswer.h"

#include <QJsonDocument>

namespace plexe {

// Pure decoder for the [Console] token answer (contract §5). access_token is required and the
// token type must be Bearer (RFC 6749 §5.1); on failure nothing of the tokens is kept.
class TokenDecoder
{
public:
    static bool answer(const QJsonDocument &doc, TokenAnswer *out, QString *error);
};

} // namespace plexe
