#include "api/Credential.h"

#include <QNetworkRequest>

namespace plexe {

void Credential::apply(QNetworkRequest &request) const
{
    if (isEmpty())
        return;
    if (m_type == Type::ApiKey)
        request.setRawHeader(QByteArrayLiteral("x-api-key"), m_secret);
    else
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_secret);
}

void Credential::wipe()
{
    // QByteArray is implicitly shared: this zeroes the bytes this object owns; any other holder
    // of a copy wipes its own (callers should avoid making copies of secrets).
    m_secret.detach();
    m_secret.fill('\0');
    m_secret.clear();
    m_type = Type::None;
}

} // namespace plexe
