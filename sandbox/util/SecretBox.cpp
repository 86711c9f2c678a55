#include "util/SecretBox.h"

#include "auth/AuthCrypto.h"

#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace plexe::sandbox {

namespace {
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;
const QByteArray kVersion = QByteArrayLiteral("v1:");

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherCtx newContext()
{
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!ctx)
        throw std::runtime_error("EVP_CIPHER_CTX_new failed");
    return ctx;
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

unsigned char *bytes(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}
} // namespace

SecretBox::SecretBox(QByteArray key) : m_key(std::move(key))
{
    if (m_key.size() != kKeyBytes)
        throw std::runtime_error("the sealing key must be 32 bytes");
}

SecretBox SecretBox::forDataFolder(const std::string &dataDir)
{
    const std::string path = dataDir + "/sealing.key";
    // O_EXCL: two processes starting at once must not both write a key.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        const QByteArray key = authcrypto::randomBytes(kKeyBytes);
        const bool ok =
            ::write(fd, key.constData(), size_t(key.size())) == key.size() && ::fsync(fd) == 0;
        ::close(fd);
        if (!ok)
            throw std::runtime_error("cannot write " + path);
        return SecretBox(key);
    }
    if (errno != EEXIST)
        throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    QByteArray key(kKeyBytes + 1, '\0');
    const ssize_t n = ::read(fd, key.data(), size_t(key.size()));
    ::close(fd);
    if (n != kKeyBytes)
        throw std::runtime_error(path + " is not a 32-byte key");
    key.truncate(kKeyBytes);
    return SecretBox(key);
}

QByteArray SecretBox::seal(const QByteArray &plaintext, const QByteArray &purpose) const
{
    const QByteArray nonce = authcrypto::randomBytes(kNonceBytes);
    QByteArray out(plaintext.size() + kTagBytes, '\0');
    CipherCtx ctx = newContext();
    int len = 0;
    int total = 0;
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(m_key), bytes(nonce)) !=
            1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(purpose), purpose.size()) != 1 ||
        EVP_EncryptUpdate(ctx.get(), bytes(out), &len, bytes(plaintext), plaintext.size()) != 1)
        throw std::runtime_error("AES-GCM encryption failed");
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), bytes(out) + total, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, bytes(out) + total + len) !=
            1)
        throw std::runtime_error("AES-GCM encryption failed");
    return kVersion + (nonce + out).toBase64();
}

std::optional<QByteArray> SecretBox::open(const QByteArray &sealed, const QByteArray &purpose) const
{
    if (!sealed.startsWith(kVersion))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(sealed.mid(kVersion.size()),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < kNonceBytes + kTagBytes)
        return std::nullopt;
    const QByteArray &raw = decoded.decoded;
    const QByteArray nonce = raw.left(kNonceBytes);
    QByteArray tag = raw.right(kTagBytes);
    const QByteArray cipher = raw.mid(kNonceBytes, raw.size() - kNonceBytes - kTagBytes);
    QByteArray out(cipher.size(), '\0');
    CipherCtx ctx = newContext();
    int len = 0;
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(m_key), bytes(nonce)) !=
            1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(purpose), purpose.size()) != 1 ||
        EVP_DecryptUpdate(ctx.get(), bytes(out), &len, bytes(cipher), cipher.size()) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag)) != 1)
        return std::nullopt;
    int finalLen = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(out) + len, &finalLen) != 1)
        return std::nullopt;
    return out;
}

} // namespace plexe::sandbox
