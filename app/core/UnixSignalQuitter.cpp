#include "core/UnixSignalQuitter.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace plexe {

namespace {

// The write end for the handler; a plain int because a handler may touch nothing else.
volatile sig_atomic_t g_writeFd = -1;

void onSignal(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // Non-blocking: if the pipe is full, a quit is already pending.
    [[maybe_unused]] const ssize_t written = ::write(g_writeFd, &byte, 1);
    errno = savedErrno;
}

} // namespace

UnixSignalQuitter::UnixSignalQuitter(QObject *parent) : QObject(parent)
{
    if (g_writeFd != -1)
        return; // another instance owns the handlers
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, m_fds) != 0)
        return;
    g_writeFd = m_fds[0];
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    // SA_RESTART: system calls that Qt or a library makes are not interrupted by EINTR.
    action.sa_flags = SA_RESTART;
    if (::sigaction(SIGTERM, &action, &m_oldTerm) != 0 ||
        ::sigaction(SIGINT, &action, &m_oldInt) != 0) {
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        g_writeFd = -1;
        ::close(m_fds[0]);
        ::close(m_fds[1]);
        m_fds[0] = m_fds[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(m_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalQuitter::onReadable);
}

UnixSignalQuitter::~UnixSignalQuitter()
{
    if (!m_notifier)
        return;
    ::sigaction(SIGTERM, &m_oldTerm, nullptr);
    ::sigaction(SIGINT, &m_oldInt, nullptr);
    g_writeFd = -1;
    delete m_notifier;
    ::close(m_fds[0]);
    ::close(m_fds[1]);
}

void UnixSignalQuitter::onReadable()
{
    unsigned char byte = 0;
    int last = 0;
    while (::read(m_fds[1], &byte, 1) == 1)
        last = byte;
    if (last == 0)
        return;
    emit signalReceived(last);
    QCoreApplication::quit();
}

} // namespace plexe
