#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace plexe::sandbox {

// Owning pointers for the OpenSSL objects the sandbox creates.
struct OpenSslDeleter
{
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(BIO *p) const { BIO_free_all(p); }
};
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter>;
using PKeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter>;

} // namespace plexe::sandbox
