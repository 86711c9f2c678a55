#include "keys/KeyActions.h"

#include "common/MessageWidget.h"
#include "keys/ApiKeysPane.h"
#include "keys/CreateKeyDialog.h"
#include "keys/LostKeyNotices.h"
#include "keys/RotateKeyDialog.h"
#include "keys/ScheduledRevocations.h"
#include "session/SessionManager.h"

namespace plexe {

KeyActions::KeyActions(ApiKeysPane *pane, const ShellServices &services, QWidget *dialogParent,
                       MessageWidget *windowBanner)
    : QObject(pane), m_pane(pane), m_services(services), m_dialogParent(dialogParent),
      m_windowBanner(windowBanner), m_lostKeys(new LostKeyNotices(services.settings, this))
{
    // An answer that comes after the next sign-in is said then.
    connect(m_lostKeys, &LostKeyNotices::answered, this, [this](const QString &profile) {
        if (m_context.session && m_context.session->isSignedIn() &&
            m_context.session->profile() == profile)
            m_lostKeys->showFor(profile, m_windowBanner);
    });
    connect(m_pane, &ApiKeysPane::createRequested, this, &KeyActions::create);
    connect(m_pane, &ApiKeysPane::rotateRequested, this, &KeyActions::rotate);
}

void KeyActions::activateSession(const PaneContext &context)
{
    m_context = context;
    if (!context.session)
        return;
    ScheduledRevocations *schedule = revocationsFor(context.session);
    schedule->setAccount(context.user.email); // before the first look: only its own run
    schedule->start();
    m_lostKeys->showFor(context.session->profile(), m_windowBanner); // kept by profile id
}

void KeyActions::create()
{
    if (!m_context.session || !m_context.session->isSignedIn())
        return;
    auto *dialog = new CreateKeyDialog(m_context.session, m_services.clipboard, m_services.clock,
                                       m_context.user.email, m_context.profile, m_dialogParent);
    connect(dialog, &CreateKeyDialog::keyCreated, m_pane, &ApiKeysPane::keyCreated);
    dialog->open();
}

void KeyActions::rotate(const ApiKey &key)
{
    if (!m_context.session || !m_context.session->isSignedIn())
        return;
    auto *dialog = new RotateKeyDialog(key, m_context.user.email, m_context.session,
                                       revocationsFor(m_context.session), m_services.clipboard,
                                       m_services.clock, m_dialogParent);
    // Whatever happened (a new key, a revoked or scheduled old one), the list shows it.
    connect(dialog, &QDialog::finished, m_pane, &ApiKeysPane::reload);
    dialog->open();
}

ScheduledRevocations *KeyActions::revocationsFor(SessionManager *session)
{
    QPointer<ScheduledRevocations> &revocations = m_revocations[session];
    if (revocations)
        return revocations;
    revocations = new ScheduledRevocations(m_services.settings, session, m_services.clock, session);
    m_lostKeys->watch(session); // once per session, like its schedule
    ScheduledRevocations *schedule = revocations;
    connect(schedule, &ScheduledRevocations::reminder, this,
            [this, schedule, session](const QString &message) {
                if (session != m_context.session)
                    return;
                // Not the pane's banner: the list's loading (which follows a start) hides that.
                m_pane->reminderBanner()->showMessage(
                    message, MessageWidget::Kind::Warning,
                    {{tr("Revoke now"), QStringLiteral("revokeOverdueButton"), [schedule] {
                          schedule->revokeOverdueNow();
                      }}});
            });
    connect(schedule, &ScheduledRevocations::revoked, m_pane, &ApiKeysPane::reload);
    connect(schedule, &ScheduledRevocations::revoked, this, [this, schedule, session] {
        if (session == m_context.session && schedule->overdue().isEmpty())
            m_pane->reminderBanner()->hideMessage(); // nothing left to remind of
    });
    return schedule;
}

} // namespace plexe
