#include "keys/ScheduledRevocations.h"

#include "api/ApiClient.h"
#include "api/ApiKey.h"
#include "core/Logging.h"
#include "session/Clock.h"
#include "session/SessionManager.h"
#include "session/SessionPolicy.h"
#include "session/SessionRequest.h"

#include <QPointer>
#include <QSettings>
#include <QUrl>

#include <algorithm>

namespace plexe {

namespace {

const QString kGroup = QStringLiteral("scheduledRevocations");
const QString kArray = QStringLiteral("keys");

// A profile name may contain '/' or '\', which QSettings reads as a group separator.
QString groupFor(const QString &profile)
{
    return kGroup + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(profile));
}

ApiKey listedKey(const ScheduledRevocation &entry)
{
    ApiKey key;
    key.keyId = entry.keyId;
    key.keyPrefix = entry.keyPrefix;
    key.keySuffix = entry.keySuffix;
    key.name = entry.name;
    return key;
}

} // namespace

ScheduledRevocations::ScheduledRevocations(QSettings *settings, SessionManager *session,
                                           const Clock *clock, QObject *parent)
    : QObject(parent), m_settings(settings), m_session(session), m_clock(clock),
      m_profile(session->profile())
{
    load();
    connect(&m_timer, &QTimer::timeout, this, &ScheduledRevocations::tick);
    // A sign-in may make possible what a reminder said was not: look again.
    connect(m_session, &SessionManager::signedIn, this, [this] {
        m_account.clear(); // whoever signed in, the window says who once it knows
        m_reminded.clear();
        tick();
    });
    connect(m_session, &SessionManager::signedOut, this, [this] { m_account.clear(); });
    connect(m_session, &SessionManager::restoreFinished, this, [this](bool restored) {
        if (!restored)
            tick(); // at start, signed out: remind about the overdue ones
    });
}

ScheduledRevocations::~ScheduledRevocations() = default;

QList<ScheduledRevocation> ScheduledRevocations::overdue() const
{
    const QDateTime now = m_clock->now();
    QList<ScheduledRevocation> due;
    for (const ScheduledRevocation &entry : m_entries) {
        if (entry.due <= now)
            due << entry;
    }
    return due;
}

bool ScheduledRevocations::schedule(const ApiKey &key, const QDateTime &due, QString *error)
{
    const QDateTime now = m_clock->now();
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (key.keyId.isEmpty())
        return fail(tr("The key has no id."));
    if (!due.isValid() || due <= now)
        return fail(tr("Choose a time in the future."));
    ScheduledRevocation entry;
    entry.keyId = key.keyId;
    // Never more of the key than the list shows.
    entry.keyPrefix = key.keyPrefix.left(11);
    entry.keySuffix = key.keySuffix.right(4);
    entry.name = key.name;
    entry.account = m_account;
    entry.due = due.toUTC();
    entry.scheduledAt = now.toUTC();
    const int existing = indexOf(key.keyId);
    if (existing >= 0)
        m_entries.removeAt(existing);
    m_entries << entry;
    save();
    qCInfo(lcKeys) << "revocation scheduled:" << entry.keyId << entry.due;
    emit changed();
    return true;
}

bool ScheduledRevocations::unschedule(const QString &keyId)
{
    const int index = indexOf(keyId);
    if (index < 0)
        return false;
    m_entries.removeAt(index);
    m_reminded.remove(keyId);
    save();
    emit changed();
    return true;
}

void ScheduledRevocations::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
    // While a restore is under way its end (signedIn or restoreFinished) looks instead.
    if (m_session->state() != SessionManager::State::Restoring)
        tick();
}

void ScheduledRevocations::tick()
{
    carryOut(Mode::Automatic);
}

void ScheduledRevocations::revokeOverdueNow()
{
    carryOut(Mode::UserAsked);
}

void ScheduledRevocations::carryOut(Mode mode)
{
    const QList<ScheduledRevocation> due = overdue();
    if (due.isEmpty())
        return;
    if (!m_session->isSignedIn())
        return remind(tr("Sign in to %1 to revoke them.").arg(m_session->profileName()));
    const bool stepUpNeeded = m_session->usesSessionToken() && m_session->policy()->needsStepUp();
    QString why;
    for (const ScheduledRevocation &entry : due) {
        if (m_inFlight.contains(entry.keyId))
            continue;
        if (!ownedBySignedInAccount(entry)) {
            // In another account's session the key is unknown (404) and would be forgotten
            // while it stays active: it waits for its own account.
            if (!m_account.isEmpty())
                why = tr("%1 belongs to %2; sign in as %2 to revoke it.")
                          .arg(entry.maskedKey(), entry.account);
            continue;
        }
        if (m_session->isOwnApiKey(listedKey(entry))) {
            // Revoking it would cut the console off in the middle of its own session.
            why = tr("The console is signed in with %1 itself; sign in another way, then revoke "
                     "it.")
                      .arg(entry.maskedKey());
            continue;
        }
        if (mode == Mode::Automatic && stepUpNeeded) {
            why = tr("Revoking needs you to confirm your sign-in.");
            continue;
        }
        revoke(entry);
    }
    if (!why.isEmpty())
        remind(why);
}

void ScheduledRevocations::revoke(const ScheduledRevocation &entry)
{
    // Sensitive (B19): when the user asked, an expired step-up window prompts; the automatic
    // pass never gets here in that case (carryOut).
    m_inFlight.insert(entry.keyId);
    const QString keyId = entry.keyId;
    SessionRequest *request =
        m_session->run([keyId](ApiClient &c) { return c.revokeApiKey(keyId); }, true);
    connect(request, &SessionRequest::finished, this, [this, request, entry] {
        m_inFlight.remove(entry.keyId);
        const ApiError error = request->error();
        // 404: revoked and gone, or never this account's; either way nothing is left to do.
        if (!error.isError() || error.httpStatus() == 404) {
            const int index = indexOf(entry.keyId);
            if (index >= 0)
                m_entries.removeAt(index);
            m_reminded.remove(entry.keyId);
            save();
            qCInfo(lcKeys) << "scheduled revocation done:" << entry.keyId;
            emit changed();
            emit revoked(entry); // last: the receiver may delete this object
            return;
        }
        qCInfo(lcKeys) << "scheduled revocation failed:" << entry.keyId << error.logString();
        if (error.kind() == ApiError::Kind::Cancelled &&
            error.code() != QLatin1String("step_up_cancelled"))
            return; // signed out meanwhile: the next look reminds
        const QString message = tr("The scheduled revocation of %1 (%2) failed: %3")
                                    .arg(entry.name, entry.maskedKey(), error.userMessage());
        m_reminded.remove(entry.keyId);
        const QPointer<ScheduledRevocations> self(this);
        emit revokeFailed(entry, error, message);
        if (self)
            remind(message);
    });
}

void ScheduledRevocations::remind(const QString &why)
{
    const QList<ScheduledRevocation> due = overdue();
    bool news = false;
    for (const ScheduledRevocation &entry : due) {
        if (!m_reminded.contains(entry.keyId)) {
            news = true;
            m_reminded.insert(entry.keyId);
        }
    }
    if (!news)
        return;
    const QString message =
        tr("%n scheduled key revocation(s) in %1 are overdue. %2", nullptr, int(due.size()))
            .arg(m_session->profileName(), why);
    emit reminder(message, due);
}

bool ScheduledRevocations::ownedBySignedInAccount(const ScheduledRevocation &entry) const
{
    if (entry.account.isEmpty())
        return true; // scheduled before accounts were recorded: as it always ran
    return !m_account.isEmpty() && entry.account.compare(m_account, Qt::CaseInsensitive) == 0;
}

int ScheduledRevocations::indexOf(const QString &keyId) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).keyId == keyId)
            return i;
    }
    return -1;
}

bool ScheduledRevocations::removeForProfile(QSettings *settings, const QString &profile)
{
    settings->remove(groupFor(profile));
    settings->sync();
    return settings->status() == QSettings::NoError;
}

void ScheduledRevocations::load()
{
    m_entries.clear();
    m_settings->beginGroup(groupFor(m_profile));
    const int count = m_settings->beginReadArray(kArray);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ScheduledRevocation entry;
        entry.keyId = m_settings->value(QStringLiteral("keyId")).toString();
        entry.keyPrefix = m_settings->value(QStringLiteral("keyPrefix")).toString().left(11);
        entry.keySuffix = m_settings->value(QStringLiteral("keySuffix")).toString().right(4);
        entry.name = m_settings->value(QStringLiteral("name")).toString();
        entry.account = m_settings->value(QStringLiteral("account")).toString();
        entry.due = QDateTime::fromString(m_settings->value(QStringLiteral("due")).toString(),
                                          Qt::ISODateWithMs);
        entry.scheduledAt = QDateTime::fromString(
            m_settings->value(QStringLiteral("scheduledAt")).toString(), Qt::ISODateWithMs);
        // A hand-edited or damaged entry is left out rather than guessed at.
        if (!entry.keyId.isEmpty() && entry.due.isValid() && indexOf(entry.keyId) < 0)
            m_entries << entry;
    }
    m_settings->endArray();
    m_settings->endGroup();
    std::sort(m_entries.begin(), m_entries.end(),
              [](const auto &a, const auto &b) { return a.due < b.due; });
}

void ScheduledRevocations::save()
{
    std::sort(m_entries.begin(), m_entries.end(),
              [](const auto &a, const auto &b) { return a.due < b.due; });
    m_settings->beginGroup(groupFor(m_profile));
    m_settings->remove(kArray);
    m_settings->beginWriteArray(kArray, int(m_entries.size()));
    for (int i = 0; i < m_entries.size(); ++i) {
        const ScheduledRevocation &entry = m_entries.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("keyId"), entry.keyId);
        m_settings->setValue(QStringLiteral("keyPrefix"), entry.keyPrefix);
        m_settings->setValue(QStringLiteral("keySuffix"), entry.keySuffix);
        m_settings->setValue(QStringLiteral("name"), entry.name);
        m_settings->setValue(QStringLiteral("account"), entry.account);
        m_settings->setValue(QStringLiteral("due"), entry.due.toString(Qt::ISODateWithMs));
        m_settings->setValue(QStringLiteral("scheduledAt"),
                             entry.scheduledAt.toString(Qt::ISODateWithMs));
    }
    m_settings->endArray();
    m_settings->endGroup();
    // Written at once: a scheduled revocation must survive a crash right after the dialog.
    m_settings->sync();
}

} // namespace plexe
