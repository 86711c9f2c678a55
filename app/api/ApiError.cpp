#include "api/ApiError.h"

#include "core/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

namespace plexe {

namespace {

// Server text is shown as plain text (never HTML), but keep it to one line of sane size: no
// control characters, line or paragraph separators (security.md D30).
QString cleanServerText(const QString &text, int maxLength = 500)
{
    QString t = text;
    for (QChar &c : t) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029)
            c = QLatin1Char(' ');
    }
    t = t.simplified();
    if (t.size() > maxLength)
        t = t.left(maxLength) + QChar(0x2026);
    return t;
}

QString codeForStatus(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("invalid_request");
    case 401:
        return QStringLiteral("unauthorized");
    case 403:
        return QStringLiteral("forbidden");
    case 404:
        return QStringLiteral("not_found");
    case 409:
        return QStringLiteral("conflict");
    case 422:
        return QStringLiteral("validation_failed");
    case 429:
        return QStringLiteral("rate_limit_exceeded");
    default:
        break;
    }
    if (status >= 500)
        return QStringLiteral("server_error");
    return QStringLiteral("http_%1").arg(status);
}

// The field a validation error names: details.field, details.fields[0], or FastAPI's
// detail[0].loc[-1].
QString fieldFrom(const QJsonObject &details)
{
    if (details.value(QLatin1String("field")).isString())
        return details.value(QLatin1String("field")).toString();
    const QJsonValue fields = details.value(QLatin1String("fields"));
    if (fields.isArray() && !fields.toArray().isEmpty() && fields.toArray().first().isString())
        return fields.toArray().first().toString();
    return {};
}

QString dateText(const QString &iso)
{
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(iso, Qt::ISODate);
    if (!dt.isValid())
        return {};
    return QLocale().toString(dt.toLocalTime(), QLocale::LongFormat);
}

} // namespace

ApiError::ApiError(Kind kind, QString message) : m_kind(kind), m_message(std::move(message)) {}

ApiError ApiError::fromHttp(int status, const QByteArray &body)
{
    ApiError e(Kind::Http, QString());
    e.m_status = status;
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject root = doc.object();
        const QJsonValue error = root.value(QLatin1String("error"));
        const QJsonValue detail = root.value(QLatin1String("detail"));
        const QJsonValue message = root.value(QLatin1String("message"));
        if (error.isObject()) { // shape 1
            const QJsonObject eo = error.toObject();
            if (eo.value(QLatin1String("code")).isString())
                e.m_code = cleanServerText(eo.value(QLatin1String("code")).toString(), 100);
            if (eo.value(QLatin1String("message")).isString())
                e.m_message = cleanServerText(eo.value(QLatin1String("message")).toString());
            if (eo.value(QLatin1String("details")).isObject())
                e.m_details = eo.value(QLatin1String("details")).toObject();
            if (root.value(QLatin1String("request_id")).isString())
                e.m_requestId =
                    cleanServerText(root.value(QLatin1String("request_id")).toString(), 100);
        } else if (error.isString()) { // OAuth (RFC 6749 §5.2) and other loose servers
            e.m_code = cleanServerText(error.toString(), 100);
            const QJsonValue desc = root.value(QLatin1String("error_description"));
            if (desc.isString())
                e.m_message = cleanServerText(desc.toString());
        } else if (detail.isString()) { // shape 2
            e.m_message = cleanServerText(detail.toString());
        } else if (detail.isArray()) { // FastAPI validation list
            const QJsonArray list = detail.toArray();
            if (!list.isEmpty() && list.first().isObject()) {
                const QJsonObject first = list.first().toObject();
                e.m_message = cleanServerText(first.value(QLatin1String("msg")).toString());
                const QJsonArray loc = first.value(QLatin1String("loc")).toArray();
                if (!loc.isEmpty() && loc.last().isString())
                    e.m_field = cleanServerText(loc.last().toString(), 100);
            }
        } else if (message.isString()) { // shape 3 (API gateway)
            e.m_message = cleanServerText(message.toString());
        }
    }
    // Codes are keyed on the status first: a code that contradicts its status is ignored.
    if (e.m_code.isEmpty())
        e.m_code = codeForStatus(status);
    if (e.m_field.isEmpty())
        e.m_field = cleanServerText(fieldFrom(e.m_details), 100);
    return e;
}

bool ApiError::isSessionExpired() const
{
    return m_status == 401 && m_code != QLatin1String("invalid_key") &&
           m_code != QLatin1String("expired_key") && m_code != QLatin1String("revoked_key");
}

bool ApiError::needsReauthentication() const
{
    return m_status == 403 && m_code == QLatin1String("reauthentication_required");
}

bool ApiError::isPermissionDenied() const
{
    return m_status == 403 && !needsReauthentication();
}

bool ApiError::isRouteUnavailable() const
{
    return (m_status == 403 || m_status == 404) &&
           (m_code == QLatin1String("forbidden") || m_code == QLatin1String("not_found"));
}

QString ApiError::rateLimitText() const
{
    if (!m_retryAfter.isValid())
        return tr("Too many requests. Please wait a moment and try again.");
    const qint64 secs =
        std::max<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(m_retryAfter) + 999) / 1000);
    if (secs < 120)
        return tr("Too many requests. Try again in %n seconds.", nullptr, int(secs));
    return tr("Too many requests. Try again in %n minutes (at %1).", nullptr, int((secs + 59) / 60))
        .arg(QLocale().toString(m_retryAfter.toLocalTime().time(), QLocale::ShortFormat));
}

QString ApiError::userMessage() const
{
    // Whole sentences for the translators: one without the server's words, one with them.
    auto withServer = [this](const QString &alone, const QString &withMessage) {
        return m_message.isEmpty() ? alone : withMessage.arg(m_message);
    };
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return tr("Could not reach the server. Check the network connection and the "
                  "profile's address.");
    case Kind::Tls:
        return tr("The server's identity could not be verified (TLS certificate "
                  "problem). Nothing was sent.");
    case Kind::Timeout:
        return tr("The server did not answer in time.");
    case Kind::Parse:
        return tr("The server's answer could not be read.");
    case Kind::TooLarge:
        return tr("The server's answer was too large and was not read.");
    case Kind::Refused:
        return m_message.isEmpty() ? tr("The console refused this request.") : m_message;
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::Http:
        break;
    }

    const QString &c = m_code;
    switch (m_status) {
    case 400:
        return withServer(tr("The request was not accepted"),
                          tr("The request was not accepted: %1"));
    case 401:
        if (c == QLatin1String("invalid_key"))
            return tr("This API key is not valid.");
        if (c == QLatin1String("expired_key")) {
            QString when = dateText(m_details.value(QLatin1String("expired_at")).toString());
            if (when.isEmpty())
                when = dateText(m_details.value(QLatin1String("expires_at")).toString());
            if (when.isEmpty()) {
                // The sandbox (and perhaps the platform) puts the date in the message text.
                static const QRegularExpression iso(
                    QStringLiteral("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]"
                                   "\\d{2}:\\d{2})?"));
                const QRegularExpressionMatch m = iso.match(m_message);
                if (m.hasMatch())
                    when = dateText(m.captured(0));
            }
            if (!when.isEmpty())
                return tr("This API key expired on %1.").arg(when);
            return m_message.isEmpty() ? tr("This API key has expired.")
                                       : tr("This API key has expired (%1).").arg(m_message);
        }
        if (c == QLatin1String("revoked_key"))
            return tr("This API key was revoked.");
        if (c == QLatin1String("invalid_credentials"))
            return tr("The email or password is not correct.");
        if (c == QLatin1String("mfa_required"))
            return tr("Enter the code from your authenticator app.");
        return tr("Your session has expired. Please sign in again.");
    case 403:
        if (c == QLatin1String("reauthentication_required"))
            return tr("For this action, please confirm it is you by signing in "
                      "again.");
        if (c == QLatin1String("insufficient_permissions"))
            return tr("This credential does not have permission to do this (a "
                      "read-only key can only read).");
        return withServer(tr("This server does not allow this action"),
                          tr("This server does not allow this action: %1"));
    case 404:
        return withServer(tr("Not found"), tr("Not found: %1"));
    case 409:
        return withServer(tr("This already exists"), tr("This already exists: %1"));
    case 422:
        if (!m_field.isEmpty())
            return m_message.isEmpty()
                       ? tr("The value of “%1” is not valid.").arg(m_field)
                       : tr("The value of “%1” is not valid: %2").arg(m_field, m_message);
        return withServer(tr("A value is not valid"), tr("A value is not valid: %1"));
    case 429:
        return rateLimitText();
    default:
        break;
    }
    if (m_status >= 500)
        return tr("The server had a problem (HTTP %1). Please try again later.").arg(m_status);
    return m_message.isEmpty() ? tr("The server answered HTTP %1").arg(m_status)
                               : tr("The server answered HTTP %1: %2").arg(m_status).arg(m_message);
}

QString ApiError::logString() const
{
    static const char *const names[] = {"none",  "network",   "tls",     "timeout",  "http",
                                        "parse", "too_large", "refused", "cancelled"};
    QString s = QString::fromLatin1(names[int(m_kind)]);
    if (m_status)
        s += QStringLiteral(" %1").arg(m_status);
    if (!m_code.isEmpty())
        s += QLatin1Char(' ') + Redaction::text(m_code);
    if (!m_requestId.isEmpty())
        s += QStringLiteral(" request_id=") + Redaction::text(m_requestId);
    return s;
}

} // namespace plexe
