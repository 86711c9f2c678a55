#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace plexe {

// Builds a flat JSON object of string fields straight from raw UTF-8 bytes, so that a password
// never passes through a QString or QJsonValue copy that would be freed without being wiped.
class SecretJson
{
public:
    // {"name": "value", ...}; names are trusted ASCII, values are escaped per RFC 8259.
    static QByteArray object(const QList<QPair<QByteArray, const QByteArray *>> &fields);
};

} // namespace plexe
