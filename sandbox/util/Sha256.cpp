#include "util/Sha256.h"

#include "auth/AuthCrypto.h"

#include <QByteArray>

namespace plexe::sandbox {

// std::string adapters over AuthCrypto, the sandbox's one SHA-256 and constant-time compare.
std::string Sha256::hex(const std::string &data)
{
    return authcrypto::sha256(QByteArray::fromStdString(data)).toHex().toStdString();
}

bool Sha256::equal(const std::string &a, const std::string &b)
{
    return authcrypto::constantTimeEquals(QByteArray::fromStdString(a),
                                          QByteArray::fromStdString(b));
}

} // namespace plexe::sandbox
