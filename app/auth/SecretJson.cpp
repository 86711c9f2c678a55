#include "auth/SecretJson.h"

namespace plexe {

QByteArray SecretJson::object(const QList<QPair<QByteArray, const QByteArray *>> &fields)
{
    qsizetype size = 2;
    for (const auto &field : fields)
        size += field.first.size() + field.second->size() * 6 + 6;
    QByteArray out;
    out.reserve(size); // one allocation: no reallocation leaves a partial copy behind
    out += '{';
    for (const auto &field : fields) {
        if (out.size() > 1)
            out += ',';
        out += '"' + field.first + "\":\"";
        for (const char c : *field.second) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (u < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xf];
            } else {
                out += c; // UTF-8 passes through as is
            }
        }
        out += '"';
    }
    out += '}';
    return out;
}

} // namespace plexe
