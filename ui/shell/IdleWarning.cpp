#include "shell/IdleWarning.h"

#include "common/MessageWidget.h"
#include "session/Clock.h"
#include "session/SessionPolicy.h"
#include "shell/StatusLine.h"

namespace plexe {

IdleWarning::IdleWarning(MessageWidget *banner, StatusLine *status, const Clock *clock,
                         QObject *parent)
    : QObject(parent), m_banner(banner), m_status(status), m_clock(clock)
{}

void IdleWarning::watch(SessionPolicy *policy, std::function<bool()> isCurrent)
{
    connect(policy, &SessionPolicy::idleWarning, this, [this, policy, isCurrent] {
        if (isCurrent())
            show(policy);
    });
    // The countdown ran out while a new key is on screen: no sign-out until that window closes.
    connect(policy, &SessionPolicy::idleSignOutHeld, this, [this, isCurrent] {
        if (!isCurrent())
            return;
        m_banner->showMessage(tr("Signing out for inactivity waits until the window with the "
                                 "new key is closed."),
                              MessageWidget::Kind::Warning);
        m_status->setIdleDeadline({});
    });
    connect(policy, &SessionPolicy::idleWarningCleared, this, [this, policy, isCurrent] {
        if (!isCurrent())
            return;
        // With an idle timeout of a minute or less the warning is due again at once: keep it
        // and move its countdown, rather than letting the banner (and the layout under the
        // user's pointer) blink on every click.
        const QDateTime deadline = policy->idleDeadline();
        if (m_clock->now().secsTo(deadline) <= SessionPolicy::kWarningLead.count())
            return show(policy);
        clear();
    });
}

void IdleWarning::clear()
{
    m_banner->hideMessage();
    m_status->setIdleDeadline({});
}

void IdleWarning::show(SessionPolicy *policy)
{
    m_banner->showCountdown(tr("You will be signed out in %1 because of inactivity."),
                            policy->idleDeadline(), MessageWidget::Kind::Warning, {},
                            {{tr("Stay signed in"), QStringLiteral("staySignedInButton"), [policy] {
                                  policy->staySignedIn();
                              }}});
    m_status->setIdleDeadline(policy->idleDeadline());
}

} // namespace plexe
