#include "auth/CallbackValidator.h"

#include <QtTest>

using namespace plexe;
using Kind = CallbackOutcome::Kind;

namespace {
const QByteArray kState = "Sx7-state-for-this-attempt_0123456789abcdefg";
const QString kIssuer = QStringLiteral("https://127.0.0.1:8443");
const QUrl kRedirect(QStringLiteral("http://127.0.0.1:49152/callback"));

QueryItems items(std::initializer_list<QPair<QString, QString>> list)
{
    return QueryItems(list);
}
} // namespace

class TestCallbackValidator : public QObject
{
    Q_OBJECT

private slots:
    void goodCallback()
    {
        const CallbackValidator v(kState, kIssuer);
        const auto o = v.validate(items({{QStringLiteral("code"), QStringLiteral("c0de")},
                                         {QStringLiteral("state"), QString::fromLatin1(kState)},
                                         {QStringLiteral("iss"), kIssuer}}));
        QCOMPARE(o.kind, Kind::Code);
        QCOMPARE(o.code, QStringLiteral("c0de"));
        QVERIFY(o.isFinal());
    }

    void issIsOptional()
    {
        const CallbackValidator v(kState, kIssuer);
        const auto o = v.validate(items({{QStringLiteral("code"), QStringLiteral("c")},
                                         {QStringLiteral("state"), QString::fromLatin1(kState)}}));
        QCOMPARE(o.kind, Kind::Code);
    }

    void wrongOrMissingState_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("present");
        QTest::newRow("missing") << QString() << false;
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("other") << QStringLiteral("attacker") << true;
        QTest::newRow("prefix") << QString::fromLatin1(kState.left(20)) << true;
        QTest::newRow("one char off")
            << QString::fromLatin1(kState.left(kState.size() - 1) + 'X') << true;
    }

    void wrongOrMissingState()
    {
        QFETCH(QString, state);
        QFETCH(bool, present);
        const CallbackValidator v(kState, kIssuer);
        QueryItems q = items({{QStringLiteral("code"), QStringLiteral("c")}});
        if (present)
            q.append({QStringLiteral("state"), state});
        const auto o = v.validate(q);
        QCOMPARE(o.kind, Kind::WrongState);
        QVERIFY(!o.isFinal());
        QVERIFY(o.code.isEmpty());
    }

    void errorWithWrongStateIsIgnored()
    {
        const CallbackValidator v(kState, kIssuer);
        const auto o = v.validate(items({{QStringLiteral("error"), QStringLiteral("access_denied")},
                                         {QStringLiteral("state"), QStringLiteral("nope")}}));
        QCOMPARE(o.kind, Kind::WrongState);
    }

    void authorizationError()
    {
        const CallbackValidator v(kState, kIssuer);
        const auto o = v.validate(
            items({{QStringLiteral("error"), QStringLiteral("access_denied")},
                   {QStringLiteral("error_description"), QStringLiteral("User said <no>")},
                   {QStringLiteral("state"), QString::fromLatin1(kState)}}));
        QCOMPARE(o.kind, Kind::AuthorizationError);
        QCOMPARE(o.error, QStringLiteral("access_denied"));
        QCOMPARE(o.errorDescription, QStringLiteral("User said <no>"));
        QVERIFY(o.isFinal());
        QVERIFY(!o.userMessage().isEmpty());
    }

    void issuerMismatch()
    {
        const CallbackValidator v(kState, kIssuer);
        const auto o = v.validate(items({{QStringLiteral("code"), QStringLiteral("c")},
                                         {QStringLiteral("state"), QString::fromLatin1(kState)},
                                         {QStringLiteral("iss"), QStringLiteral("https://evil")}}));
        QCOMPARE(o.kind, Kind::IssuerMismatch);
        QVERIFY(o.code.isEmpty());
    }

    void missingCode()
    {
        const CallbackValidator v(kState, kIssuer);
        const auto o = v.validate(items({{QStringLiteral("state"), QString::fromLatin1(kState)}}));
        QCOMPARE(o.kind, Kind::MissingCode);
    }

    void pastedAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("kind");
        const QString good = QStringLiteral("code=abc&state=") + QString::fromLatin1(kState);
        QTest::newRow("good") << QStringLiteral("http://127.0.0.1:49152/callback?") + good
                              << int(Kind::Code);
        QTest::newRow("good with spaces")
            << QStringLiteral("  http://127.0.0.1:49152/callback?") + good + QStringLiteral("\n")
            << int(Kind::Code);
        QTest::newRow("error") << QStringLiteral("http://127.0.0.1:49152/callback?error=access_"
                                                 "denied&state=") +
                                      QString::fromLatin1(kState)
                               << int(Kind::AuthorizationError);
        QTest::newRow("wrong state")
            << QStringLiteral("http://127.0.0.1:49152/callback?code=abc&state=x")
            << int(Kind::WrongState);
        QTest::newRow("wrong port")
            << QStringLiteral("http://127.0.0.1:49153/callback?") + good << int(Kind::Malformed);
        QTest::newRow("localhost")
            << QStringLiteral("http://localhost:49152/callback?") + good << int(Kind::Malformed);
        QTest::newRow("https") << QStringLiteral("https://127.0.0.1:49152/callback?") + good
                               << int(Kind::Malformed);
        QTest::newRow("other path")
            << QStringLiteral("http://127.0.0.1:49152/other?") + good << int(Kind::Malformed);
        QTest::newRow("userinfo") << QStringLiteral("http://u@127.0.0.1:49152/callback?") + good
                                  << int(Kind::Malformed);
        QTest::newRow("no query") << QStringLiteral("http://127.0.0.1:49152/callback")
                                  << int(Kind::Malformed);
        QTest::newRow("bad escape")
            << QStringLiteral("http://127.0.0.1:49152/callback?code=%ZZ&") + good.mid(9)
            << int(Kind::Malformed);
        QTest::newRow("garbage") << QStringLiteral("not a url at all") << int(Kind::Malformed);
    }

    void pastedAddress()
    {
        QFETCH(QString, address);
        QFETCH(int, kind);
        const CallbackValidator v(kState, kIssuer);
        const auto o = v.validateAddress(address, kRedirect);
        QCOMPARE(int(o.kind), kind);
        if (o.kind == Kind::Code)
            QCOMPARE(o.code, QStringLiteral("abc"));
    }
};

QTEST_GUILESS_MAIN(TestCallbackValidator)
#include "tst_callbackvalidator.moc"
