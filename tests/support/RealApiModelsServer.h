#pragma once
// A loopback HTTP server that answers the model routes the way the real Plexe API's docs allow
// but plexe-sandbox never does (contract §3-§4): the list as a bare JSON array with lower-case
// statuses and no pagination, the API gateway's `{"message": …}` 403 for a route it does not
// know (here: the status route), a 401 `{"message": "Unauthorized"}`, and a 429 whose
// Retry-After is an HTTP date. Built on tests/integration/ScriptedHttpServer.h.

#include "ScriptedHttpServer.h"

#include <QDateTime>
#include <QLocale>

namespace plexe::test {

class RealApiModelsServer
{
public:
    enum class ListAnswer { BareArray, Unauthorized, RateLimited };

    // The models of the bare-array list; churn has an endpoint and schemas in its details.
    static QByteArray bareList()
    {
        return R"([
 {"model_name":"churn","model_version":1,"name":"Churn","intent":"predict churn",
  "status":"completed","deployment_status":"deployed","created_at":"2026-01-01T10:00:00Z",
  "updated_at":"2026-01-02T10:00:00Z","owner":"ignored"},
 {"model_name":"fraud","model_version":2,"name":"Fraud","intent":"flag fraud",
  "status":"processing","deployment_status":null,"created_at":"2026-01-03T10:00:00Z"},
 {"model_name":"credit","model_version":"1","name":"Credit","intent":"score credit",
  "status":"failed","created_at":"2026-01-04T10:00:00Z"},
 {"model_name":"queued","model_version":"1","name":"Queued","intent":"wait",
  "status":"pending","created_at":"2026-01-05T10:00:00Z"},
 {"model_name":"old","model_version":"7","name":"Old","intent":"history",
  "status":"archived","created_at":"2025-01-05T10:00:00Z"}
])";
    }

    static QByteArray churnDetails()
    {
        return R"({"model_name":"churn","model_version":1,"name":"Churn","intent":"predict churn",
 "status":"completed","deployment_status":"deployed","created_at":"2026-01-01T10:00:00Z",
 "description":"Predicts churn.","endpoint":"https://api.plexe.ai/models/churn/1/predict",
 "metrics":{"accuracy":0.93},"input_schema":{"tenure":"int","plan":"str"},
 "output_schema":{"churn":"bool"},"tags":["crm"],"dataset_id":null,"created_by":"u_1"})";
    }

    RealApiModelsServer()
        : m_server([this](int, const QByteArray &request) { return answer(request); })
    {}

    void setListAnswer(ListAnswer answer) { m_list = answer; }
    QString origin() const { return m_server.origin(); }
    // How many requests asked for a path starting with `prefix` ("/models?", "/models/fraud/").
    int requestsFor(const QByteArray &prefix) const
    {
        int n = 0;
        for (const QByteArray &r : m_server.requests())
            n += path(r).startsWith(prefix) ? 1 : 0;
        return n;
    }
    // The moment the last 429's Retry-After named.
    QDateTime retryAt() const { return m_retryAt; }

private:
    static QByteArray path(const QByteArray &request)
    {
        return request.left(request.indexOf("\r\n")).split(' ').value(1);
    }

    QByteArray answer(const QByteArray &request)
    {
        const QByteArray p = path(request);
        if (p == "/models" || p.startsWith("/models?")) {
            switch (m_list) {
            case ListAnswer::BareArray:
                return ScriptedHttpServer::response(200, bareList());
            case ListAnswer::Unauthorized:
                return ScriptedHttpServer::response(401, R"({"message":"Unauthorized"})");
            case ListAnswer::RateLimited: {
                m_retryAt = QDateTime::currentDateTimeUtc().addSecs(90);
                const QByteArray date =
                    QLocale::c()
                        .toString(m_retryAt, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                        .toLatin1();
                return ScriptedHttpServer::response(429, R"({"message":"Too Many Requests"})",
                                                    "Retry-After: " + date + "\r\n");
            }
            }
        }
        if (p == "/models/churn")
            return ScriptedHttpServer::response(200, churnDetails());
        // The API gateway's answer for a route it does not know.
        return ScriptedHttpServer::response(403, R"({"message":"Missing Authentication Token"})");
    }

    ScriptedHttpServer m_server;
    ListAnswer m_list = ListAnswer::BareArray;
    QDateTime m_retryAt;
};

} // namespace plexe::test
