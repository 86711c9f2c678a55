#pragma once

#include "api/User.h"
#include "session/SessionManager.h"
#include "shell/ShellServices.h"

#include <QMainWindow>
#include <QPointer>
#include <QVariantMap>

class QStackedWidget;

namespace plexe {

class AccessLogsPane;
class AccountPane;
class ApiKeysPane;
class KeyActions;
class MessageWidget;
class ProfileBar;
class ProfileSessions;
class IdleWarning;
class SignInPage;
class StartPage;
class StatusLine;
class StepUpPrompt;
class Workspace;
struct Profile;

// The console's window: the profile switcher, a window-wide banner (idle warning, sandbox,
// keychain), and one of three pages — starting (restoring a session, starting the sandbox), the
// sign-in page, or the workspace with its panes. It composes the panes from the services it is
// given and turns the session's signals into what the user sees (B13, B16, B17, B19).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(const ShellServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `profileName` (or the last used / the first profile when empty): starts the sandbox
    // or restores the profile's session as needed.
    void openProfile(const QString &profileName);
    SessionManager *currentSession() const { return m_session; }
    QString currentProfileName() const { return m_profileName; }
    Workspace *workspace() const { return m_workspace; }
    ApiKeysPane *apiKeysPane() const { return m_keys; }
    AccessLogsPane *accessLogsPane() const { return m_logs; }
    SignInPage *signInPage() const { return m_signIn; }
    MessageWidget *windowBanner() const { return m_banner; }
    StatusLine *statusLine() const { return m_status; }

signals:
    // The window's first paint has reached the screen (Console opens the profile after it, so
    // that the keychain and the network never delay the first frame).
    void firstPainted();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void buildActions();
    void reloadProfileList();
    void activate(const Profile &profile);
    void watch(SessionManager *session);
    void onSignedIn(SessionManager *session);
    void loadUser();
    void showWorkspace();
    void onSignedOut(SessionManager::EndReason reason);
    void onRestoreFinished(bool restored);
    void onStepUpRequired(bool passwordAccount);
    void showSignIn();
    void showStarting(const QString &text);
    void updateTitle();
    void updateStorage();
    void forgetProfile();
    void forgetStoredData(const Profile &profile);
    void onSandboxStarted();
    QString signedOutText(SessionManager::EndReason reason) const;

    ShellServices m_services;
    ProfileSessions *m_sessions;
    QPointer<SessionManager> m_session;
    QString m_profileName;
    QString m_profileId; // Profile::id of the open profile (survives a rename)
    User m_user;
    bool m_painted = false;

    ProfileBar *m_profileBar;
    MessageWidget *m_banner;
    QStackedWidget *m_pages;
    StartPage *m_start;
    SignInPage *m_signIn;
    Workspace *m_workspace;
    ApiKeysPane *m_keys;
    AccessLogsPane *m_logs;
    KeyActions *m_keyActions;
    AccountPane *m_account;
    StatusLine *m_status;
    IdleWarning *m_idle;
    QPointer<StepUpPrompt> m_stepUp;

    // Where the user was when an idle or absolute timeout ended the session: the same account
    // signing in again on the same profile comes back to it (a different account starts fresh).
    struct ResumePoint
    {
        QString profile;
        QString email;
        QVariantMap state;
    };
    ResumePoint m_resume;
};

} // namespace plexe
