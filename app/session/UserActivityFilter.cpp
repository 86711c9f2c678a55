#include "session/UserActivityFilter.h"

#include "session/SessionPolicy.h"

#include <QEvent>

namespace plexe {

UserActivityFilter::UserActivityFilter(SessionPolicy *policy, QObject *parent)
    : QObject(parent), m_policy(policy)
{}

bool UserActivityFilter::isUserInput(int eventType)
{
    switch (eventType) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::TabletRelease:
        return true;
    default:
        return false;
    }
}

bool UserActivityFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (isUserInput(event->type())) {
        ++m_count;
        if (m_policy)
            m_policy->recordUserActivity();
    }
    return QObject::eventFilter(watched, event); // observe only, never consume
}

} // namespace plexe
