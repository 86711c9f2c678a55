#pragma once

#include "shell/Pane.h"
#include "shell/ShellServices.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace plexe {

class ApiKeysPane;
class LostKeyNotices;
class MessageWidget;
class ScheduledRevocations;
struct ApiKey;

// What the API Keys pane asks the window for: the create dialog (which reveals the new key
// itself), the guided rotation, and each profile's scheduled revocations with their reminder
// banner. Kept out of the pane so that the pane only lists and edits, and out of the window so
// that the window only composes.
class KeyActions : public QObject
{
    Q_OBJECT

public:
    // `pane`, `dialogParent` and `windowBanner` are not owned; the services must outlive this
    // object. The window's banner tells, after a sign-in, of a key lost with the last session.
    KeyActions(ApiKeysPane *pane, const ShellServices &services, QWidget *dialogParent,
               MessageWidget *windowBanner);

    // A session began: dialogs act for it, its profile's scheduled revocations start, and what
    // became of a key left on screen when the last session ended is said.
    void activateSession(const PaneContext &context);

private:
    void create();
    void rotate(const ApiKey &key);
    ScheduledRevocations *revocationsFor(SessionManager *session);

    ApiKeysPane *m_pane;
    ShellServices m_services;
    QWidget *m_dialogParent;
    MessageWidget *m_windowBanner;
    LostKeyNotices *m_lostKeys;
    PaneContext m_context;
    // One per session (so per profile); each is a child of its session and dies with it.
    QHash<SessionManager *, QPointer<ScheduledRevocations>> m_revocations;
};

} // namespace plexe
