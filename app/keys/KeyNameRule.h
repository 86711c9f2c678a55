#pragma once

#include <QString>

namespace plexe {

// The documented rule for an API key's name (product.md: required, trimmed, at most 100
// characters), counted as the server counts: after Unicode NFC normalisation and trimming, in
// code points (not UTF-16 units, not bytes), so an accented letter or an emoji is one character.
// What else a server refuses (e.g. the sandbox's invisible characters) comes back as a 422.
class KeyNameRule
{
public:
    static constexpr int kMaxLength = 100;

    // The name as it will be sent: NFC, trimmed.
    static QString normalized(const QString &name);
    // Characters of the normalized name.
    static int length(const QString &name);
    // Empty when valid; otherwise the sentence to show next to the field.
    static QString problem(const QString &name);
};

} // namespace plexe
