#pragma once

#include <QJsonObject>

#include <optional>
#include <stdexcept>
#include <string>

namespace plexe::sandbox {

// A client-facing failure with its HTTP status and contract error code. Handlers throw it; the
// router answers `{"error": {code, message, status, details?}, "request_id"}`.
class ApiError : public std::runtime_error
{
public:
    ApiError(int status, std::string code, const std::string &message,
             QJsonObject details = QJsonObject())
        : std::runtime_error(message), m_status(status), m_code(std::move(code)),
          m_details(std::move(details))
    {}

    static ApiError invalidRequest(const std::string &message)
    {
        return ApiError(400, "invalid_request", message);
    }
    // 422 for one bad field; the console shows the message next to `field`.
    static ApiError validation(const std::string &field, const std::string &message)
    {
        QJsonObject details;
        details.insert(QStringLiteral("field"), QString::fromStdString(field));
        return ApiError(422, "validation_failed", message, details);
    }
    static ApiError notFound(const std::string &message)
    {
        return ApiError(404, "not_found", message);
    }
    static ApiError rateLimited(int retryAfterSeconds, const std::string &message)
    {
        ApiError error(429, "rate_limit_exceeded", message);
        error.m_retryAfter = retryAfterSeconds;
        return error;
    }

    int status() const { return m_status; }
    const std::string &code() const { return m_code; }
    const QJsonObject &details() const { return m_details; }
    std::optional<int> retryAfter() const { return m_retryAfter; }

private:
    int m_status;
    std::string m_code;
    QJsonObject m_details;
    std::optional<int> m_retryAfter;
};

} // namespace plexe::sandbox
