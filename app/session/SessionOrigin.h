#pragma once

#include "api/ApiEndpoint.h"

#include <QString>

namespace plexe {

// Where a session was made: the API's scheme, host and port, the fingerprint of the extra CA
// the profile trusts, and the identity issuer. A stored session is only ever restored against
// the very origin it was made for (issue 21 item 2): a credential must not follow a profile
// whose address changed, nor an --api-url run, to another server.
class SessionOrigin
{
public:
    // "https://api.plexe.ai:443 ca=- iss=-", or with "ca=sha256:<hex>" and "iss=<issuer>".
    // The CA file is read here (a few KiB); one that cannot be read has fingerprint
    // "unreadable", which matches no session made while it was readable.
    static QString of(const ApiEndpoint &endpoint);
    // The address part alone, for messages ("https://127.0.0.1:8443").
    static QString address(const QString &origin);
};

} // namespace plexe
