#pragma once

#include <QString>

namespace plexe {

// The console's version, as set by the build.
QString consoleVersion();

} // namespace plexe
