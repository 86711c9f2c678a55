#pragma once

#include "shell/Pane.h"
#include "shell/ShellServices.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace plexe {

class ApiKeysPane;
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
    // `pane` and `dialogParent` are not owned; the services must outlive this object.
    KeyActions(ApiKeysPane *pane, const ShellServices &services, QWidget *dialogParent);

    // A session began: dialogs act for it, and its profile's scheduled revocations start.
    void activateSession(const PaneContext &context);

private:
    void create();
    void rotate(const ApiKey &key);
    ScheduledRevocations *revocationsFor(SessionManager *session);

    ApiKeysPane *m_pane;
    ShellServices m_services;
    QWidget *m_dialogParent;
    PaneContext m_context;
    // One per session (so per profile); each is a child of its session and dies with it.
    QHash<SessionManager *, QPointer<ScheduledRevocations>> m_revocations;
};

} // namespace plexe
