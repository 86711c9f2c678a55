#pragma once

#include "api/AccessLogPage.h"

#include <QJsonDocument>

namespace plexe {

// Pure decoder for a [Console] access-log page (contract §6).
class AccessLogDecoder
{
public:
    static bool page(const QJsonDocument &doc, AccessLogPage *out, QString *error);
};

} // namespace plexe
