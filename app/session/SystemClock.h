#pragma once

#include "session/Clock.h"

namespace plexe {

// The real clock (UTC).
class SystemClock : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace plexe
