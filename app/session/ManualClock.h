#pragma once

#include "session/Clock.h"

#include <chrono>
#include <utility>

namespace plexe {

// A clock that only moves when told to; for tests of the session policy and the flows.
class ManualClock : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC))
        : m_now(std::move(start))
    {}
    QDateTime now() const override { return m_now; }
    void advance(std::chrono::milliseconds by) { m_now = m_now.addMSecs(by.count()); }
    void set(const QDateTime &time) { m_now = time; }

private:
    QDateTime m_now;
};

} // namespace plexe
