#pragma once

#include <functional>

class QObject;
class QThreadPool;

namespace plexe {

// Hands work to a pool thread and results back to an object's thread, as QThreadPool::start()
// and a queued QMetaObject::invokeMethod() do, with the hand-off visible to ThreadSanitizer.
// Debian's Qt is not instrumented: the order its own mutexes give (a pool thread takes the task
// after it was queued; the event loop runs a posted call after it was posted) happens in
// futex calls ThreadSanitizer cannot see, and every capture would be reported as a race.
// Under ThreadSanitizer each hand-off is annotated as release (sender) and acquire (receiver);
// in every other build these are exactly the Qt calls.
class ThreadHandoff
{
public:
    // Runs `task` on `pool`.
    static void start(QThreadPool &pool, std::function<void()> task);
    // Runs `call` on `context`'s thread from its event loop; dropped with `context`.
    static void post(QObject *context, std::function<void()> call);
};

} // namespace plexe
