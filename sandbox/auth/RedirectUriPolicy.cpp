#include "auth/RedirectUriPolicy.h"

#include <QUrl>

namespace plexe::sandbox {

namespace {

bool isHex(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// RFC 3986 pchar minus '%' (handled separately): unreserved, sub-delims, ':' and '@'.
bool isPcharLiteral(char16_t c)
{
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
        return true;
    switch (c) {
    case u'-':
    case u'.':
    case u'_':
    case u'~': // unreserved
    case u'!':
    case u'$':
    case u'&':
    case u'\'':
    case u'(':
    case u')': // sub-delims
    case u'*':
    case u'+':
    case u',':
    case u';':
    case u'=':
    case u':':
    case u'@':
        return true;
    default:
        return false;
    }
}

RedirectUriPolicy::Verdict checkPath(QStringView path)
{
    using V = RedirectUriPolicy::Verdict;
    if (path.isEmpty() || path.front() != u'/')
        return V::BadPath;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char16_t c = path[i].unicode();
        if (c == u'?')
            return V::HasQuery;
        if (c == u'#')
            return V::HasFragment;
        if (c == u'/')
            continue;
        if (c == u'%') {
            if (i + 2 >= path.size() || !isHex(path[i + 1].unicode()) ||
                !isHex(path[i + 2].unicode()))
                return V::BadPath;
            i += 2;
            continue;
        }
        if (!isPcharLiteral(c))
            return V::BadPath;
    }
    // Dot segments would be removed by a browser, so the URI it opens is not the one matched.
    for (QStringView segment : path.split(u'/'))
        if (segment == u"." || segment == u"..")
            return V::BadPath;
    return V::Ok;
}

} // namespace

QString RedirectUriPolicy::clientId()
{
    return QStringLiteral("plexe-console");
}

bool RedirectUriPolicy::isKnownClient(const QString &id)
{
    return id == clientId();
}

RedirectUriPolicy::Verdict RedirectUriPolicy::check(const QString &uri)
{
    if (uri.isEmpty())
        return Verdict::Empty;
    if (uri.size() > kMaxUriLength)
        return Verdict::TooLong;
    const QLatin1String scheme("http://");
    if (!uri.startsWith(scheme))
        return Verdict::NotHttp;
    QStringView rest = QStringView(uri).mid(scheme.size());

    // The authority ends at the first '/', '?' or '#'.
    qsizetype end = 0;
    while (end < rest.size() && rest[end] != u'/' && rest[end] != u'?' && rest[end] != u'#')
        ++end;
    const QStringView authority = rest.left(end);
    const QStringView pathAndMore = rest.mid(end);
    if (authority.contains(u'@'))
        return Verdict::UserInfo;

    QStringView portText;
    if (authority.startsWith(u"127.0.0.1:"))
        portText = authority.mid(10);
    else if (authority.startsWith(u"[::1]:"))
        portText = authority.mid(6);
    else if (authority == u"127.0.0.1" || authority == u"[::1]")
        return Verdict::MissingPort;
    else
        return Verdict::NotLoopbackIp;

    if (portText.isEmpty())
        return Verdict::MissingPort;
    if (portText.size() > 5 || portText.front() == u'0')
        return Verdict::BadPort;
    int port = 0;
    for (QChar c : portText) {
        if (c < u'0' || c > u'9')
            return Verdict::BadPort;
        port = port * 10 + (c.unicode() - u'0');
    }
    if (port < 1 || port > 65535)
        return Verdict::BadPort;

    if (pathAndMore.isEmpty())
        return Verdict::BadPath;
    if (pathAndMore.front() == u'?')
        return Verdict::HasQuery;
    if (pathAndMore.front() == u'#')
        return Verdict::HasFragment;
    return checkPath(pathAndMore);
}

QString RedirectUriPolicy::describe(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return QStringLiteral("allowed");
    case Verdict::Empty:
        return QStringLiteral("redirect_uri is missing");
    case Verdict::TooLong:
        return QStringLiteral("redirect_uri is too long");
    case Verdict::NotHttp:
        return QStringLiteral("redirect_uri must use http:// on a loopback address");
    case Verdict::UserInfo:
        return QStringLiteral("redirect_uri must not contain user information");
    case Verdict::NotLoopbackIp:
        return QStringLiteral("redirect_uri must be http://127.0.0.1 or http://[::1] "
                              "(not localhost or another host)");
    case Verdict::MissingPort:
        return QStringLiteral("redirect_uri must name a port");
    case Verdict::BadPort:
        return QStringLiteral("redirect_uri has an invalid port");
    case Verdict::BadPath:
        return QStringLiteral("redirect_uri has an invalid path");
    case Verdict::HasQuery:
        return QStringLiteral("redirect_uri must not contain a query");
    case Verdict::HasFragment:
        return QStringLiteral("redirect_uri must not contain a fragment");
    }
    return QStringLiteral("redirect_uri is not allowed");
}

bool RedirectUriPolicy::matchesAuthorizeRequest(const QString &authorizeUri,
                                                const QString &tokenUri)
{
    return isAllowed(authorizeUri) && authorizeUri == tokenUri;
}

QString RedirectUriPolicy::buildRedirect(const QString &uri,
                                         const QList<QPair<QString, QString>> &params)
{
    QString out = uri;
    QLatin1Char separator('?');
    for (const auto &param : params) {
        out += separator + QString::fromLatin1(QUrl::toPercentEncoding(param.first)) +
               QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(param.second));
        separator = QLatin1Char('&');
    }
    return out;
}

} // namespace plexe::sandbox
