#pragma once

#include "api/ApiKey.h"

#include <QObject>
#include <QSet>

class QSettings;

namespace plexe {

class MessageWidget;
class SessionManager;

// Says after the next sign-in what became of a one-time key whose session ended while it was on
// screen and not yet copied (SessionManager::revokeOnSessionEnd): revoked, or still working.
// The dialog that showed it is gone by then, so the notice is kept per profile in the settings:
// the key's id, name and masked key, never the secret.
class LostKeyNotices : public QObject
{
    Q_OBJECT

public:
    // `settings` is not owned and must outlive this object.
    explicit LostKeyNotices(QSettings *settings, QObject *parent = nullptr);

    // Records what `session` reports.
    void watch(SessionManager *session);
    // Shows the notices of `profile` in `banner` and forgets them. A revocation still on its way
    // is shown when its answer arrives (answered()).
    void showFor(const QString &profile, MessageWidget *banner);

signals:
    // A revocation of `profile` was answered: a notice is ready to be shown.
    void answered(const QString &profile);

private:
    void record(const QString &profile, const ApiKey &key, const QString &state);

    QSettings *m_settings;
    QSet<QString> m_inFlight; // key ids whose revocation this process is waiting for
};

} // namespace plexe
