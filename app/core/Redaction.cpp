#include "core/Redaction.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace plexe::Redaction {

namespace {

// Lower-case names; a name matches exactly or by one of the suffixes below.
const QLatin1String kSensitiveNames[] = {
    QLatin1String("code"),          QLatin1String("state"),         QLatin1String("token"),
    QLatin1String("access_token"),  QLatin1String("refresh_token"), QLatin1String("id_token"),
    QLatin1String("key"),           QLatin1String("api_key"),       QLatin1String("apikey"),
    QLatin1String("x-api-key"),     QLatin1String("password"),      QLatin1String("passwd"),
    QLatin1String("secret"),        QLatin1String("client_secret"), QLatin1String("code_verifier"),
    QLatin1String("mfa_token"),     QLatin1String("session"),       QLatin1String("auth"),
    QLatin1String("authorization"), QLatin1String("signature"),     QLatin1String("sig"),
};

const QLatin1String kSensitiveSuffixes[] = {
    QLatin1String("_token"),   QLatin1String("_key"),  QLatin1String("_secret"),
    QLatin1String("password"), QLatin1String("_code"), QLatin1String("_verifier"),
};

const QLatin1String kSensitiveHeaders[] = {
    QLatin1String("authorization"), QLatin1String("proxy-authorization"),
    QLatin1String("x-api-key"),     QLatin1String("cookie"),
    QLatin1String("set-cookie"),    QLatin1String("x-auth-token"),
};

const QRegularExpression &apiKeyPattern()
{
    // plx_sk_ followed by key characters; everything after the prefix is masked.
    static const QRegularExpression re(QStringLiteral("plx_sk_[A-Za-z0-9_\\-]*"));
    return re;
}

} // namespace

bool isSensitiveQueryName(QStringView name)
{
    const QString lower = name.toString().toLower();
    for (const auto &n : kSensitiveNames) {
        if (lower == n)
            return true;
    }
    for (const auto &s : kSensitiveSuffixes) {
        if (lower.endsWith(s))
            return true;
    }
    return false;
}

bool isSensitiveHeader(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().toLower();
    for (const auto &h : kSensitiveHeaders) {
        if (lower == QByteArrayView(h.data(), h.size()))
            return true;
    }
    return false;
}

QString escapeControl(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\r')
            out += QLatin1String("\\r");
        else if (u == u'\n')
            out += QLatin1String("\\n");
        else if (u == u'\t')
            out += QLatin1String("\\t");
        else if (u < 0x20 || u == 0x7f || u == 0x2028 || u == 0x2029 || u == 0x85)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString text(QStringView input)
{
    QString masked = input.toString();
    masked.replace(apiKeyPattern(), QStringLiteral("plx_sk_") + kMask);
    return escapeControl(masked);
}

QString url(const QUrl &input)
{
    QUrl u = input;
    if (!u.userInfo().isEmpty())
        u.setUserInfo(kMask);
    if (u.hasFragment())
        u.setFragment(kMask);
    if (u.hasQuery()) {
        QUrlQuery query(u);
        const auto items = query.queryItems(QUrl::FullyEncoded);
        QUrlQuery out;
        for (const auto &item : items) {
            const QString name = QUrl::fromPercentEncoding(item.first.toUtf8());
            out.addQueryItem(item.first, isSensitiveQueryName(name) ? QString(kMask) : item.second);
        }
        u.setQuery(out);
    }
    // Secrets can also hide in the path (e.g. a key pasted into a route); mask their shape.
    return text(u.toString(QUrl::FullyEncoded));
}

QString header(const QByteArray &name, const QByteArray &value)
{
    const QString shownName = escapeControl(QString::fromLatin1(name));
    if (isSensitiveHeader(name))
        return shownName + QLatin1String(": ") + kMask;
    return shownName + QLatin1String(": ") + text(QString::fromLatin1(value));
}

} // namespace plexe::Redaction
