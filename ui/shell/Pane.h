#pragma once

#include "api/User.h"

#include <QString>
#include <QVariantMap>
#include <QWidget>

namespace plexe {

class RequestJournal;
class SessionManager;

// What a pane works with once a session has begun; handed over by the window.
struct PaneContext
{
    SessionManager *session = nullptr; // the signed-in profile's session (not owned)
    QString profile;                   // its name, for confirmations and banners
    User user;                         // who is signed in (fields empty if not loaded)
    RequestJournal *journal = nullptr; // the profile's request journal (not owned)
};

// A page of the workspace (API Keys, Access Logs, Models, Account). The shell calls these for
// the window-wide shortcuts and for the session's lifecycle; each pane owns its banner.
class Pane : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    // The session began (or was restored): load what the pane shows.
    virtual void activateSession(const PaneContext &context) { Q_UNUSED(context) }
    // F5 / Ctrl+R.
    virtual void refresh() {}
    // Ctrl+F: focus the pane's search field, if it has one.
    virtual void focusSearch() {}
    // B17: the session ended; drop every row and detail of the account.
    virtual void dropSessionData() {}
    // Filters and selection, so that signing in again as the same account after an idle timeout
    // brings the user back to where they were. Never holds a secret.
    virtual QVariantMap saveState() const { return {}; }
    virtual void restoreState(const QVariantMap &) {}
};

} // namespace plexe
