#include "auth/SignInEvents.h"

#include "http/RequestContext.h"

namespace plexe::sandbox {

void SignInEvents::record(Connection &, const RequestContext &, const std::string &, bool,
                          const std::string &, int, const std::string &)
{
    // Wired to the access-log writer (sandbox/logs) once it lands.
}

} // namespace plexe::sandbox
