#include "tls/PemFile.h"

#include <openssl/pem.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace plexe::sandbox {

namespace {
void writeFile(const std::string &path, BIO *bio, mode_t mode)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    const std::string temp = path + ".tmp";
    ::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        throw std::runtime_error("cannot write " + temp + ": " + std::strerror(errno));
    bool ok = ::fchmod(fd, mode) == 0;
    for (long written = 0; ok && written < size;) {
        const ssize_t n = ::write(fd, data + written, size_t(size - written));
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        written += n > 0 ? n : 0;
    }
    ok = ::fsync(fd) == 0 && ok;
    ok = ::close(fd) == 0 && ok;
    // Rename last, so a crash never leaves a half-written PEM under the real name.
    if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        ::unlink(temp.c_str());
        throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    }
}

BioPtr memoryBio()
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio)
        throw std::runtime_error("BIO_new failed");
    return bio;
}
} // namespace

X509Ptr PemFile::readCertificate(const std::string &path)
{
    BioPtr bio(BIO_new_file(path.c_str(), "r"));
    X509Ptr certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!certificate)
        throw std::runtime_error("cannot read a certificate from " + path);
    return certificate;
}

PKeyPtr PemFile::readPrivateKey(const std::string &path)
{
    BioPtr bio(BIO_new_file(path.c_str(), "r"));
    PKeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key)
        throw std::runtime_error("cannot read a private key from " + path);
    return key;
}

void PemFile::writeCertificate(const std::string &path, X509 *certificate)
{
    BioPtr bio = memoryBio();
    if (PEM_write_bio_X509(bio.get(), certificate) != 1)
        throw std::runtime_error("PEM_write_bio_X509 failed");
    writeFile(path, bio.get(), 0644);
}

void PemFile::writePrivateKey(const std::string &path, EVP_PKEY *key)
{
    BioPtr bio = memoryBio();
    if (PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        throw std::runtime_error("PEM_write_bio_PrivateKey failed");
    writeFile(path, bio.get(), 0600);
}

} // namespace plexe::sandbox
