#include "http/ApiError.h"
#include "http/Router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <httplib.h>

using namespace plexe::sandbox;

class TestRouter : public QObject
{
    Q_OBJECT
private:
    static QJsonObject errorOf(const httplib::Response &res)
    {
        return QJsonDocument::fromJson(QByteArray::fromStdString(res.body))
            .object()
            .value(QStringLiteral("error"))
            .toObject();
    }

    httplib::Response call(const Router &router, const char *method, const char *path)
    {
        httplib::Request req;
        req.method = method;
        req.path = path;
        httplib::Response res;
        router.dispatch(req, res);
        return res;
    }

    Router makeRouter()
    {
        Router router(
            [](RequestContext &) { throw ApiError(401, "unauthorized", "no credentials"); });
        router.add("GET", "/public/{id}", Router::Access::Public, [](RequestContext &c) {
            c.res.status = 200;
            c.res.body = c.params.at(0);
        });
        router.add("GET", "/secret", Router::Access::Authenticated,
                   [](RequestContext &c) { c.res.status = 200; });
        router.add("POST", "/boom", Router::Access::Public,
                   [](RequestContext &) { throw std::runtime_error("db exploded"); });
        return router;
    }

private slots:
    void routesWithParameters()
    {
        const Router router = makeRouter();
        const auto res = call(router, "GET", "/public/abc");
        QCOMPARE(res.status, 200);
        QCOMPARE(res.body, std::string("abc"));
        QVERIFY(res.get_header_value("X-Request-Id").rfind("req_", 0) == 0);
        QCOMPARE(call(router, "HEAD", "/public/x").status, 200);
    }
    void unknownRouteIs404InTheErrorShape()
    {
        const auto res = call(makeRouter(), "GET", "/nowhere");
        QCOMPARE(res.status, 404);
        QCOMPARE(errorOf(res).value(QStringLiteral("code")).toString(),
                 QStringLiteral("not_found"));
        QCOMPARE(errorOf(res).value(QStringLiteral("status")).toInt(), 404);
        const auto body = QJsonDocument::fromJson(QByteArray::fromStdString(res.body)).object();
        QCOMPARE(body.value(QStringLiteral("request_id")).toString().toStdString(),
                 res.get_header_value("X-Request-Id"));
    }
    void wrongMethodIs405WithAllow()
    {
        const auto res = call(makeRouter(), "DELETE", "/public/1");
        QCOMPARE(res.status, 405);
        QCOMPARE(res.get_header_value("Allow"), std::string("GET"));
        QCOMPARE(errorOf(res).value(QStringLiteral("code")).toString(),
                 QStringLiteral("method_not_allowed"));
    }
    void guardRunsOnProtectedRoutesOnly()
    {
        const Router router = makeRouter();
        QCOMPARE(call(router, "GET", "/secret").status, 401);
        QCOMPARE(call(router, "GET", "/public/1").status, 200);
    }
    void handlerExceptionsBecome500WithoutDetails()
    {
        const auto res = call(makeRouter(), "POST", "/boom");
        QCOMPARE(res.status, 500);
        QCOMPARE(errorOf(res).value(QStringLiteral("code")).toString(),
                 QStringLiteral("server_error"));
        QVERIFY(res.body.find("exploded") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
