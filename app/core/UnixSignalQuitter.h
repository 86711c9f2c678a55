#pragma once

#include <QObject>

#include <csignal>

class QSocketNotifier;

namespace plexe {

// Turns SIGTERM and SIGINT into QCoreApplication::quit(), so that `kill plexe-console` runs the
// normal shutdown (aboutToQuit: the sandbox child is stopped, sessions are saved) instead of
// dying on the spot. The handler only writes a byte to a pipe (all a signal handler may
// safely do); the event loop reads it. One instance at a time: signal dispositions are global
// to the process.
class UnixSignalQuitter : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalQuitter(QObject *parent = nullptr);
    ~UnixSignalQuitter() override;

    // False if the pipe or a handler could not be set up (then signals keep their default).
    bool isActive() const { return m_notifier != nullptr; }

signals:
    // Emitted before quit() is called.
    void signalReceived(int signalNumber);

private:
    void onReadable();

    int m_fds[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
    struct sigaction m_oldTerm = {};
    struct sigaction m_oldInt = {};
};

} // namespace plexe
