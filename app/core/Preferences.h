#pragma once

#include <QObject>

class QSettings;

namespace plexe {

// The user's preferences that outlive a session (idle timeout, clipboard clear delay), kept in
// QSettings. Never a secret.
class Preferences : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultClipboardClearSeconds = 30;
    static constexpr int kMinClipboardClearSeconds = 5;
    static constexpr int kMaxClipboardClearSeconds = 600;

    // `settings` is not owned and must outlive this object.
    explicit Preferences(QSettings *settings, QObject *parent = nullptr);

    int idleTimeoutMinutes() const;
    void setIdleTimeoutMinutes(int minutes); // clamped to 1–120
    int clipboardClearSeconds() const;
    void setClipboardClearSeconds(int seconds); // clamped to 5–600

signals:
    void idleTimeoutChanged(int minutes);
    void clipboardClearChanged(int seconds);

private:
    QSettings *m_settings;
};

} // namespace plexe
