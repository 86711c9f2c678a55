#pragma once

#include <QByteArray>

#include <openssl/crypto.h>

namespace plexe {

// Zeroes the bytes of `bytes` in place, then empties it. Unlike fill(0), this never detaches:
// when the buffer is shared (a QByteArray copy, the network stack's upload device), fill(0)
// would zero a fresh copy and leave the secret in the one real buffer. Every holder of the
// buffer sees zeros afterwards, so call it only once no holder still needs to read it.
inline void wipeInPlace(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.data_ptr()->isMutable()) // not a literal in read-only memory
        OPENSSL_cleanse(const_cast<char *>(bytes.constData()), size_t(bytes.size()));
    bytes.clear();
}

} // namespace plexe
