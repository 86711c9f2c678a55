#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <chrono>

class QClipboard;
class QMimeData;
class QTimer;

namespace plexe {

class Clock;

// The console's one way to put a secret (a new API key) on the system clipboard (security.md
// C21): it marks the value as a secret for clipboard managers and history (KDE's
// x-kde-passwordManagerHint, the macOS concealed type, the Windows exclusion formats), and
// clears it after a delay, on sign-out and on quit — but only while the clipboard still holds
// the console's value, so that something the user copied since is never lost.
// To tell its value from another it keeps a SHA-256 of it, not a second readable copy.
class SecretClipboard : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds kDefaultClearDelay{30};

    // `clipboard` and `clock` are not owned and must outlive this object. The clear is due when
    // `clock` says so (tests move a ManualClock instead of waiting).
    SecretClipboard(QClipboard *clipboard, const Clock *clock, QObject *parent = nullptr);
    ~SecretClipboard() override;

    // For the next copy(); a value already on the clipboard keeps its deadline.
    void setClearDelay(std::chrono::seconds delay);
    std::chrono::seconds clearDelay() const { return m_delay; }

    // Puts a copy of `secretUtf8` on the clipboard (the caller keeps and wipes its own buffer).
    void copy(const QByteArray &secretUtf8);
    // Clears the clipboard if it still holds our value, and forgets our value either way.
    void clearNow();

    // True from copy() until the value is cleared or replaced by someone else's.
    bool holdsSecret() const { return !m_hash.isEmpty(); }
    // When the value will be cleared (invalid when none is held), on clock().
    QDateTime clearDeadline() const { return m_deadline; }
    const Clock *clock() const { return m_clock; }
    QClipboard *systemClipboard() const { return m_clipboard; }

signals:
    void copied(const QDateTime &clearDeadline);
    // Our value left the clipboard: cleared by us, or replaced by another copy.
    void cleared();

private:
    bool clipboardHoldsOurs() const;
    void onClipboardChanged();
    void checkDeadline();
    void forget();

    QClipboard *m_clipboard;
    const Clock *m_clock;
    std::chrono::seconds m_delay = kDefaultClearDelay;
    QTimer *m_tick;
    QByteArray m_hash;          // SHA-256 of the value we put there; empty when none
    QPointer<QMimeData> m_mime; // ours while the clipboard still owns it
    // The same buffer as the clipboard's text/plain (shared, not a copy), kept only to zero it
    // when our value goes: Qt frees a QMimeData it replaces without wiping it.
    QByteArray m_buffer;
    QDateTime m_deadline;
    bool m_settingData = false;
};

} // namespace plexe
