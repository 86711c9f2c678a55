#pragma once

#include "auth/BrowserSignIn.h"

class QSettings;

namespace plexe {

class Clock;
class Preferences;
class ProfileStore;
class SandboxLauncher;
class SecretClipboard;
class SessionStore;

// The services the window composes its pages from. Not owned by the window; the composition
// root (Console, or a test) creates them and keeps them alive longer than the window.
struct ShellServices
{
    const Clock *clock = nullptr;
    QSettings *settings = nullptr;
    SessionStore *store = nullptr;
    ProfileStore *profiles = nullptr;
    Preferences *preferences = nullptr;
    BrowserSignIn::Opener opener;         // opens the system browser
    SandboxLauncher *sandbox = nullptr;   // set with --sandbox
    SecretClipboard *clipboard = nullptr; // new keys are copied through it (C21)
};

} // namespace plexe
