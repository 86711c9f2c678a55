#pragma once

#include <QDateTime>
#include <QObject>

class QLabel;
class QStatusBar;
class QTimer;

namespace plexe {

class Clock;

// The window's status bar: the profile, where the session is stored (B13: always visible), and
// the idle countdown once the warning is near.
class StatusLine : public QObject
{
    Q_OBJECT

public:
    StatusLine(QStatusBar *bar, const Clock *clock, QObject *parent = nullptr);

    void setProfile(const QString &name);
    // "Secret Service", "memory only", or empty while signed out.
    void setStorage(const QString &backend, bool memoryOnly);
    // Shows "signs out in m:ss when idle" until `deadline`; an invalid deadline hides it.
    void setIdleDeadline(const QDateTime &deadline);

    QString storageText() const;
    QString idleText() const;

private:
    void tick();

    const Clock *m_clock;
    QLabel *m_profile;
    QLabel *m_storage;
    QLabel *m_idle;
    QTimer *m_timer;
    QDateTime m_idleDeadline;
};

} // namespace plexe
