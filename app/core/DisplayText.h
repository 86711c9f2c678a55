#pragma once

#include <QString>

namespace plexe {

// Server text made safe to show: bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F,
// U+061C) and other control characters become a visible U+FFFD, so that a key name cannot
// reorder what is shown next to it (Trojan-source style) or pass for another key's name.
// Callers still show the result as plain text, never as HTML.
class DisplayText
{
public:
    static QString neutralise(const QString &text);
    static bool isBidiControl(char16_t c);

    // `plain` for a place Qt reads as Qt::AutoText: tooltips (ToolTipRole, setToolTip), status
    // tips, a QMessageBox's informative text. Qt shows those as HTML when Qt::mightBeRichText
    // guesses so, and its HTML loads the files an <img> names on the GUI thread. Text with no
    // '<' or '&' can never be taken for HTML and is returned unchanged; anything else is escaped
    // and wrapped so that Qt renders exactly `plain` (line breaks and spaces kept, as a plain
    // tooltip would), with no image or link.
    static QString forAutoText(const QString &plain);
};

} // namespace plexe
