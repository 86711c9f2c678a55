#include "shell/MainWindow.h"

#include "account/AccountPane.h"
#include "api/ApiClient.h"
#include "common/Confirmation.h"
#include "common/MessageWidget.h"
#include "common/SecretClipboard.h"
#include "common/StepUpPrompt.h"
#include "core/Preferences.h"
#include "keys/ApiKeysPane.h"
#include "keys/KeyActions.h"
#include "keys/ScheduledRevocations.h"
#include "logs/AccessLogsPane.h"
#include "logs/RequestJournal.h"
#include "models/ModelsPane.h"
#include "profiles/ProfileSessions.h"
#include "profiles/ProfileStore.h"
#include "profiles/ProfilesDialog.h"
#include "sandbox/SandboxLauncher.h"
#include "session/SessionPolicy.h"
#include "session/SessionRequest.h"
#include "session/SessionStore.h"
#include "session/UserActivityFilter.h"
#include "shell/IdleWarning.h"
#include "shell/ProfileBar.h"
#include "shell/StartPage.h"
#include "shell/StatusLine.h"
#include "shell/Workspace.h"
#include "signin/SignInPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace plexe {

Q_LOGGING_CATEGORY(lcUi, "plexe.ui", QtWarningMsg)

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kLastPaneKey = QStringLiteral("window/lastPane");
enum PageIndex { StartingPage, SignInPageIndex, WorkspacePage };
enum PaneIndex { KeysPane, LogsPane, ModelsPaneIndex, AccountPaneIndex };
} // namespace

MainWindow::MainWindow(const ShellServices &services, QWidget *parent)
    : QMainWindow(parent), m_services(services),
      m_sessions(new ProfileSessions(services.store, services.clock, this)),
      m_profileBar(new ProfileBar(this)), m_banner(new MessageWidget(this, services.clock)),
      m_pages(new QStackedWidget(this)), m_start(new StartPage(m_pages)),
      m_signIn(new SignInPage(services.clock, services.opener, m_pages)),
      m_workspace(new Workspace(m_pages)), m_keys(new ApiKeysPane(services.clock)),
      m_logs(new AccessLogsPane(services.clock)),
      m_account(new AccountPane(services.preferences, services.clock)),
      m_status(new StatusLine(statusBar(), services.clock, this)),
      m_idle(new IdleWarning(m_banner, m_status, services.clock, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);

    layout->addWidget(m_profileBar);
    m_banner->setObjectName(QStringLiteral("windowMessage"));
    layout->addWidget(m_banner);
    m_start->setText(tr("Starting…"));
    m_pages->addWidget(m_start);
    m_pages->addWidget(m_signIn);
    m_pages->addWidget(m_workspace);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_workspace->addPane(m_keys, QStringLiteral("dialog-password"),
                         QStringLiteral(":/icons/keys.svg"));
    m_keyActions = new KeyActions(m_keys, m_services, this, m_banner);
    m_workspace->addPane(m_logs, QStringLiteral("text-x-generic"),
                         QStringLiteral(":/icons/logs.svg"));
    connect(m_keys, &ApiKeysPane::viewActivityRequested, this, [this](const QString &keyId) {
        m_workspace->setCurrentIndex(LogsPane);
        m_logs->showKeyActivity(keyId);
    });
    m_workspace->addPane(new ModelsPane(services.clock, this),
                         QStringLiteral("applications-science"),
                         QStringLiteral(":/icons/models.svg"));
    m_workspace->addPane(m_account, QStringLiteral("avatar-default"),
                         QStringLiteral(":/icons/account.svg"));
    m_workspace->setCurrentIndex(m_services.settings->value(kLastPaneKey, 0).toInt());

    buildActions();
    connect(m_account, &AccountPane::signOutRequested, this, [this] {
        if (m_session)
            m_session->signOut();
    });
    connect(m_account, &AccountPane::forgetProfileRequested, this, &MainWindow::forgetProfile);
    connect(m_services.preferences, &Preferences::idleTimeoutChanged, m_sessions,
            &ProfileSessions::setIdleTimeoutMinutes);
    m_sessions->setIdleTimeoutMinutes(m_services.preferences->idleTimeoutMinutes());
    connect(m_sessions, &ProfileSessions::createdSession, this, &MainWindow::watch);
    connect(m_profileBar, &ProfileBar::profileChosen, this, &MainWindow::openProfile);
    connect(m_services.profiles, &ProfileStore::changed, this, &MainWindow::reloadProfileList);
    // Whoever removes a profile (Manage…, Sign out and forget), what is kept for it goes too,
    // whether or not it was opened in this run.
    connect(m_services.profiles, &ProfileStore::removed, this, &MainWindow::forgetStoredData);
    connect(m_profileBar, &ProfileBar::manageRequested, this,
            [this] { (new ProfilesDialog(m_services.profiles, this))->open(); });
    if (m_services.sandbox) {
        connect(m_services.sandbox, &SandboxLauncher::started, this, &MainWindow::onSandboxStarted);
        connect(m_services.sandbox, &SandboxLauncher::failed, this, [this](const QString &why) {
            if (m_profileName != Profile::sandboxName())
                return;
            showSignIn();
            m_signIn->banner()->showMessage(tr("The local sandbox did not start: %1").arg(why),
                                            MessageWidget::Kind::Error);
        });
        connect(m_services.sandbox, &SandboxLauncher::died, this, [this](const QString &why) {
            m_banner->showMessage(tr("The local sandbox stopped: %1").arg(why),
                                  MessageWidget::Kind::Error,
                                  {{tr("Restart"), QStringLiteral("restartSandboxButton"), [this] {
                                        m_services.sandbox->restart();
                                    }}});
        });
    }
    reloadProfileList();
    m_status->setStorage(QString(), false);
    updateTitle();
    resize(1100, 720);
    restoreGeometry(m_services.settings->value(kGeometryKey).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    const auto add = [this](const QString &name, const QString &text,
                            const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    for (int i = 0; i < m_workspace->count(); ++i) {
        add(QStringLiteral("showPane%1").arg(i + 1), m_workspace->panes()[i]->title(),
            {QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1))}, [this, i] {
                if (m_pages->currentIndex() == WorkspacePage)
                    m_workspace->setCurrentIndex(i);
            });
    }
    add(QStringLiteral("refreshAction"), tr("Refresh"),
        {QKeySequence(Qt::Key_F5), QKeySequence(QStringLiteral("Ctrl+R"))}, [this] {
            if (m_pages->currentIndex() == WorkspacePage)
                m_workspace->currentPane()->refresh();
        });
    add(QStringLiteral("findAction"), tr("Find"), {QKeySequence::Find}, [this] {
        if (m_pages->currentIndex() == WorkspacePage)
            m_workspace->currentPane()->focusSearch();
    });
    add(QStringLiteral("quitAction"), tr("Quit"), {QKeySequence(QStringLiteral("Ctrl+Q"))},
        [this] { close(); });
    connect(m_workspace, &Workspace::currentPaneChanged, this,
            [this](int index) { m_services.settings->setValue(kLastPaneKey, index); });
}

void MainWindow::reloadProfileList()
{
    QStringList names;
    for (const Profile &profile : m_services.profiles->profiles())
        names << profile.name;
    if (m_profileId.isEmpty()) {
        m_profileBar->setProfiles(names, m_profileName);
        return;
    }
    const std::optional<Profile> open = m_services.profiles->findById(m_profileId);
    if (open && open->name != m_profileName) {
        // Renamed: everything is kept under its id, so the session carries on under the name.
        m_profileName = open->name;
        m_services.profiles->setLastUsed(m_profileName);
        m_status->setProfile(m_profileName);
        if (m_session)
            m_session->setProfileName(m_profileName);
        updateTitle();
    }
    m_profileBar->setProfiles(names, m_profileName);
    // The open profile was removed (forgetStoredData ended its session): the window opens what
    // the store falls back to.
    if (!open) {
        m_sessions->discard(m_profileId);
        m_session = nullptr;
        m_profileId.clear();
        QMetaObject::invokeMethod(
            this, [this] { openProfile(QString()); }, Qt::QueuedConnection);
    }
}

void MainWindow::openProfile(const QString &requested)
{
    QString name = requested;
    if (name.isEmpty())
        name = m_services.profiles->lastUsed();
    std::optional<Profile> profile = m_services.profiles->find(name);
    if (!profile)
        profile = m_services.profiles->profiles().value(0);
    m_banner->hideMessage();
    m_profileName = profile->name;
    m_profileId = profile->id;
    m_profileBar->setCurrent(m_profileName);
    m_services.profiles->setLastUsed(m_profileName);
    m_status->setProfile(m_profileName);
    m_signIn->setDemoAccounts(profile->isSandbox() && m_services.sandbox
                                  ? m_services.sandbox->demoAccounts()
                                  : QList<DemoAccount>());
    if (profile->isSandbox() && profile->apiUrl.isEmpty()) {
        if (m_services.sandbox) {
            showStarting(tr("Starting the local sandbox…"));
            if (m_services.sandbox->state() != SandboxLauncher::State::Starting &&
                m_services.sandbox->state() != SandboxLauncher::State::Seeding)
                m_services.sandbox->start();
            return;
        }
        m_session = nullptr;
        m_signIn->setSession(nullptr, m_profileName);
        showSignIn();
        m_signIn->banner()->showMessage(
            tr("The local sandbox is not running. Start the console with "
               "“plexe-console --sandbox” to use it."),
            MessageWidget::Kind::Information);
        return;
    }
    activate(*profile);
}

void MainWindow::onSandboxStarted()
{
    m_services.profiles->setSessionOverride(Profile::sandboxName(), m_services.sandbox->url(),
                                            m_services.sandbox->caFile());
    m_banner->hideMessage();
    if (m_profileName == Profile::sandboxName())
        openProfile(m_profileName);
}

void MainWindow::activate(const Profile &profile)
{
    SessionManager *session = m_sessions->sessionFor(profile);
    m_session = session;
    m_signIn->setSession(session, profile.name);
    QString why;
    if (!session->endpointOk(&why)) {
        showSignIn();
        m_signIn->banner()->showMessage(tr("This profile cannot be used: %1").arg(why),
                                        MessageWidget::Kind::Error);
        return;
    }
    switch (session->state()) {
    case SessionManager::State::SignedIn:
        onSignedIn(session);
        break;
    case SessionManager::State::Restoring:
        showStarting(tr("Restoring your session…"));
        break;
    case SessionManager::State::SignedOut:
        if (session->property("plexeRestored").toBool()) {
            showSignIn();
        } else {
            session->setProperty("plexeRestored", true);
            showStarting(tr("Restoring your session…"));
            session->restore();
        }
        break;
    }
}

void MainWindow::watch(SessionManager *session)
{
    // The profile's own journal of its requests, for servers without an access-log API.
    auto *journal = new RequestJournal(RequestJournal::pathForProfile(session->profile()),
                                       m_services.clock, RequestJournal::kDefaultCapBytes, session);
    journal->setObjectName(QStringLiteral("requestJournal"));
    connect(session->apiClient(), &ApiClient::requestFinished, journal, &RequestJournal::record);
    // User input anywhere in the console counts for every profile's session; background
    // events never do (B16).
    qApp->installEventFilter(new UserActivityFilter(session->policy(), session));
    const auto current = [this, session] {
        return session == m_session;
    };
    connect(session, &SessionManager::signedIn, this, [this, session, current] {
        if (current())
            onSignedIn(session);
    });
    connect(session, &SessionManager::restoreFinished, this, [this, current](bool restored) {
        if (current())
            onRestoreFinished(restored);
    });
    connect(session, &SessionManager::storedSessionRefused, this,
            [this, current](const QString &why) {
                if (current())
                    m_signIn->banner()->showMessage(why, MessageWidget::Kind::Warning);
            });
    connect(session, &SessionManager::keychainNeedsUnlock, this, [this, session, current] {
        if (!current())
            return;
        showSignIn();
        m_signIn->banner()->showMessage(
            tr("Your keychain is locked. Unlock it (for example in your desktop's passwords "
               "app), then choose Retry."),
            MessageWidget::Kind::Warning,
            {{tr("Retry"), QStringLiteral("keychainRetryButton"),
              [this, session] {
                  m_services.store->retryKeychain();
                  showStarting(tr("Restoring your session…"));
                  session->restore();
              }},
             {tr("Use this session only"), QStringLiteral("memoryOnlyButton"), [this] {
                  m_services.store->useMemoryOnly(tr("The user chose this session only."));
                  m_signIn->banner()->hideMessage();
              }}});
    });
    connect(session, &SessionManager::storageWarning, this, [this, current] {
        if (!current())
            return;
        m_banner->showMessage(tr("Your session could not be saved to the keychain. It is kept "
                                 "in memory for this session only and ends when you quit."),
                              MessageWidget::Kind::Warning);
    });
    connect(session, &SessionManager::storageModeChanged, this, &MainWindow::updateStorage);
    connect(session, &SessionManager::stepUpRequired, this, [this, current](bool password) {
        if (current())
            onStepUpRequired(password);
    });
    connect(session, &SessionManager::closeSecretDialogs, this, [this] {
        if (m_stepUp)
            m_stepUp->close();
    });
    // Any session's end clears a key the console copied (B17); someone else's value stays.
    if (m_services.clipboard)
        connect(session, &SessionManager::clearSecretClipboard, m_services.clipboard,
                &SecretClipboard::clearNow);
    connect(session, &SessionManager::dropSessionData, this, [this, current] {
        if (!current())
            return;
        for (Pane *pane : m_workspace->panes())
            pane->dropSessionData();
    });
    connect(session, &SessionManager::signedOut, this,
            [this, current](SessionManager::EndReason reason) {
                if (current())
                    onSignedOut(reason);
            });
    connect(session, &SessionManager::keychainCleared, this,
            [this, current](bool ok, const QString &message) {
                if (!ok && current())
                    m_signIn->banner()->showMessage(
                        tr("Signed out, but the saved session could not be removed from the "
                           "keychain: %1")
                            .arg(message),
                        MessageWidget::Kind::Warning);
            });
    m_idle->watch(session->policy(), current);
}

void MainWindow::onSignedIn(SessionManager *session)
{
    Q_UNUSED(session)
    m_user = User();
    updateStorage();
    showStarting(tr("Loading your account…"));
    loadUser();
}

void MainWindow::loadUser()
{
    SessionRequest *request = m_session->run([](ApiClient &c) { return c.getUser(); });
    QPointer<SessionManager> session = m_session;
    connect(request, &SessionRequest::finished, this, [this, request, session] {
        if (session != m_session || !session || !session->isSignedIn())
            return;
        if (request->isOk()) {
            if (const User *user = request->result<User>())
                m_user = *user;
        } else if (request->error().kind() == ApiError::Kind::Cancelled) {
            return;
        } else if (request->error().httpStatus() == 401 &&
                   session->sessionKind() == QLatin1String("api_key")) {
            // The stored key is revoked, expired or unknown to this server: nothing in the
            // workspace could work, so the session ends (B17) and the sign-in page says why.
            const QString why = request->error().userMessage();
            session->signOut();
            m_signIn->banner()->showMessage(
                tr("The saved API key was refused: %1 Sign in again.").arg(why),
                MessageWidget::Kind::Warning);
            return;
        } else {
            m_banner->showMessage(
                tr("Your account could not be loaded: %1").arg(request->error().userMessage()),
                MessageWidget::Kind::Error,
                {{tr("Retry"), QStringLiteral("loadAccountRetryButton"), [this] {
                      m_banner->hideMessage();
                      if (m_session && m_session->isSignedIn())
                          loadUser();
                  }}});
        }
        showWorkspace();
    });
}

void MainWindow::showWorkspace()
{
    const bool resumes = !m_resume.email.isEmpty() && m_resume.profile == m_profileName &&
                         m_resume.email == m_user.email;
    const PaneContext context{m_session, m_profileName, m_user,
                              m_session->findChild<RequestJournal *>()};
    for (Pane *pane : m_workspace->panes())
        pane->activateSession(context);
    m_keyActions->activateSession(context);
    if (resumes)
        m_workspace->restoreState(m_resume.state);
    else if (!m_resume.email.isEmpty())
        m_workspace->setCurrentIndex(KeysPane); // another account starts fresh
    m_resume = ResumePoint();
    m_signIn->reset();
    m_pages->setCurrentIndex(WorkspacePage);
    updateTitle();
    if (QWidget *pane = m_workspace->currentPane())
        pane->setFocus();
    qCInfo(lcUi) << "workspace shown";
}

void MainWindow::onRestoreFinished(bool restored)
{
    if (restored)
        return; // signedIn() follows
    showSignIn();
    if (m_services.store->mode() == SessionStore::Mode::MemoryOnly &&
        !m_signIn->banner()->isShowing()) {
        m_signIn->banner()->showMessage(
            tr("No keychain is available, so your session cannot be saved. You can sign in for "
               "this session only: nothing will be stored, and you sign in again next time."),
            MessageWidget::Kind::Warning,
            {{tr("Sign in for this session only"), QStringLiteral("memoryOnlyButton"), [this] {
                  m_services.store->useMemoryOnly(tr("No keychain."));
                  m_signIn->banner()->hideMessage();
                  m_signIn->focusInput();
              }}});
    }
    updateStorage();
}

void MainWindow::onSignedOut(SessionManager::EndReason reason)
{
    const bool timedOut = reason == SessionManager::EndReason::IdleTimeout ||
                          reason == SessionManager::EndReason::AbsoluteTimeout;
    if (timedOut && !m_user.email.isEmpty())
        m_resume = {m_profileName, m_user.email, m_workspace->saveState()};
    else
        m_resume = ResumePoint();
    m_user = User();
    m_idle->clear();
    showSignIn();
    m_signIn->banner()->showMessage(signedOutText(reason), timedOut
                                                               ? MessageWidget::Kind::Warning
                                                               : MessageWidget::Kind::Information);
    updateStorage();
}

QString MainWindow::signedOutText(SessionManager::EndReason reason) const
{
    switch (reason) {
    case SessionManager::EndReason::IdleTimeout: {
        const int minutes = m_session ? m_session->policy()->idleTimeoutMinutes()
                                      : m_services.preferences->idleTimeoutMinutes();
        return tr("Signed out after %n minutes of inactivity.", nullptr, minutes);
    }
    case SessionManager::EndReason::AbsoluteTimeout:
        return tr("Signed out: a session lasts at most 12 hours. Please sign in again.");
    case SessionManager::EndReason::RefreshRejected:
        return tr("Your session was ended by the server. Please sign in again.");
    case SessionManager::EndReason::ApiKeyRejected:
        return tr("The server no longer accepts the API key you signed in with: it was revoked, "
                  "has expired or was deleted. Sign in with another key.");
    case SessionManager::EndReason::SignedOut:
        break;
    }
    return tr("You have signed out.");
}

void MainWindow::onStepUpRequired(bool passwordAccount)
{
    // A prompt that was just closed is deleted later; only an open one answers this request.
    if (m_stepUp && m_stepUp->isVisible())
        return;
    m_stepUp =
        new StepUpPrompt(m_session, passwordAccount, m_services.clock, m_services.opener, this);
    m_stepUp->open();
}

void MainWindow::showSignIn()
{
    m_pages->setCurrentIndex(SignInPageIndex);
    updateTitle();
    m_signIn->focusInput();
    // The --sandbox test and the real-browser test (tests/e2e/) wait for this line (no secret
    // in it).
    qCInfo(lcUi) << "sign-in page shown:" << m_profileName << "demo accounts:"
                 << (m_services.sandbox ? m_services.sandbox->demoAccounts().size() : 0);
}

void MainWindow::showStarting(const QString &text)
{
    m_start->setText(text);
    m_pages->setCurrentIndex(StartingPage);
    updateTitle();
}

void MainWindow::updateTitle()
{
    const bool signedIn =
        m_session && m_session->isSignedIn() && m_pages->currentIndex() == WorkspacePage;
    if (!signedIn) {
        setWindowTitle(tr("Plexe Console — Sign in"));
        m_profileBar->setAccount(QString());
        return;
    }
    const QString who = m_user.email.isEmpty() ? tr("signed in") : m_user.email;
    setWindowTitle(tr("Plexe Console — %1 (%2)").arg(who, m_profileName));
    m_profileBar->setAccount(who);
}

void MainWindow::updateStorage()
{
    const bool memoryOnly = m_services.store->mode() == SessionStore::Mode::MemoryOnly;
    if (m_session && m_session->isSignedIn())
        m_status->setStorage(m_session->storageBackend(), memoryOnly);
    else
        m_status->setStorage(memoryOnly ? tr("memory only") : QString(), memoryOnly);
}

void MainWindow::forgetProfile()
{
    Confirmation::Request request;
    request.title = tr("Sign out and forget this profile?");
    request.question = tr("You will be signed out, and everything the console keeps for this "
                          "profile is deleted from this computer.");
    request.account = m_user.email;
    request.profile = m_profileName;
    request.verb = tr("Sign out and forget");
    const QString profile = m_profileName;
    Confirmation::ask(this, request, this, [this, profile](bool confirmed) {
        if (!confirmed)
            return;
        m_session = nullptr;
        QString error;
        std::optional<Profile> stored = m_services.profiles->find(profile);
        if (stored && !stored->builtIn)
            m_services.profiles->remove(profile, &error); // forgetStoredData follows
        else if (stored)
            forgetStoredData(*stored);
        m_resume = ResumePoint();
        openProfile(stored && !stored->builtIn ? QString() : profile);
        m_signIn->banner()->showMessage(tr("Signed out; the console no longer keeps anything "
                                           "for the profile “%1”.")
                                            .arg(profile),
                                        MessageWidget::Kind::Information);
    });
}

void MainWindow::forgetStoredData(const Profile &profile)
{
    // The journal goes too; the sign-out's own requests must not write it again.
    if (SessionManager *session = m_sessions->find(profile.id)) {
        if (auto *journal = session->findChild<RequestJournal *>())
            session->apiClient()->disconnect(journal);
    }
    m_sessions->forget(profile.id);
    RequestJournal::removeForProfile(profile.id);
    ScheduledRevocations::removeForProfile(m_services.settings, profile.id);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_services.settings->setValue(kGeometryKey, saveGeometry());
    m_sessions->persistActivity();
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // The start-up smoke test waits for this line. It comes before the first paint: the window
    // is not even mapped yet.
    qCInfo(lcUi) << "main window shown:" << windowTitle();
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    if (m_painted)
        return;
    m_painted = true;
    // The window paints its children and flushes to the screen in this same pass; a queued call
    // runs once the pass is over. The start-up benchmark waits for this line.
    QMetaObject::invokeMethod(
        this,
        [this] {
            qCInfo(lcUi) << "main window painted:" << windowTitle();
            // The SVG icon loads Qt's SVG and image-format plugins: after the first frame, not
            // before it (measured: about a tenth of the console's start-up).
            setWindowIcon(QIcon(QStringLiteral(":/icons/plexe-console.svg")));
            emit firstPainted();
        },
        Qt::QueuedConnection);
}

} // namespace plexe
