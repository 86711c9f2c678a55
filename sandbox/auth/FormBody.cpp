#include "auth/FormBody.h"

#include <QSet>
#include <QStringDecoder>

namespace plexe::sandbox {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<QString> decodeComponent(const QByteArray &raw, FormBody::Error *error)
{
    QByteArray bytes;
    bytes.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            const int hi = i + 2 < raw.size() ? hexValue(raw[i + 1]) : -1;
            const int lo = hi >= 0 ? hexValue(raw[i + 2]) : -1;
            if (lo < 0) {
                *error = FormBody::Error::BadPercentEncoding;
                return std::nullopt;
            }
            bytes.append(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    if (bytes.contains('\0')) {
        *error = FormBody::Error::BadCharacters;
        return std::nullopt;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        *error = FormBody::Error::BadCharacters;
        return std::nullopt;
    }
    return text;
}

} // namespace

std::optional<FormBody> FormBody::parse(const QByteArray &body, Error *error, QString *errorName,
                                        int maxBytes)
{
    Error ignored = Error::None;
    Error &err = error ? *error : ignored;
    err = Error::None;
    if (errorName)
        errorName->clear();
    FormBody form;
    if (body.size() > maxBytes) {
        err = Error::TooLarge;
        return std::nullopt;
    }
    if (body.isEmpty())
        return form;
    const QList<QByteArray> segments = body.split('&');
    if (segments.size() > kMaxFields) {
        err = Error::TooLarge;
        return std::nullopt;
    }
    QSet<QString> seen;
    for (const QByteArray &segment : segments) {
        const qsizetype eq = segment.indexOf('=');
        if (segment.isEmpty() || eq <= 0) {
            err = Error::Malformed;
            return std::nullopt;
        }
        const auto name = decodeComponent(segment.left(eq), &err);
        const auto value = name ? decodeComponent(segment.mid(eq + 1), &err) : std::nullopt;
        if (!name || !value)
            return std::nullopt;
        if (name->isEmpty()) {
            err = Error::Malformed;
            return std::nullopt;
        }
        if (seen.contains(*name)) {
            err = Error::DuplicateParameter;
            if (errorName)
                *errorName = name->left(64);
            return std::nullopt;
        }
        seen.insert(*name);
        form.m_fields.append({*name, *value});
    }
    return form;
}

bool FormBody::isFormContentType(const QByteArray &contentType)
{
    const QByteArray mediaType = contentType.split(';').first().trimmed().toLower();
    return mediaType == "application/x-www-form-urlencoded";
}

QString FormBody::describe(Error error)
{
    switch (error) {
    case Error::None:
        return QString();
    case Error::TooLarge:
        return QStringLiteral("the form body is too large");
    case Error::Malformed:
        return QStringLiteral("the form body is malformed");
    case Error::BadPercentEncoding:
        return QStringLiteral("the form body has an invalid percent-encoding");
    case Error::BadCharacters:
        return QStringLiteral("the form body is not valid UTF-8 text");
    case Error::DuplicateParameter:
        return QStringLiteral("a parameter appears more than once");
    }
    return QStringLiteral("the form body is invalid");
}

bool FormBody::contains(const QString &name) const
{
    for (const auto &field : m_fields)
        if (field.first == name)
            return true;
    return false;
}

std::optional<QString> FormBody::value(const QString &name) const
{
    for (const auto &field : m_fields)
        if (field.first == name)
            return field.second.isEmpty() ? std::nullopt : std::optional<QString>(field.second);
    return std::nullopt;
}

} // namespace plexe::sandbox
