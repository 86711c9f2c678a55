#pragma once

// Helpers for the sign-in contract tests (contract §5): PKCE values, an independent RFC 6238
// TOTP, form bodies, a client that sends cookies and never follows redirects, and a movable
// server clock (`serve --clock-offset-file`). Written from the RFCs, not from the sandbox.
#include "ContractClient.h"
#include "SandboxProcess.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <optional>

namespace plexe::test::signin {

using Fields = QList<QPair<QString, QString>>;

inline const QString kClientId = QStringLiteral("plexe-console");

inline QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// RFC 7636 §4.1: 32 random bytes, base64url: 43 characters.
inline QByteArray newVerifier()
{
    QByteArray raw(32, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(raw.data()), raw.size());
    return base64Url(raw);
}

inline QByteArray challengeOf(const QByteArray &verifier)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(verifier.constData()), size_t(verifier.size()),
           digest);
    return base64Url(QByteArray(reinterpret_cast<const char *>(digest), SHA256_DIGEST_LENGTH));
}

// RFC 4648 base32 decode (upper case, no padding), for the TOTP secret the seed prints.
inline QByteArray base32Decode(const QString &text)
{
    static const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (QChar c : text) {
        const int v = alphabet.indexOf(c.toUpper());
        if (v < 0)
            continue;
        buffer = ((buffer << 5) | quint32(v)) & 0x1fffu; // at most 12 pending bits
        bits += 5;
        if (bits >= 8) {
            out.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

// RFC 6238 with HMAC-SHA1, 6 digits, 30 s steps.
inline QString totpAt(const QString &base32Secret, qint64 unixSeconds)
{
    const QByteArray key = base32Decode(base32Secret);
    quint64 step = quint64(unixSeconds / 30);
    unsigned char counter[8];
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<unsigned char>(step & 0xff);
        step >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLen = 0;
    HMAC(EVP_sha1(), key.constData(), key.size(), counter, sizeof counter, mac, &macLen);
    const int offset = mac[macLen - 1] & 0x0f;
    const quint32 binary = (quint32(mac[offset] & 0x7f) << 24) | (quint32(mac[offset + 1]) << 16) |
                           (quint32(mac[offset + 2]) << 8) | quint32(mac[offset + 3]);
    return QStringLiteral("%1").arg(binary % 1000000, 6, 10, QLatin1Char('0'));
}

inline QByteArray formBody(const Fields &fields)
{
    QByteArray out;
    for (const auto &field : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    return out;
}

inline QString query(const Fields &fields)
{
    return QString::fromLatin1(formBody(fields));
}

inline Reply postForm(const ContractClient &client, const QString &path, const Fields &fields)
{
    return client.send(QStringLiteral("POST"), path, Credential::none(), formBody(fields),
                       QByteArrayLiteral("application/x-www-form-urlencoded"));
}

inline Reply login(const ContractClient &client, const QString &email, const QString &password)
{
    return client.postJson(
        QStringLiteral("/auth/login"), Credential::none(),
        {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
}

inline QString field(const Reply &reply, const char *name)
{
    return reply.object().value(QLatin1String(name)).toString();
}

// A browser-like client: sends the cookies it was given, never follows redirects.
class Browser
{
public:
    explicit Browser(const ContractClient &client) : m_client(client) {}

    Reply send(const QString &method, const QString &path, const QByteArray &body = {},
               const QByteArray &contentType = {})
    {
        const QUrl base = m_client.baseUrl();
        httplib::SSLClient http(base.host().toStdString(), base.port(443));
        http.set_ca_cert_path(m_client.caPath().toStdString());
        http.enable_server_certificate_verification(true);
        http.set_follow_location(false);
        http.set_connection_timeout(2);
        http.set_read_timeout(5);
        httplib::Request request;
        request.method = method.toStdString();
        request.path = path.toStdString();
        QStringList cookies;
        for (auto it = m_cookies.cbegin(); it != m_cookies.cend(); ++it)
            cookies << it.key() + u'=' + it.value();
        if (!cookies.isEmpty())
            request.set_header("Cookie", cookies.join(QStringLiteral("; ")).toStdString());
        if (!contentType.isEmpty()) {
            request.body = body.toStdString();
            request.set_header("Content-Type", contentType.toStdString());
        }
        auto result = http.send(request);
        Reply reply;
        reply.error = result.error();
        if (!result)
            return reply;
        reply.transportOk = true;
        reply.status = result->status;
        reply.headers = result->headers;
        reply.body = QByteArray::fromStdString(result->body);
        reply.json = QJsonDocument::fromJson(reply.body);
        for (const auto &[key, value] : result->headers) {
            if (QString::fromStdString(key).compare(QLatin1String("Set-Cookie"),
                                                    Qt::CaseInsensitive) != 0)
                continue;
            const QString pair = QString::fromStdString(value).section(u';', 0, 0);
            m_cookies.insert(pair.section(u'=', 0, 0).trimmed(), pair.section(u'=', 1));
            m_setCookies << QString::fromStdString(value);
        }
        return reply;
    }

    Reply get(const QString &path) { return send(QStringLiteral("GET"), path); }
    Reply postForm(const QString &path, const Fields &fields)
    {
        return send(QStringLiteral("POST"), path, formBody(fields),
                    QByteArrayLiteral("application/x-www-form-urlencoded"));
    }

    QString cookie(const QString &name) const { return m_cookies.value(name); }
    void dropCookie(const QString &name) { m_cookies.remove(name); }
    const QStringList &setCookieHeaders() const { return m_setCookies; }

private:
    const ContractClient &m_client;
    QMap<QString, QString> m_cookies;
    QStringList m_setCookies;
};

// The <input> fields of the first <form> whose action posts to /oauth/authorize and that has a
// password field (or, with `anyForm`, the first form), HTML entities decoded.
inline Fields formFields(const QByteArray &html,
                         const QString &mustContainName = QStringLiteral("password"))
{
    const QString page = QString::fromUtf8(html);
    static const QRegularExpression formRe(QStringLiteral("<form\\b[^>]*>(.*?)</form>"),
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression inputRe(QStringLiteral("<input\\b([^>]*)>"));
    static const QRegularExpression nameRe(QStringLiteral("\\bname=\"([^\"]*)\""));
    static const QRegularExpression valueRe(QStringLiteral("\\bvalue=\"([^\"]*)\""));
    const auto unescape = [](QString s) {
        s.replace(QLatin1String("&quot;"), QLatin1String("\""));
        s.replace(QLatin1String("&#39;"), QLatin1String("'"));
        s.replace(QLatin1String("&lt;"), QLatin1String("<"));
        s.replace(QLatin1String("&gt;"), QLatin1String(">"));
        s.replace(QLatin1String("&amp;"), QLatin1String("&"));
        return s;
    };
    auto forms = formRe.globalMatch(page);
    while (forms.hasNext()) {
        const QString form = forms.next().captured(1);
        Fields fields;
        bool wanted = mustContainName.isEmpty();
        auto inputs = inputRe.globalMatch(form);
        while (inputs.hasNext()) {
            const QString attributes = inputs.next().captured(1);
            const auto name = nameRe.match(attributes);
            if (!name.hasMatch())
                continue;
            const auto value = valueRe.match(attributes);
            fields.append({unescape(name.captured(1)),
                           value.hasMatch() ? unescape(value.captured(1)) : QString()});
            wanted = wanted || name.captured(1) == mustContainName;
        }
        if (wanted)
            return fields;
    }
    return {};
}

inline void setField(Fields &fields, const QString &name, const QString &value)
{
    for (auto &f : fields) {
        if (f.first == name) {
            f.second = value;
            return;
        }
    }
    fields.append({name, value});
}

// The query of a redirect's Location header.
inline QUrlQuery locationQuery(const Reply &reply)
{
    return QUrlQuery(QUrl(reply.header("Location")).query());
}

// An authorize request for the console client with PKCE S256.
struct AuthorizeParams
{
    QString redirectUri = QStringLiteral("http://127.0.0.1:53682/callback");
    QString state = QStringLiteral("state-") + QString::number(QDateTime::currentMSecsSinceEpoch());
    QByteArray verifier = newVerifier();
    Fields extra;

    QString path() const
    {
        Fields fields = {
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), kClientId},
            {QStringLiteral("redirect_uri"), redirectUri},
            {QStringLiteral("state"), state},
            {QStringLiteral("code_challenge"), QString::fromLatin1(challengeOf(verifier))},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
            {QStringLiteral("scope"), QStringLiteral("plexe")}};
        fields += extra;
        return QStringLiteral("/oauth/authorize?") + query(fields);
    }
};

inline Reply exchangeCode(const ContractClient &client, const QString &code,
                          const AuthorizeParams &params)
{
    return postForm(client, QStringLiteral("/oauth/token"),
                    {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                     {QStringLiteral("code"), code},
                     {QStringLiteral("redirect_uri"), params.redirectUri},
                     {QStringLiteral("client_id"), kClientId},
                     {QStringLiteral("code_verifier"), QString::fromLatin1(params.verifier)}});
}

inline Reply refresh(const ContractClient &client, const QString &refreshToken)
{
    return postForm(client, QStringLiteral("/oauth/token"),
                    {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                     {QStringLiteral("refresh_token"), refreshToken},
                     {QStringLiteral("client_id"), kClientId}});
}

// The caller's newest access-log events of one kind (contract §6), newest first.
inline QJsonArray events(const ContractClient &client, const Credential &cred, const QString &event)
{
    const Reply reply =
        client.get(QStringLiteral("/auth/access-logs?limit=50&event=") + event, cred);
    return reply.object().value(QLatin1String("events")).toArray();
}

// An empty string when `e` is a sign-in event as the sandbox must record it, else what is off.
inline QString checkEvent(const QJsonValue &value, const QString &event, const QString &outcome,
                          const QString &path, int status, const QString &errorCode = {})
{
    const QJsonObject e = value.toObject();
    const QString got = QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact));
    if (e.value(QLatin1String("event")).toString() != event ||
        e.value(QLatin1String("outcome")).toString() != outcome ||
        e.value(QLatin1String("path")).toString() != path ||
        e.value(QLatin1String("method")).toString() != QLatin1String("POST") ||
        e.value(QLatin1String("status")).toInt() != status ||
        e.value(QLatin1String("ip")).toString().isEmpty() ||
        (errorCode.isEmpty() ? !e.value(QLatin1String("error_code")).isNull()
                             : e.value(QLatin1String("error_code")).toString() != errorCode))
        return QStringLiteral("unexpected event: ") + got;
    return {};
}

// The server's clock offset (`serve --clock-offset-file`), re-read by the server per request.
class ServerClock
{
public:
    explicit ServerClock(const QString &path) : m_path(path) { set(0); }
    QStringList serveArgs() const { return {QStringLiteral("--clock-offset-file"), m_path}; }
    bool set(qint64 offsetSeconds)
    {
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        m_offset = offsetSeconds;
        return file.write(QByteArray::number(offsetSeconds)) > 0;
    }
    bool advance(qint64 seconds) { return set(m_offset + seconds); }
    qint64 offset() const { return m_offset; }

private:
    QString m_path;
    qint64 m_offset = 0;
};

} // namespace plexe::test::signin
