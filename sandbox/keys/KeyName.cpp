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
    // One spelling per name: "é" as one code point or as "e" + a combining accent compare
    // equal only once both are in NFC.
    const QString name = value.toString().normalized(QString::NormalizationForm_C).trimmed();
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
    for (const char32_t c : name.toUcs4()) { // code points: some format characters are astral
        const auto category = QChar::category(c);
        if (category == QChar::Other_Control)
            throw ApiError::validation("name", "name must not contain control characters");
        // Format characters (zero-width spaces and joiners, bidi embeddings, overrides and
        // isolates, marks, BOM, soft hyphen) and line/paragraph separators are invisible or
        // reorder what the console shows: a name could pass for another key's.
        if (category == QChar::Other_Format || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            throw ApiError::validation("name", "name must not contain invisible or bidirectional "
                                               "control characters");
    }
    return name.toStdString();
}

} // namespace plexe::sandbox
