#include "session/KeyringLockProbe.h"

#include <QMetaObject>

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS) && __has_include(<QDBusConnection>)
#define PLEXE_HAVE_SECRET_SERVICE_PROBE 1
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace plexe {

KeyringLockProbe::KeyringLockProbe(QObject *parent) : QObject(parent) {}

void KeyringLockProbe::probe(std::chrono::milliseconds timeout, std::function<void(Answer)> done)
{
#ifdef PLEXE_HAVE_SECRET_SERVICE_PROBE
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusMessage message = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets/aliases/default"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        message << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        // Asynchronous with D-Bus' own timeout: no nested event loop, no hang.
        auto *watcher =
            new QDBusPendingCallWatcher(bus.asyncCall(message, int(timeout.count())), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [done = std::move(done)](QDBusPendingCallWatcher *call) {
                    const QDBusPendingReply<QDBusVariant> reply = *call;
                    call->deleteLater();
                    if (reply.isError() || reply.value().variant().typeId() != QMetaType::Bool)
                        return done(Answer::Unknown);
                    done(reply.value().variant().toBool() ? Answer::Locked : Answer::Unlocked);
                });
        return;
    }
#else
    Q_UNUSED(timeout)
#endif
    QMetaObject::invokeMethod(
        this, [done = std::move(done)] { done(Answer::Unknown); }, Qt::QueuedConnection);
}

} // namespace plexe
