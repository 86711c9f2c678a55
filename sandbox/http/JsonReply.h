#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include <string>

namespace httplib {
struct Response;
}

namespace plexe::sandbox {

class ApiError;

// Writes JSON answers, and every error in the one shape the sandbox uses.
class JsonReply
{
public:
    static void send(httplib::Response &res, int status, const QJsonObject &body);
    static void sendError(httplib::Response &res, const ApiError &error,
                          const std::string &requestId);
    static void sendError(httplib::Response &res, int status, const std::string &code,
                          const std::string &message, const std::string &requestId);
    // `{total, limit, offset, has_more}` for list answers.
    static QJsonObject pagination(int64_t total, int64_t limit, int64_t offset, int64_t returned);
    static QJsonValue string(const std::string &text);
    static QJsonValue timestamp(int64_t unixSeconds);
    static QJsonValue optionalTimestamp(const std::optional<int64_t> &unixSeconds);
};

} // namespace plexe::sandbox
