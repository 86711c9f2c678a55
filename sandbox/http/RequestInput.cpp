#include "http/RequestInput.h"

#include "http/ApiError.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <httplib.h>

#include <cmath>

namespace plexe::sandbox {

QJsonObject RequestInput::jsonObject(const httplib::Request &req)
{
    if (req.body.empty())
        throw ApiError::invalidRequest("A JSON object body is required");
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(req.body.data(), qsizetype(req.body.size())), &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::invalidRequest(
            "The body is not valid JSON: " + error.errorString().toStdString() + " at offset " +
            std::to_string(error.offset));
    if (!doc.isObject())
        throw ApiError::invalidRequest("The body must be a JSON object");
    return doc.object();
}

int64_t RequestInput::integerParam(const httplib::Request &req, const std::string &name,
                                   int64_t fallback, int64_t min, int64_t max)
{
    if (!req.has_param(name.c_str()))
        return fallback;
    const std::string text = req.get_param_value(name.c_str());
    const std::string range = std::to_string(min) + ".." + std::to_string(max);
    if (text.empty() || text.size() > 18 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw ApiError::validation(name, name + " must be an integer in " + range);
    const int64_t value = std::stoll(text);
    if (value < min || value > max)
        throw ApiError::validation(name, name + " must be an integer in " + range);
    return value;
}

std::string RequestInput::choiceParam(const httplib::Request &req, const std::string &name,
                                      const std::string &fallback,
                                      std::initializer_list<const char *> allowed)
{
    if (!req.has_param(name.c_str()))
        return fallback;
    const std::string value = req.get_param_value(name.c_str());
    std::string list;
    for (const char *choice : allowed) {
        if (value == choice)
            return value;
        list += (list.empty() ? "" : ", ") + std::string(choice);
    }
    throw ApiError::validation(name, name + " must be one of: " + list);
}

std::optional<int64_t> RequestInput::integerField(const QJsonObject &body, const char *field,
                                                  int64_t min, int64_t max)
{
    const QJsonValue value = body.value(QLatin1String(field));
    if (value.isNull())
        return std::nullopt;
    const std::string range = std::to_string(min) + ".." + std::to_string(max);
    const double d = value.toDouble();
    if (!value.isDouble() || std::floor(d) != d || d < double(min) || d > double(max))
        throw ApiError::validation(field, std::string(field) + " must be an integer in " + range);
    return int64_t(d);
}

} // namespace plexe::sandbox
