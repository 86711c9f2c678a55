#pragma once

#include "auth/BrowserSignIn.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace plexe {

class Clock;
class MessageWidget;
class SessionManager;

// Asks the user to prove who they are again before a sensitive action (B19): the password for
// password accounts, the browser with prompt=login for OAuth accounts. It answers the session
// manager (reauthenticate / completeStepUp / cancelStepUp); Cancel sends nothing. Opened with
// open() by the shell when the manager emits stepUpRequired(); it deletes itself when closed.
class StepUpPrompt : public QDialog
{
    Q_OBJECT

public:
    StepUpPrompt(SessionManager *session, bool passwordAccount, const Clock *clock,
                 BrowserSignIn::Opener opener, QWidget *parent = nullptr);
    ~StepUpPrompt() override;

    void reject() override; // Cancel, Esc, the close button: cancelStepUp()

private:
    void submitPassword();
    void startBrowser();
    void setBusy(bool busy);
    void showError(const QString &message);

    QPointer<SessionManager> m_session;
    bool m_passwordAccount;
    const Clock *m_clock;
    BrowserSignIn::Opener m_opener;
    BrowserSignIn *m_browser = nullptr;
    MessageWidget *m_message;
    QLineEdit *m_password = nullptr;
    QPushButton *m_confirm;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    bool m_finished = false;
};

} // namespace plexe
