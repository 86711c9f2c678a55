#include "core/Preferences.h"

#include "session/SessionPolicy.h"

#include <QSettings>

namespace plexe {

namespace {
const QString kIdleKey = QStringLiteral("preferences/idleTimeoutMinutes");
const QString kClipboardKey = QStringLiteral("preferences/clipboardClearSeconds");
} // namespace

Preferences::Preferences(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{}

int Preferences::idleTimeoutMinutes() const
{
    // A hand-edited settings file may hold anything: clamp on the way in as well.
    const int minutes = m_settings->value(kIdleKey, SessionPolicy::kDefaultIdleMinutes).toInt();
    return qBound(SessionPolicy::kMinIdleMinutes, minutes, SessionPolicy::kMaxIdleMinutes);
}

void Preferences::setIdleTimeoutMinutes(int minutes)
{
    minutes = qBound(SessionPolicy::kMinIdleMinutes, minutes, SessionPolicy::kMaxIdleMinutes);
    if (minutes == idleTimeoutMinutes() && m_settings->contains(kIdleKey))
        return;
    m_settings->setValue(kIdleKey, minutes);
    emit idleTimeoutChanged(minutes);
}

int Preferences::clipboardClearSeconds() const
{
    const int seconds = m_settings->value(kClipboardKey, kDefaultClipboardClearSeconds).toInt();
    return qBound(kMinClipboardClearSeconds, seconds, kMaxClipboardClearSeconds);
}

void Preferences::setClipboardClearSeconds(int seconds)
{
    seconds = qBound(kMinClipboardClearSeconds, seconds, kMaxClipboardClearSeconds);
    if (seconds == clipboardClearSeconds() && m_settings->contains(kClipboardKey))
        return;
    m_settings->setValue(kClipboardKey, seconds);
    emit clipboardClearChanged(seconds);
}

} // namespace plexe
