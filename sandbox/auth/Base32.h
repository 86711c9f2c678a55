#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace plexe::sandbox {

// RFC 4648 §6 base32 (alphabet A–Z 2–7), as authenticator apps expect TOTP secrets.
class Base32
{
public:
    // Upper case; padding '=' only when `pad` is true (otpauth:// URIs carry none).
    static QString encode(const QByteArray &data, bool pad = false);

    // Accepts upper or lower case, with or without trailing '=' padding, and ignores spaces and
    // hyphens (people type secrets in groups). nullopt on any other character, on padding in the
    // middle, or on a length no byte string encodes to.
    static std::optional<QByteArray> decode(const QString &text);
};

} // namespace plexe::sandbox
