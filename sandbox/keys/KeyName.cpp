#include "keys/KeyName.h"

#include "http/ApiError.h"

namespace plexe::sandbox {

std::string KeyName::fromJson(const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("name"));
    if (value.isUndefined())
        throw ApiError::validation("name", "name is required");
    if (!value.isString())
        throw ApiError::validation("name", "name must be a string");
    const QString name = value.toString().trimmed();
    // JSON may escape half a surrogate pair ("\ud800"); stored as UTF-8 it would silently
    // become "?", so refuse it instead.
    if (!name.isValidUtf16())
        throw ApiError::validation("name", "name must be valid Unicode (a lone surrogate "
                                           "\\uD800-\\uDFFF is not a character)");
    if (name.isEmpty())
        throw ApiError::validation("name", "name must not be empty");
    // Characters, not UTF-16 units or bytes, so that "100 characters" means what it says.
    if (name.toUcs4().size() > kMaxLength)
        throw ApiError::validation("name", "name must be at most 100 characters");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            throw ApiError::validation("name", "name must not contain control characters");
    }
    return name.toStdString();
}

} // namespace plexe::sandbox
