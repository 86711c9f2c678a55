#pragma once

#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>
#include <QtEndian>

#include <functional>

namespace plexe::test {

// Plays the browser of a browser sign-in against plexe-sandbox: GETs the authorize page (with
// its CSRF cookie), submits the sign-in form (hidden fields + csrf_token + email + password),
// and follows the redirect to the console's loopback port. Asynchronous, no nested loops.
class SandboxBrowser : public QObject
{
    Q_OBJECT

public:
    SandboxBrowser(const QString &caPath, QString email, QString password,
                   QObject *parent = nullptr)
        : QObject(parent), m_email(std::move(email)), m_password(std::move(password))
    {
        m_nam.setCookieJar(new QNetworkCookieJar(&m_nam));
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl.setCaCertificates(QSslConfiguration::systemCaCertificates() +
                                QSslCertificate::fromPath(caPath));
    }

    // The opener to inject into BrowserSignIn.
    std::function<bool(const QUrl &)> opener()
    {
        return [this](const QUrl &url) {
            m_opened << url;
            QMetaObject::invokeMethod(
                this, [this, url] { getPage(url); }, Qt::QueuedConnection);
            return true;
        };
    }
    const QList<QUrl> &opened() const { return m_opened; }
    // The last answer the loopback receiver gave the browser (status, page).
    int callbackStatus() const { return m_callbackStatus; }
    QByteArray callbackPage() const { return m_callbackPage; }
    QString error() const { return m_error; }
    // The authorization code the server redirected with (a canary for the log check).
    QString code() const { return m_code; }
    // Where the sign-in form redirected to (the address a browser ends on).
    QUrl lastLocation() const { return m_location; }

    // The hidden inputs of the first POST form of a page, unescaped.
    static QList<QPair<QString, QString>> formFields(const QByteArray &html)
    {
        const QString page = QString::fromUtf8(html);
        const qsizetype start = page.indexOf(QLatin1String("<form method=\"post\""));
        const qsizetype end = page.indexOf(QLatin1String("</form>"), start);
        const QString form = page.mid(start, end - start);
        static const QRegularExpression input(
            QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">"));
        QList<QPair<QString, QString>> fields;
        auto it = input.globalMatch(form);
        while (it.hasNext()) {
            const auto m = it.next();
            fields.append({unescape(m.captured(1)), unescape(m.captured(2))});
        }
        return fields;
    }

signals:
    void finished(bool ok);

private:
    static QString unescape(QString s)
    {
        s.replace(QLatin1String("&quot;"), QLatin1String("\""));
        s.replace(QLatin1String("&#39;"), QLatin1String("'"));
        s.replace(QLatin1String("&lt;"), QLatin1String("<"));
        s.replace(QLatin1String("&gt;"), QLatin1String(">"));
        s.replace(QLatin1String("&amp;"), QLatin1String("&"));
        return s;
    }

    QNetworkRequest request(const QUrl &url) const
    {
        QNetworkRequest r(url);
        r.setSslConfiguration(m_ssl);
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                       QNetworkRequest::ManualRedirectPolicy);
        return r;
    }

    void fail(const QString &why)
    {
        m_error = why;
        emit finished(false);
    }

    void getPage(const QUrl &url)
    {
        QNetworkReply *reply = m_nam.get(request(url));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            const QByteArray page = reply->readAll();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 200)
                return fail(QStringLiteral("authorize page: HTTP %1 %2")
                                .arg(status)
                                .arg(QString::fromUtf8(page.left(300))));
            submit(reply->url(), formFields(page));
        });
    }

    void submit(const QUrl &pageUrl, const QList<QPair<QString, QString>> &fields)
    {
        QByteArray body;
        auto add = [&body](const QString &name, const QString &value) {
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
        };
        for (const auto &field : fields)
            add(field.first, field.second);
        add(QStringLiteral("email"), m_email);
        add(QStringLiteral("password"), m_password);
        QNetworkRequest r = request(pageUrl.resolved(QUrl(QStringLiteral("/oauth/authorize"))));
        r.setHeader(QNetworkRequest::ContentTypeHeader,
                    QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = m_nam.post(r, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QUrl location(QString::fromLatin1(reply->rawHeader("Location")));
            if (status != 302 && status != 303)
                return fail(QStringLiteral("sign-in form: HTTP %1 %2")
                                .arg(status)
                                .arg(QString::fromUtf8(reply->readAll().left(300))));
            follow(location);
        });
    }

    void follow(const QUrl &location)
    {
        m_location = location;
        m_code = QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        QNetworkReply *reply = m_nam.get(request(location));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            m_callbackStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            m_callbackPage = reply->readAll();
            emit finished(m_callbackStatus == 200);
        });
    }

    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QString m_email;
    QString m_password;
    QList<QUrl> m_opened;
    int m_callbackStatus = 0;
    QByteArray m_callbackPage;
    QString m_error;
    QString m_code;
    QUrl m_location;
};

// RFC 6238 TOTP (SHA-1, 6 digits, 30 s steps) from a base32 secret, for the TOTP sign-in test.
inline QString totpCode(const QByteArray &base32, qint64 unixSeconds)
{
    QByteArray key;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : base32) {
        const char u = char(c >= 'a' && c <= 'z' ? c - 32 : c);
        int v = -1;
        if (u >= 'A' && u <= 'Z')
            v = u - 'A';
        else if (u >= '2' && u <= '7')
            v = u - '2' + 26;
        if (v < 0)
            continue; // '=' padding, spaces
        buffer = (buffer << 5) | quint32(v);
        bits += 5;
        if (bits >= 8) {
            key += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    QByteArray counter(8, '\0');
    qToBigEndian(quint64(unixSeconds / 30), counter.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(counter, key, QCryptographicHash::Sha1);
    const int offset = mac.at(19) & 0x0f;
    const quint32 binary =
        (quint32(uchar(mac.at(offset)) & 0x7f) << 24) | (quint32(uchar(mac.at(offset + 1))) << 16) |
        (quint32(uchar(mac.at(offset + 2))) << 8) | quint32(uchar(mac.at(offset + 3)));
    return QStringLiteral("%1").arg(binary % 1000000, 6, 10, QLatin1Char('0'));
}

} // namespace plexe::test
