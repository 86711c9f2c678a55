#pragma once

#include <httplib.h>

#include <sys/socket.h>

namespace plexe::sandbox {

// httplib's SSLServer with a deeper listen backlog: httplib listens with a backlog of 5, which
// drops connections when a client (a test suite, wrk) opens dozens at once.
class TlsServer : public httplib::SSLServer
{
public:
    using httplib::SSLServer::SSLServer;

    // Call after bind_to_port; listening again on a bound socket only changes the backlog.
    bool raiseBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }
};

} // namespace plexe::sandbox
