#include "logs/AccessLogRoutes.h"

#include "db/Database.h"
#include "http/ApiError.h"
#include "http/JsonReply.h"
#include "http/RequestInput.h"
#include "http/Router.h"
#include "logs/AccessLogQuery.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <httplib.h>

#include <algorithm>
#include <limits>

namespace plexe::sandbox {

namespace {
constexpr size_t kMaxText = 256;
constexpr size_t kMaxQuery = 200;
const char *const kEvents[] = {
    "auth.login",   "auth.login_failed",   "auth.mfa",        "auth.oauth",      "auth.refresh",
    "auth.logout",  "auth.reauthenticate", "api_key.created", "api_key.updated", "api_key.revoked",
    "api_key.used", "api_key.rejected",
};

// ISO-8601 with Z or an offset, to whole seconds: `since` rounds up and `until` (exclusive)
// rounds up too, so that sub-second bounds keep their meaning for whole-second events.
std::optional<int64_t> timeParam(const httplib::Request &req, const char *name)
{
    if (!req.has_param(name) || req.get_param_value(name).empty())
        return std::nullopt;
    const QString text = QString::fromStdString(req.get_param_value(name));
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        throw ApiError::validation(name, std::string(name) +
                                             " must be an ISO-8601 time with Z or an offset, "
                                             "e.g. 2026-01-31T12:00:00Z");
    const qint64 ms = time.toMSecsSinceEpoch();
    return ms / 1000 + (ms % 1000 > 0 ? 1 : 0);
}

std::optional<std::string> textParam(const httplib::Request &req, const char *name, size_t max)
{
    if (!req.has_param(name) || req.get_param_value(name).empty())
        return std::nullopt;
    const std::string value = req.get_param_value(name);
    if (value.size() > max)
        throw ApiError::validation(name, std::string(name) + " must be at most " +
                                             std::to_string(max) + " bytes");
    return value;
}

std::string encodeCursor(int64_t id)
{
    return QByteArray::number(qint64(id))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
        .toStdString();
}

int64_t decodeCursor(const std::string &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        QByteArray::fromStdString(text),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    bool ok = false;
    const qint64 id = decoded ? decoded.decoded.toLongLong(&ok) : 0;
    if (text.size() > 32 || !ok || id <= 0)
        throw ApiError::validation("cursor", "cursor is not one this server gave out");
    return id;
}

QJsonObject eventJson(const AccessLogQuery::Row &row)
{
    const AccessEvent &e = row.event;
    QJsonObject o;
    o.insert(QStringLiteral("id"), qint64(row.id));
    o.insert(QStringLiteral("timestamp"), JsonReply::timestamp(e.timestamp));
    o.insert(QStringLiteral("event"), JsonReply::string(e.event));
    o.insert(QStringLiteral("outcome"),
             e.success ? QStringLiteral("success") : QStringLiteral("failure"));
    o.insert(QStringLiteral("actor"), JsonReply::string(e.actor));
    o.insert(QStringLiteral("key_id"), e.keyId ? JsonReply::string(*e.keyId) : QJsonValue());
    o.insert(QStringLiteral("key_prefix"),
             e.keyPrefix ? JsonReply::string(*e.keyPrefix) : QJsonValue());
    o.insert(QStringLiteral("ip"), JsonReply::string(e.ip));
    o.insert(QStringLiteral("user_agent"), JsonReply::string(e.userAgent));
    o.insert(QStringLiteral("method"), JsonReply::string(e.method));
    o.insert(QStringLiteral("path"), JsonReply::string(e.path));
    o.insert(QStringLiteral("status"), e.status);
    o.insert(QStringLiteral("error_code"),
             e.errorCode ? JsonReply::string(*e.errorCode) : QJsonValue());
    return o;
}
} // namespace

AccessLogRoutes::AccessLogRoutes(Database &database) : m_database(database) {}

void AccessLogRoutes::install(Router &router)
{
    router.add("GET", "/auth/access-logs", Router::Access::Authenticated,
               [this](RequestContext &c) { list(c); });
}

void AccessLogRoutes::list(RequestContext &context)
{
    const httplib::Request &req = context.req;
    AccessLogQuery::Filter filter;
    filter.accountId = context.principal.accountId;
    filter.since = timeParam(req, "since");
    filter.until = timeParam(req, "until");
    if (filter.since && filter.until && *filter.since > *filter.until)
        throw ApiError::validation("until", "until must not be before since");
    for (size_t i = 0; i < req.get_param_value_count("event"); ++i) {
        const std::string event = req.get_param_value("event", i);
        if (event.empty())
            continue;
        if (std::find_if(std::begin(kEvents), std::end(kEvents),
                         [&](const char *known) { return event == known; }) == std::end(kEvents))
            throw ApiError::validation("event", "event must be one of the contract's event "
                                                "names, e.g. auth.login or api_key.used");
        if (std::find(filter.events.begin(), filter.events.end(), event) == filter.events.end())
            filter.events.push_back(event);
    }
    const std::string outcome =
        RequestInput::choiceParam(req, "outcome", "", {"success", "failure"});
    if (!outcome.empty())
        filter.success = outcome == "success";
    filter.keyId = textParam(req, "key_id", kMaxText);
    filter.actor = textParam(req, "actor", kMaxText);
    filter.ip = textParam(req, "ip", kMaxText);
    filter.q = textParam(req, "q", kMaxQuery);
    filter.limit = RequestInput::integerParam(req, "limit", 100, 1, 1000);
    if (const auto cursor = textParam(req, "cursor", 64))
        filter.before = decodeCursor(*cursor);
    if (req.has_param("after")) {
        if (filter.before)
            throw ApiError::validation("after", "after and cursor cannot be combined");
        filter.after =
            RequestInput::integerParam(req, "after", 0, 0, std::numeric_limits<int64_t>::max() / 2);
    }

    auto connection = m_database.acquire();
    const AccessLogQuery::Page page = AccessLogQuery::run(*connection, filter);
    QJsonArray events;
    for (const AccessLogQuery::Row &row : page.rows)
        events.append(eventJson(row));
    QJsonObject answer;
    answer.insert(QStringLiteral("events"), events);
    answer.insert(QStringLiteral("next_cursor"),
                  page.nextBefore ? JsonReply::string(encodeCursor(*page.nextBefore))
                                  : QJsonValue());
    if (filter.after)
        answer.insert(QStringLiteral("next_after"), qint64(page.nextAfter));
    JsonReply::send(context.res, 200, answer);
}

} // namespace plexe::sandbox
