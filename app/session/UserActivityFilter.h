#pragma once

#include <QObject>

namespace plexe {

class SessionPolicy;

// Application-wide event filter that turns real user input (keys, mouse, wheel, touch, tablet)
// into SessionPolicy activity; timers, network and other background events never count (B16).
class UserActivityFilter : public QObject
{
    Q_OBJECT

public:
    // Install with QCoreApplication::instance()->installEventFilter(filter).
    explicit UserActivityFilter(SessionPolicy *policy, QObject *parent = nullptr);

    static bool isUserInput(int eventType);
    int inputEventCount() const { return m_count; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    SessionPolicy *m_policy;
    int m_count = 0;
};

} // namespace plexe
