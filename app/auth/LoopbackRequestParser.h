#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace plexe {

// Decoded query parameters, in the order they arrived.
using QueryItems = QList<QPair<QString, QString>>;

// What the loopback receiver needs from one browser request.
struct LoopbackRequest
{
    QByteArray path;
    QueryItems query;
    QByteArray host; // the Host header as sent (empty for HTTP/1.0 without one)
};

// Strict, pure parser for the single `GET /callback?…` request a browser sends to the loopback
// receiver; every malformed input gets a definite 4xx/5xx so that the receiver never guesses.
class LoopbackRequestParser
{
public:
    static constexpr int kMaxRequestBytes = 8192;

    enum class State {
        Incomplete, // need more bytes
        Complete,   // a well-formed GET /callback with its head fully read
        Rejected,   // answer with httpStatus and close
    };

    struct Result
    {
        State state = State::Incomplete;
        int httpStatus = 0; // set when Rejected
        QString reason;     // short fixed text; never echoes request bytes
        LoopbackRequest request;
    };

    // Parses everything received so far on one connection.
    static Result parse(const QByteArray &bytes);

    // application/x-www-form-urlencoded query (no leading '?'): strict percent-decoding, '+' as
    // space, valid UTF-8, no control characters, no empty or repeated names.
    static std::optional<QueryItems> parseQuery(const QByteArray &rawQuery);

    static QByteArray callbackPath() { return QByteArrayLiteral("/callback"); }
};

} // namespace plexe
