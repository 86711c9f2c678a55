#include "core/Version.h"

namespace plexe {

QString consoleVersion()
{
    return QStringLiteral(PLEXE_VERSION);
}

} // namespace plexe
