#include "auth/LoopbackRequestParser.h"

#include <QSet>
#include <QStringDecoder>

namespace plexe {
namespace {

using Result = LoopbackRequestParser::Result;
using State = LoopbackRequestParser::State;

constexpr int kMaxHeaders = 64;

Result reject(int status, const char *reason)
{
    Result r;
    r.state = State::Rejected;
    r.httpStatus = status;
    r.reason = QString::fromLatin1(reason);
    return r;
}

// RFC 9110 tchar.
bool isTokenChar(unsigned char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s) {
        if (!isTokenChar(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<QString> decodeComponent(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (int i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '+') {
            out.append(' ');
        } else if (c == '%') {
            if (i + 2 >= raw.size())
                return std::nullopt;
            const int hi = hexValue(raw.at(i + 1));
            const int lo = hexValue(raw.at(i + 2));
            if (hi < 0 || lo < 0)
                return std::nullopt;
            out.append(char(hi * 16 + lo));
            i += 2;
        } else if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
            return std::nullopt; // raw bytes outside visible ASCII must arrive percent-encoded
        } else {
            out.append(c);
        }
    }
    for (const char c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return std::nullopt; // no NUL, CR, LF or other controls inside a value
    }
    return decodeUtf8(out);
}

// Every CR must start a CRLF and every LF must end one (no bare line ends, RFC 9112 §2.2).
bool lineEndsAreStrict(const QByteArray &bytes)
{
    for (int i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\r' && i + 1 < bytes.size() && bytes.at(i + 1) != '\n')
            return false;
        if (c == '\n' && (i == 0 || bytes.at(i - 1) != '\r'))
            return false;
    }
    return true;
}

Result parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3)
        return reject(400, "Malformed request line");
    const QByteArray &method = parts.at(0);
    const QByteArray &target = parts.at(1);
    const QByteArray &version = parts.at(2);
    if (!isToken(method))
        return reject(400, "Malformed method");
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        if (version.startsWith("HTTP/"))
            return reject(505, "HTTP version not supported");
        return reject(400, "Malformed HTTP version");
    }
    if (target.isEmpty() || target.at(0) != '/')
        return reject(400, "Malformed request target");
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '#')
            return reject(400, "Malformed request target");
    }
    if (method != "GET")
        return reject(405, "Only GET is accepted here");
    const int q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    if (path != LoopbackRequestParser::callbackPath())
        return reject(404, "Not found");
    const auto query = LoopbackRequestParser::parseQuery(q < 0 ? QByteArray() : target.mid(q + 1));
    if (!query)
        return reject(400, "Malformed query");
    Result r;
    r.state = State::Complete;
    r.request.path = path;
    r.request.query = *query;
    return r;
}

} // namespace

std::optional<QueryItems> LoopbackRequestParser::parseQuery(const QByteArray &rawQuery)
{
    QueryItems items;
    QSet<QString> seen;
    if (rawQuery.isEmpty())
        return items;
    for (const QByteArray &pair : rawQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        const auto name = decodeComponent(eq < 0 ? pair : pair.left(eq));
        const auto value = decodeComponent(eq < 0 ? QByteArray() : pair.mid(eq + 1));
        if (!name || !value || name->isEmpty() || seen.contains(*name))
            return std::nullopt;
        seen.insert(*name);
        items.append({*name, *value});
    }
    return items;
}

LoopbackRequestParser::Result LoopbackRequestParser::parse(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return reject(400, "NUL byte in request");
    if (!lineEndsAreStrict(bytes))
        return reject(400, "Bare CR or LF in request");

    const int lineEnd = bytes.indexOf("\r\n");
    if (lineEnd < 0) {
        if (bytes.size() > kMaxRequestBytes)
            return reject(414, "Request line too long");
        return Result{};
    }
    if (lineEnd + 2 > kMaxRequestBytes)
        return reject(414, "Request line too long");

    Result result = parseRequestLine(bytes.left(lineEnd));
    if (result.state == State::Rejected)
        return result;

    const int headEnd = bytes.indexOf("\r\n\r\n", lineEnd);
    if (headEnd < 0 && bytes.size() <= kMaxRequestBytes)
        return Result{}; // headers still arriving
    if (headEnd < 0 || headEnd + 4 > kMaxRequestBytes)
        return reject(431, "Request header fields too large");

    const bool http11 = bytes.left(lineEnd).endsWith("HTTP/1.1");
    int hostCount = 0;
    const int headLength = headEnd - (lineEnd + 2);
    const QByteArray head = headLength > 0 ? bytes.mid(lineEnd + 2, headLength) : QByteArray();
    const QList<QByteArray> lines = head.isEmpty() ? QList<QByteArray>() : head.split('\n');
    if (lines.size() > kMaxHeaders)
        return reject(431, "Too many header fields");
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty() || line.at(0) == ' ' || line.at(0) == '\t')
            return reject(400, "Malformed header field"); // obsolete line folding
        const int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return reject(400, "Malformed header field");
        const QByteArray value = line.mid(colon + 1).trimmed();
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t') || u == 0x7f)
                return reject(400, "Control character in header field");
        }
        if (!decodeUtf8(value))
            return reject(400, "Header field is not UTF-8");
        const QByteArray name = line.left(colon).toLower();
        if (name == "host") {
            ++hostCount;
            result.request.host = value;
        } else if (name == "transfer-encoding" || (name == "content-length" && value != "0")) {
            return reject(400, "A callback request has no body");
        }
    }
    if (hostCount > 1 || (http11 && hostCount == 0))
        return reject(400, "Exactly one Host header is required");
    return result;
}

} // namespace plexe
