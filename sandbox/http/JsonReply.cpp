#include "http/JsonReply.h"

#include "http/ApiError.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <httplib.h>

namespace plexe::sandbox {

void JsonReply::send(httplib::Response &res, int status, const QJsonObject &body)
{
    res.status = status;
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    res.set_content(json.constData(), size_t(json.size()), "application/json");
}

void JsonReply::sendError(httplib::Response &res, const ApiError &error,
                          const std::string &requestId)
{
    QJsonObject inner;
    inner.insert(QStringLiteral("code"), string(error.code()));
    inner.insert(QStringLiteral("message"), string(error.what()));
    inner.insert(QStringLiteral("status"), error.status());
    if (!error.details().isEmpty())
        inner.insert(QStringLiteral("details"), error.details());
    QJsonObject body;
    body.insert(QStringLiteral("error"), inner);
    body.insert(QStringLiteral("request_id"), string(requestId));
    if (error.retryAfter())
        res.set_header("Retry-After", std::to_string(*error.retryAfter()));
    if (error.status() == 401)
        res.set_header("WWW-Authenticate", "Bearer realm=\"plexe-sandbox\"");
    send(res, error.status(), body);
}

void JsonReply::sendError(httplib::Response &res, int status, const std::string &code,
                          const std::string &message, const std::string &requestId)
{
    sendError(res, ApiError(status, code, message), requestId);
}

QJsonObject JsonReply::pagination(int64_t total, int64_t limit, int64_t offset, int64_t returned)
{
    QJsonObject p;
    p.insert(QStringLiteral("total"), qint64(total));
    p.insert(QStringLiteral("limit"), qint64(limit));
    p.insert(QStringLiteral("offset"), qint64(offset));
    p.insert(QStringLiteral("has_more"), offset + returned < total);
    return p;
}

QJsonValue JsonReply::string(const std::string &text)
{
    return QString::fromStdString(text);
}

QJsonValue JsonReply::timestamp(int64_t unixSeconds)
{
    return QString::fromStdString(Clock::iso8601(unixSeconds));
}

QJsonValue JsonReply::optionalTimestamp(const std::optional<int64_t> &unixSeconds)
{
    return unixSeconds ? timestamp(*unixSeconds) : QJsonValue(QJsonValue::Null);
}

} // namespace plexe::sandbox
