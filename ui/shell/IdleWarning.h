#pragma once

#include <QObject>

#include <functional>

namespace plexe {

class Clock;
class MessageWidget;
class SessionPolicy;
class StatusLine;

// The idle warning (B16): 60 s before the idle timeout, the window's banner counts down with
// "Stay signed in" and the status bar shows the same countdown; user input clears both.
class IdleWarning : public QObject
{
    Q_OBJECT

public:
    // None owned; all must outlive this object.
    IdleWarning(MessageWidget *banner, StatusLine *status, const Clock *clock,
                QObject *parent = nullptr);

    // Follows `policy` while `isCurrent()` says its session is the one the window shows.
    void watch(SessionPolicy *policy, std::function<bool()> isCurrent);
    // The session ended: no countdown left anywhere.
    void clear();

private:
    void show(SessionPolicy *policy);

    MessageWidget *m_banner;
    StatusLine *m_status;
    const Clock *m_clock;
};

} // namespace plexe
