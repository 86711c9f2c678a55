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
};

} // namespace plexe
