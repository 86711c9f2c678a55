#pragma once

#include <QJsonObject>

#include <string>

namespace plexe::sandbox {

// Validates a key name from a JSON body: a string, in Unicode NFC, trimmed, 1 to 100
// characters, no control characters (they would let a name forge lines in logs and tables), no
// invisible or bidi control characters (Unicode Cf, Zl, Zp: they would let a name pass for
// another). Throws 422 otherwise.
class KeyName
{
public:
    static constexpr int kMaxLength = 100;
    static std::string fromJson(const QJsonObject &body);
};

} // namespace plexe::sandbox
