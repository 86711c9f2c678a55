#include "keys/LostKeyNotices.h"

#include "common/MessageWidget.h"
#include "session/SessionManager.h"

#include <QSettings>
#include <QUrl>

namespace plexe {

namespace {
const QString kGroup = QStringLiteral("lostKeyNotices");
const QString kArray = QStringLiteral("keys");
const QString kRevoked = QStringLiteral("revoked");
const QString kFailed = QStringLiteral("failed");
const QString kPending = QStringLiteral("pending");

QString groupFor(const QString &profile)
{
    return kGroup + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(profile));
}

struct Notice
{
    QString keyId;
    QString name;
    QString masked;
    QString state;
};

QList<Notice> read(QSettings *settings, const QString &profile)
{
    QList<Notice> notices;
    settings->beginGroup(groupFor(profile));
    const int count = settings->beginReadArray(kArray);
    for (int i = 0; i < count; ++i) {
        settings->setArrayIndex(i);
        notices.append({settings->value(QStringLiteral("keyId")).toString(),
                        settings->value(QStringLiteral("name")).toString(),
                        settings->value(QStringLiteral("maskedKey")).toString(),
                        settings->value(QStringLiteral("state")).toString()});
    }
    settings->endArray();
    settings->endGroup();
    return notices;
}

void write(QSettings *settings, const QString &profile, const QList<Notice> &notices)
{
    settings->remove(groupFor(profile));
    if (!notices.isEmpty()) {
        settings->beginGroup(groupFor(profile));
        settings->beginWriteArray(kArray, int(notices.size()));
        for (int i = 0; i < notices.size(); ++i) {
            settings->setArrayIndex(i);
            settings->setValue(QStringLiteral("keyId"), notices[i].keyId);
            settings->setValue(QStringLiteral("name"), notices[i].name);
            settings->setValue(QStringLiteral("maskedKey"), notices[i].masked);
            settings->setValue(QStringLiteral("state"), notices[i].state);
        }
        settings->endArray();
        settings->endGroup();
    }
    // Written now: the console may be quit before the next sign-in.
    settings->sync();
}
} // namespace

LostKeyNotices::LostKeyNotices(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{}

void LostKeyNotices::watch(SessionManager *session)
{
    const QString profile = session->profile();
    connect(session, &SessionManager::keyRevokedOnSessionEnd, this,
            [this, profile](const ApiKey &key, bool pending, bool ok) {
                if (pending) {
                    m_inFlight.insert(key.keyId);
                    return record(profile, key, kPending);
                }
                m_inFlight.remove(key.keyId);
                record(profile, key, ok ? kRevoked : kFailed);
                emit answered(profile);
            });
}

void LostKeyNotices::record(const QString &profile, const ApiKey &key, const QString &state)
{
    QList<Notice> notices = read(m_settings, profile);
    auto it = std::find_if(notices.begin(), notices.end(),
                           [&key](const Notice &n) { return n.keyId == key.keyId; });
    if (it == notices.end()) {
        notices.append({key.keyId, key.name, key.maskedKey(), state});
    } else {
        it->state = state;
    }
    write(m_settings, profile, notices);
}

void LostKeyNotices::showFor(const QString &profile, MessageWidget *banner)
{
    QList<Notice> waiting;
    QStringList lines;
    for (const Notice &n : read(m_settings, profile)) {
        if (n.state == kPending && m_inFlight.contains(n.keyId)) {
            waiting.append(n); // answered() brings it back
            continue;
        }
        if (n.state == kRevoked)
            lines << tr("You were signed out while the new key “%1” (%2) was shown and not yet "
                        "copied. It was revoked, so nothing can use it; create another if you "
                        "need one.")
                         .arg(n.name, n.masked);
        else
            lines << tr("You were signed out while the new key “%1” (%2) was shown and not yet "
                        "copied. It could not be revoked and may still work: revoke it in "
                        "API Keys.")
                         .arg(n.name, n.masked);
    }
    write(m_settings, profile, waiting);
    if (!lines.isEmpty())
        banner->showMessage(lines.join(QLatin1Char('\n')), MessageWidget::Kind::Warning);
}

} // namespace plexe
