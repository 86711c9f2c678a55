#include "shell/Console.h"

#include "common/SecretClipboard.h"
#include "core/Preferences.h"
#include "profiles/ProfileStore.h"
#include "sandbox/SandboxLauncher.h"
#include "session/SessionStore.h"
#include "session/SystemClock.h"
#include "shell/MainWindow.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QSettings>

namespace plexe {

Console::Console(const LaunchOptions &options, const QString &consoleDir, QObject *parent)
    : QObject(parent), m_clock(std::make_unique<SystemClock>()),
      m_settings(std::make_unique<QSettings>()), m_store(std::make_unique<SessionStore>()),
      m_profiles(std::make_unique<ProfileStore>(m_settings.get())),
      m_preferences(std::make_unique<Preferences>(m_settings.get())),
      m_clipboard(std::make_unique<SecretClipboard>(QGuiApplication::clipboard(), m_clock.get()))
{
    m_clipboard->setClearDelay(std::chrono::seconds(m_preferences->clipboardClearSeconds()));
    connect(m_preferences.get(), &Preferences::clipboardClearChanged, m_clipboard.get(),
            [this](int seconds) { m_clipboard->setClearDelay(std::chrono::seconds(seconds)); });
    // A key copied just before quitting must not outlive the console on the clipboard (C21).
    connect(qApp, &QCoreApplication::aboutToQuit, m_clipboard.get(),
            [this] { m_clipboard->clearNow(); });
    m_initialProfile = options.profile;
    if (options.sandbox) {
        m_initialProfile = Profile::sandboxName();
        const QString program = SandboxLauncher::findProgram(consoleDir);
        if (program.isEmpty()) {
            m_error = tr("--sandbox: plexe-sandbox was not found next to plexe-console.");
        } else {
            m_sandbox =
                std::make_unique<SandboxLauncher>(program, SandboxLauncher::defaultDataDir());
            // Quit (the window closed, Ctrl+Q, SIGTERM through the signal watcher) never
            // leaves the child behind.
            connect(qApp, &QCoreApplication::aboutToQuit, m_sandbox.get(),
                    [this] { m_sandbox->stopBlocking(); });
        }
    }
    if (!m_initialProfile.isEmpty() && !m_profiles->find(m_initialProfile))
        m_error = tr("There is no profile named “%1”.").arg(m_initialProfile);
    if (!options.apiUrl.isEmpty() || !options.caFile.isEmpty()) {
        const QString name = m_initialProfile.isEmpty() ? m_profiles->lastUsed() : m_initialProfile;
        std::optional<Profile> profile = m_profiles->find(name);
        if (profile) {
            m_profiles->setSessionOverride(
                profile->name, options.apiUrl.isEmpty() ? profile->apiUrl : options.apiUrl,
                options.caFile.isEmpty() ? profile->caFile : options.caFile);
            m_initialProfile = profile->name;
        }
    }

    ShellServices services;
    services.clock = m_clock.get();
    services.settings = m_settings.get();
    services.store = m_store.get();
    services.profiles = m_profiles.get();
    services.preferences = m_preferences.get();
    services.opener = [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
    services.sandbox = m_sandbox.get();
    services.clipboard = m_clipboard.get();
    m_window = std::make_unique<MainWindow>(services);
}

Console::~Console()
{
    // The window (and its sessions) go before the services they use.
    m_window.reset();
}

bool Console::isUsable(QString *error) const
{
    if (error)
        *error = m_error;
    return m_error.isEmpty();
}

void Console::show()
{
    // The first frame shows the start page at once; the profile (sandbox start, keychain restore,
    // network) is opened right after it, so none of them delays what the user first sees.
    connect(
        m_window.get(), &MainWindow::firstPainted, this,
        [this] { m_window->openProfile(m_initialProfile); }, Qt::SingleShotConnection);
    m_window->show();
}

} // namespace plexe
