#pragma once

#include "session/StoredSession.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace plexe {

class KeyringLockProbe;

// Keeps sessions in the OS keychain through QtKeychain (one entry per secret per profile), with
// its own timeout on every job and a memory-only mode when no keychain is usable (B12–B15).
class SessionStore : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Keychain, MemoryOnly };
    Q_ENUM(Mode)

    enum class Status {
        Ok,          // done (in the keychain, or in memory when mode() is MemoryOnly)
        SignedOut,   // load: no stored session for the profile
        NeedsUnlock, // the keychain is locked or refused access; ask to unlock it and retry
        Degraded,    // the keychain failed or timed out: now MemoryOnly (a save was kept in memory)
        Refused,     // a value is too large or the profile name is unusable; nothing was written
    };
    Q_ENUM(Status)

    struct Outcome
    {
        Status status = Status::Ok;
        QString message; // for the log or a banner; never contains a secret
    };
    using Done = std::function<void(const Outcome &)>;
    using LoadDone = std::function<void(const Outcome &, const StoredSession &)>;

    static constexpr int kMaxValueBytes = 2559; // each entry < 2,560 bytes (Windows' limit)
    static constexpr std::chrono::milliseconds kMaxJobTimeout{10000};

    static QString defaultService() { return QStringLiteral("ai.plexe.console"); }

    explicit SessionStore(QString service = defaultService(), QObject *parent = nullptr);
    ~SessionStore() override;

    // Per keychain job; clamped to (0, 10 s].
    void setJobTimeout(std::chrono::milliseconds timeout);

    Mode mode() const { return m_mode; }
    // "Secret Service" (Linux), "macOS Keychain", "Windows Credential Manager" or "memory only".
    QString backendName() const;
    // The user chose "this session only", or the keychain is known to be unusable.
    void useMemoryOnly(const QString &why);
    // Try the keychain again after the user unlocked or started it (memory sessions are kept).
    void retryKeychain();

    // All three answer asynchronously through `done`, never before returning, and never after
    // `context` is destroyed (context may be null). Operations run one at a time, in call order.
    // No nested event loops. removeAll() deletes the secrets first and the metadata last; in
    // MemoryOnly mode it still deletes the keychain entries of a profile this store wrote or
    // read there earlier, and answers Degraded (with a message) when that failed.
    // Deleting from a slot: allowed (callbacks run from the event loop; nothing touches the
    // store after `done` returns).
    void save(const StoredSession &session, QObject *context, Done done);
    void load(const QString &profile, QObject *context, LoadDone done);
    void removeAll(const QString &profile, QObject *context, Done done);

    // The keychain key of one entry: "<profile>/<name>".
    static QString entryKey(const QString &profile, const QString &name);

signals:
    void modeChanged(plexe::SessionStore::Mode mode, const QString &backendName);

private:
    struct Operation;
    void enqueue(const std::shared_ptr<Operation> &op);
    void startNextOperation();
    void runNext(std::shared_ptr<Operation> op);
    void finishOperation(std::shared_ptr<Operation> op, Outcome outcome);
    void degrade(const QString &why);

    QString m_service;
    KeyringLockProbe *m_lockProbe;
    std::chrono::milliseconds m_jobTimeout{kMaxJobTimeout};
    Mode m_mode = Mode::Keychain;
    QHash<QString, StoredSession> m_memory; // MemoryOnly sessions, never persisted
    // Profiles this store wrote to or read from the keychain and has not removed since: their
    // removeAll() deletes the keychain entries even in MemoryOnly mode.
    QSet<QString> m_inKeychain;
    QList<std::shared_ptr<Operation>> m_queue;
    std::shared_ptr<Operation> m_current;
};

} // namespace plexe
