#include "core/ThreadHandoff.h"

#include <QMetaObject>
#include <QObject>
#include <QRunnable>
#include <QThreadPool>

#if defined(__SANITIZE_THREAD__)
#define PLEXE_TSAN_ANNOTATE 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PLEXE_TSAN_ANNOTATE 1
#endif
#endif

#ifdef PLEXE_TSAN_ANNOTATE
#include <sanitizer/tsan_interface.h>
#endif

namespace plexe {

namespace {

void release([[maybe_unused]] void *key)
{
#ifdef PLEXE_TSAN_ANNOTATE
    __tsan_release(key);
#endif
}

void acquire([[maybe_unused]] void *key)
{
#ifdef PLEXE_TSAN_ANNOTATE
    __tsan_acquire(key);
#endif
}

class Task : public QRunnable
{
public:
    explicit Task(std::function<void()> fn) : m_fn(std::move(fn)) { setAutoDelete(true); }

    void run() override
    {
        acquire(this); // pairs with the release in ThreadHandoff::start()
        m_fn();
    }

private:
    std::function<void()> m_fn;
};

// Posted calls use one key: the receiver cannot read a per-call key out of the call's
// captures before it has acquired them. Acquiring every earlier post orders more than Qt's
// event queue promises, which can only hide a race, never invent one.
char postedKey;

// The functor queued by post(). invokeMethod() moves it into Qt's slot object in our code, so
// the move is the sender's last write: it releases there. The receiver acquires before the
// call reads anything, and before destruction when the call is dropped unrun.
struct Posted
{
    explicit Posted(std::function<void()> fn) : call(std::move(fn)) {}
    Posted(Posted &&other) noexcept : call(std::move(other.call)) { release(&postedKey); }
    Posted(const Posted &) = delete;
    Posted &operator=(const Posted &) = delete;
    Posted &operator=(Posted &&) = delete;
    ~Posted() { acquire(&postedKey); }

    void operator()()
    {
        acquire(&postedKey);
        call();
    }

    std::function<void()> call;
};

} // namespace

void ThreadHandoff::start(QThreadPool &pool, std::function<void()> task)
{
    auto *runnable = new Task(std::move(task));
    release(runnable);    // everything written so far, the task's captures included
    pool.start(runnable); // the pool deletes it after run(), or in clear()
}

void ThreadHandoff::post(QObject *context, std::function<void()> call)
{
    QMetaObject::invokeMethod(context, Posted(std::move(call)), Qt::QueuedConnection);
}

} // namespace plexe
