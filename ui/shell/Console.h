#pragma once

#include "core/LaunchOptions.h"

#include <QObject>

#include <memory>

class QSettings;

namespace plexe {

class MainWindow;
class Preferences;
class ProfileStore;
class SandboxLauncher;
class SecretClipboard;
class SessionStore;
class SystemClock;

// The composition root of plexe-console: creates the services (clock, settings, keychain
// store, profiles, preferences, the sandbox launcher with --sandbox) and the window that uses
// them, applies the command line, and stops the sandbox on quit.
class Console : public QObject
{
    Q_OBJECT

public:
    // `consoleDir`: the folder of the running executable (where plexe-sandbox is looked for).
    Console(const LaunchOptions &options, const QString &consoleDir, QObject *parent = nullptr);
    ~Console() override;

    // False (with a message for stderr) when the command line names an unknown profile or the
    // sandbox program cannot be found.
    bool isUsable(QString *error) const;
    void show();

private:
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SessionStore> m_store;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<SandboxLauncher> m_sandbox;
    std::unique_ptr<SecretClipboard> m_clipboard;
    std::unique_ptr<MainWindow> m_window;
    QString m_initialProfile;
    QString m_error;
};

} // namespace plexe
