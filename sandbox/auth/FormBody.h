#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace plexe::sandbox {

// A strictly parsed application/x-www-form-urlencoded body (POST /oauth/token, /oauth/revoke,
// the sign-in form). Anything ambiguous is an error, answered 400 invalid_request:
//  - body larger than maxBytes, or more than kMaxFields fields      → TooLarge
//  - an empty segment ("a=1&&b=2", a trailing '&') or no '='        → Malformed
//  - an empty name ("=x")                                           → Malformed
//  - '%' not followed by two hex digits                             → BadPercentEncoding
//  - decoded bytes that are not UTF-8, or contain NUL               → BadCharacters
//  - a name given twice, even with equal values (RFC 6749 §3.1)     → DuplicateParameter
// '+' decodes to a space. An empty body is a valid, empty form.
class FormBody
{
public:
    static constexpr int kDefaultMaxBytes = 16 * 1024;
    static constexpr int kMaxFields = 64;

    enum class Error {
        None,
        TooLarge,
        Malformed,
        BadPercentEncoding,
        BadCharacters,
        DuplicateParameter
    };

    // nullopt on error; `error` (optional) says which, `errorName` (optional) names the field
    // at fault where there is one (for "duplicate parameter: code" — never a value).
    static std::optional<FormBody> parse(const QByteArray &body, Error *error = nullptr,
                                         QString *errorName = nullptr,
                                         int maxBytes = kDefaultMaxBytes);

    // True for "application/x-www-form-urlencoded", any case, with optional parameters
    // (";charset=UTF-8"); false for anything else, including a missing header.
    static bool isFormContentType(const QByteArray &contentType);

    static QString describe(Error error);

    // Present in the body, even with an empty value.
    bool contains(const QString &name) const;

    // The value, or nullopt when absent OR empty: RFC 6749 §3.1 says parameters sent without a
    // value MUST be treated as omitted.
    std::optional<QString> value(const QString &name) const;

    // The value, or an empty string (absent and empty are the same to OAuth).
    QString valueOr(const QString &name) const { return value(name).value_or(QString()); }

    // The fields in body order.
    const QList<QPair<QString, QString>> &fields() const { return m_fields; }

private:
    QList<QPair<QString, QString>> m_fields;
};

} // namespace plexe::sandbox
