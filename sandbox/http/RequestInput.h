#pragma once

#include <QJsonObject>

#include <cstdint>
#include <optional>
#include <string>

namespace httplib {
struct Request;
}

namespace plexe::sandbox {

// Reads and validates request input: the JSON object body (400 when it is not one) and query
// parameters (422 validation_failed naming the parameter).
class RequestInput
{
public:
    static QJsonObject jsonObject(const httplib::Request &req);
    static int64_t integerParam(const httplib::Request &req, const std::string &name,
                                int64_t fallback, int64_t min, int64_t max);
    // The parameter if present; 422 if it is not one of `allowed` (case-sensitive).
    static std::string choiceParam(const httplib::Request &req, const std::string &name,
                                   const std::string &fallback,
                                   std::initializer_list<const char *> allowed);
    // A JSON number that is a whole number in [min, max]; nullopt for JSON null.
    static std::optional<int64_t> integerField(const QJsonObject &body, const char *field,
                                               int64_t min, int64_t max);
};

} // namespace plexe::sandbox
