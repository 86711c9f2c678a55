#pragma once

#include "auth/BrowserSignIn.h"
#include "sandbox/DemoAccount.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QStackedWidget;

namespace plexe {

class ApiError;
class ApiKeySignIn;
class ApiKeyStep;
class BrowserStep;
class Clock;
class CodeStep;
class CredentialsStep;
class MessageWidget;
class PasswordSignIn;
class SessionManager;
struct SignInResult;

// The sign-in page that covers the window while signed out. It runs one of the core's sign-in
// flows at a time on the current profile's client and hands a successful result to the
// profile's SessionManager (beginSession); the shell reacts to the manager's signedIn().
// Nothing here blocks: each flow is asynchronous and can be cancelled.
class SignInPage : public QWidget
{
    Q_OBJECT

public:
    // `clock` is not owned; `opener` opens the system browser (QDesktopServices in the app).
    SignInPage(const Clock *clock, BrowserSignIn::Opener opener, QWidget *parent = nullptr);
    ~SignInPage() override;

    // The profile whose session a sign-in begins; cancels any attempt under way.
    void setSession(SessionManager *session, const QString &profileName);
    void setDemoAccounts(const QList<DemoAccount> &accounts);
    // Back to the first step with no attempt running and no message.
    void reset();
    // A message above the form (why the user is here, keychain trouble…).
    MessageWidget *banner() const { return m_banner; }
    bool isBusy() const { return m_busy; }
    // Keyboard focus on the first field to fill.
    void focusInput();

signals:
    void busyChanged(bool busy);

private:
    enum Step { CredentialsPage, CodePage, BrowserPage, ApiKeyPage };

    void startPassword();
    void submitCode();
    void startBrowser(const QString &provider);
    void submitPastedAddress();
    void startApiKey();
    void cancelAttempt();
    void finishWith(SignInResult &result);
    void showError(const QString &message);
    void onRateLimited(const QDateTime &deadline);
    void setBusy(bool busy);
    void showStep(Step step);
    void dropFlows();

    const Clock *m_clock;
    BrowserSignIn::Opener m_opener;
    QPointer<SessionManager> m_session;
    QString m_profileName;
    MessageWidget *m_banner;
    QLabel *m_profileLine;
    QStackedWidget *m_steps;
    CredentialsStep *m_credentials;
    CodeStep *m_code;
    BrowserStep *m_browserStep;
    ApiKeyStep *m_apiKeyStep;
    QProgressBar *m_progress;
    QPointer<PasswordSignIn> m_passwordFlow;
    QPointer<BrowserSignIn> m_browserFlow;
    QPointer<ApiKeySignIn> m_apiKeyFlow;
    bool m_busy = false;
};

} // namespace plexe
