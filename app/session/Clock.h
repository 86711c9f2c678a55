#pragma once

#include <QDateTime>

namespace plexe {

// Wall-clock time source, injected so that session timers can be tested without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

} // namespace plexe
