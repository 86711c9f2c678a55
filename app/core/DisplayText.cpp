#include "core/DisplayText.h"

namespace plexe {

bool DisplayText::isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

QString DisplayText::neutralise(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        // Replaced rather than dropped: a visible mark tells the reader the name is odd.
        if (isBidiControl(c.unicode()) || c.category() == QChar::Other_Control)
            c = QChar::ReplacementCharacter;
    }
    return out;
}

QString DisplayText::forAutoText(const QString &plain)
{
    if (!plain.contains(QLatin1Char('<')) && !plain.contains(QLatin1Char('&')))
        return plain;
    // Escaped, the text holds no tag of its own; the one <p> makes Qt take it as rich text, so
    // the entities are shown as the characters they stand for. white-space:pre lays it out as
    // Qt lays out a plain tooltip: line breaks and spaces as they are, no wrapping (QToolTip
    // wraps rich text to a sliver of its width otherwise).
    return QStringLiteral("<p style=\"white-space:pre\">") + plain.toHtmlEscaped() +
           QStringLiteral("</p>");
}

} // namespace plexe
