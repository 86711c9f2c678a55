#include "auth/Base32.h"

namespace plexe::sandbox {

namespace {
const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int valueOf(char16_t c)
{
    if (c >= u'A' && c <= u'Z')
        return c - u'A';
    if (c >= u'a' && c <= u'z')
        return c - u'a';
    if (c >= u'2' && c <= u'7')
        return c - u'2' + 26;
    return -1;
}
} // namespace

QString Base32::encode(const QByteArray &data, bool pad)
{
    QString out;
    out.reserve((data.size() + 4) / 5 * 8);
    quint32 buffer = 0;
    int bits = 0;
    for (char byte : data) {
        buffer = (buffer << 8) | static_cast<quint8>(byte);
        bits += 8;
        while (bits >= 5) {
            out.append(QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 0x1f]));
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 0x1f]));
    if (pad)
        while (out.size() % 8 != 0)
            out.append(QLatin1Char('='));
    return out;
}

std::optional<QByteArray> Base32::decode(const QString &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    int symbols = 0;
    bool paddingSeen = false;
    for (QChar qc : text) {
        const char16_t c = qc.unicode();
        if (c == u' ' || c == u'-')
            continue;
        if (c == u'=') {
            paddingSeen = true;
            continue;
        }
        const int value = valueOf(c);
        if (value < 0 || paddingSeen)
            return std::nullopt;
        buffer = ((buffer << 5) | static_cast<quint32>(value)) & 0xfff;
        bits += 5;
        ++symbols;
        if (bits >= 8) {
            out.append(static_cast<char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    // Valid lengths of the final group are 0, 2, 4, 5 and 7 symbols (RFC 4648 §6); leftover
    // bits must be zero so that each byte string has one encoding.
    const int tail = symbols % 8;
    if (tail == 1 || tail == 3 || tail == 6)
        return std::nullopt;
    if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

} // namespace plexe::sandbox
