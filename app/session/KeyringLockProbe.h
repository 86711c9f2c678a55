#pragma once

#include <QObject>

#include <chrono>
#include <functional>

namespace plexe {

// Asks the Secret Service whether the default collection is locked. QtKeychain's libsecret
// backend reports a locked item as "not found", which must not read as "signed out" (B14).
class KeyringLockProbe : public QObject
{
    Q_OBJECT

public:
    enum class Answer { Locked, Unlocked, Unknown };

    explicit KeyringLockProbe(QObject *parent = nullptr);

    // Answers asynchronously (never before returning) within `timeout`; Unknown off Linux, with
    // no session bus, or on any D-Bus error.
    void probe(std::chrono::milliseconds timeout, std::function<void(Answer)> done);
};

} // namespace plexe
