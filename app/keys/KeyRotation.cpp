#include "keys/KeyRotation.h"

#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/Credential.h"
#include "core/Logging.h"
#include "core/SecretBytes.h"
#include "keys/ScheduledRevocations.h"
#include "session/Clock.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace plexe {

namespace {

// What the server refuses in a key name (the sandbox's KeyName: control, format and line or
// paragraph separator characters). A seeded name with U+202E would otherwise fail to rotate.
bool refusedInName(char32_t c)
{
    const auto category = QChar::category(c);
    return category == QChar::Other_Control || category == QChar::Other_Format ||
           category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
}

QString fromCodePoints(const QList<uint> &codePoints, qsizetype count)
{
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), count);
}

} // namespace

KeyRotation::KeyRotation(SessionManager *session, ScheduledRevocations *schedule,
                         const Clock *clock, QObject *parent)
    : QObject(parent), m_session(session), m_schedule(schedule), m_clock(clock)
{
    // B17: the end of the session ends the rotation (its requests were aborted just before).
    connect(m_session, &SessionManager::signedOut, this, [this] {
        if (!isRunning())
            return;
        ApiError error(ApiError::Kind::Cancelled, tr("Signed out."));
        error.setCode(QStringLiteral("signed_out"));
        const QString message =
            m_new.keyId.isEmpty()
                ? tr("You were signed out; the rotation stopped. The old key %1 still works.")
                      .arg(m_old.maskedKey())
                : tr("You were signed out; the rotation stopped. %1").arg(bothKeysWork());
        const Step step = m_state == State::Creating           ? Step::Create
                          : m_state == State::Verifying        ? Step::Verify
                          : m_state == State::SwitchingSession ? Step::SwitchSession
                                                               : Step::Revoke;
        fail(step, error, message);
    });
}

KeyRotation::~KeyRotation()
{
    // The handlers of what is aborted here see no current request and return at once.
    m_state = State::Cancelled;
    if (SessionRequest *request = std::exchange(m_request, nullptr))
        request->cancel();
    if (ApiCall *call = std::exchange(m_verifyCall, nullptr))
        call->abort();
    wipeSecret();
}

QString KeyRotation::replacementName(const QString &oldName, const QDate &date, int attempt)
{
    QList<uint> kept;
    for (const uint c : oldName.normalized(QString::NormalizationForm_C).toUcs4()) {
        if (QChar::isSpace(c))
            kept << ' '; // a tab or line break still separates words
        else if (!refusedInName(c))
            kept << c;
    }
    QString base = fromCodePoints(kept, kept.size()).simplified();
    // Rotating a rotated key: "ci (rotated 2026-01-02)" becomes "ci (rotated 2026-11-27)",
    // not a growing chain of dates.
    static const QRegularExpression earlier(
        QStringLiteral("\\s*\\(rotated \\d{4}-\\d{2}-\\d{2}(, \\d+)?\\)$"));
    base.remove(earlier);
    base = base.trimmed();
    if (base.isEmpty())
        base = QStringLiteral("API key");
    const QString day = date.toString(Qt::ISODate);
    const QString suffix = attempt > 1 ? QStringLiteral(" (rotated %1, %2)").arg(day).arg(attempt)
                                       : QStringLiteral(" (rotated %1)").arg(day);
    // The server counts characters (code points); the suffix is ASCII.
    const qsizetype budget = kMaxNameLength - suffix.size();
    const QList<uint> codePoints = base.toUcs4();
    if (codePoints.size() > budget)
        base = fromCodePoints(codePoints, budget - 1).trimmed() + QChar(0x2026);
    return base + suffix;
}

bool KeyRotation::isRunning() const
{
    switch (m_state) {
    case State::Creating:
    case State::Verifying:
    case State::SwitchingSession:
    case State::ReadyToRevoke:
    case State::Revoking:
        return true;
    default:
        return false;
    }
}

bool KeyRotation::canCancel() const
{
    return isRunning() && m_state != State::Revoking;
}

bool KeyRotation::start(const ApiKey &oldKey, QString *error)
{
    auto refuse = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (isRunning())
        return refuse(tr("A rotation is under way."));
    if (!m_session->isSignedIn())
        return refuse(tr("Sign in first."));
    if (oldKey.keyId.isEmpty())
        return refuse(tr("The key has no id."));
    if (!oldKey.status.isEmpty() && oldKey.status != QLatin1String("active"))
        return refuse(tr("Only an active key can be rotated."));
    if (oldKey.permissionLevel != QLatin1String("read_only") &&
        oldKey.permissionLevel != QLatin1String("read_write"))
        return refuse(tr("The key's permission is not known, so a replacement cannot match it."));
    m_old = oldKey;
    m_new = ApiKey();
    m_own = m_session->isOwnApiKey(oldKey);
    m_nameAttempt = 1;
    m_expirationDays.reset();
    // A key that expires gets a replacement with the same lifetime, not one that never does.
    if (oldKey.expiresAt.isValid() && oldKey.createdAt.isValid()) {
        const double days = std::ceil(double(oldKey.createdAt.secsTo(oldKey.expiresAt)) / 86400.0);
        m_expirationDays = std::clamp(int(days), 1, 3650);
    }
    qCInfo(lcKeys) << "rotation started:" << m_old.keyId << (m_own ? "(own credential)" : "");
    create();
    return true;
}

void KeyRotation::create()
{
    setState(State::Creating);
    const QString name =
        replacementName(m_old.name, m_clock->now().toLocalTime().date(), m_nameAttempt);
    const QString permission = m_old.permissionLevel;
    const std::optional<int> days = m_expirationDays;
    SessionRequest *request = m_session->run(
        [name, permission, days](ApiClient &c) { return c.createApiKey(name, permission, days); },
        true);
    m_request = request;
    connect(request, &SessionRequest::rateLimited, this, &KeyRotation::rateLimited);
    connect(request, &SessionRequest::finished, this, [this, request] { onCreated(request); });
}

void KeyRotation::onCreated(SessionRequest *request)
{
    CreatedApiKey *created = request->result<CreatedApiKey>();
    if (request != m_request || m_state != State::Creating) {
        if (created)
            created->wipe(); // cancelled meanwhile: the key is not handed out
        return;
    }
    m_request = nullptr;
    const ApiError error = request->error();
    if (error.isError()) {
        if (error.httpStatus() == 409 && m_nameAttempt < kMaxNameAttempts) {
            ++m_nameAttempt; // the name is taken: try a numbered one
            return create();
        }
        const QString message =
            error.code() == QLatin1String("step_up_cancelled")
                ? tr("Nothing was created; the old key %1 still works.").arg(m_old.maskedKey())
                : tr("The replacement could not be created: %1 The old key %2 still works.")
                      .arg(error.userMessage(), m_old.maskedKey());
        return fail(Step::Create, error, message);
    }
    if (!created || created->key.isEmpty()) {
        ApiError e(ApiError::Kind::Parse, tr("The answer held no key."));
        return fail(Step::Create, e,
                    tr("The server's answer held no key. The old key %1 still works; look for "
                       "a new key in the list and revoke it.")
                        .arg(m_old.maskedKey()));
    }
    m_new = created->info;
    m_secret = created->key;
    m_secret.detach();
    CreatedApiKey handout;
    handout.info = created->info;
    handout.key = created->key;
    handout.key.detach();
    created->wipe();
    qCInfo(lcKeys) << "replacement created:" << m_new.keyId;
    verify(); // asynchronous: its answer comes after the hand-out below
    emit replacementCreated(handout);
    handout.wipe(); // whatever the receiver left (a stack object: safe even if we are gone)
}

void KeyRotation::verify()
{
    setState(State::Verifying);
    // The documented recipe's check: a GET made with nothing but the new key.
    ApiCall *call = m_session->apiClient()->getUserWith(Credential::apiKey(m_secret));
    m_verifyCall = call;
    connect(call, &ApiCall::finished, this, [this, call] {
        if (call != m_verifyCall)
            return;
        m_verifyCall = nullptr;
        const ApiError error = call->error();
        if (error.isError()) {
            return fail(Step::Verify, error,
                        tr("The new key %1 did not work: %2 The old key %3 was not revoked and "
                           "still works; revoke the new key from the list.")
                            .arg(m_new.maskedKey(), error.userMessage(), m_old.maskedKey()));
        }
        qCInfo(lcKeys) << "replacement verified:" << m_new.keyId;
        if (m_own)
            return switchSession();
        wipeSecret(); // the call has finished: no holder of the buffer needs it any more
        setState(State::ReadyToRevoke);
    });
}

void KeyRotation::switchSession()
{
    setState(State::SwitchingSession);
    QByteArray key = m_secret;
    key.detach(); // a buffer of its own for the session, which wipes it
    wipeSecret(); // zeroes the verification's buffer in place (the call has finished)
    m_session->replaceApiKey(key, this, [this](bool saved) {
        if (m_state != State::SwitchingSession)
            return; // cancelled or signed out meanwhile; the old key was not touched
        if (!saved) {
            ApiError error(ApiError::Kind::Refused, tr("The keychain did not take the new key."));
            error.setCode(QStringLiteral("keychain_save_failed"));
            return fail(Step::SwitchSession, error,
                        tr("The console could not store the new key in the keychain, so it "
                           "keeps using the old key. %1")
                            .arg(bothKeysWork()));
        }
        qCInfo(lcKeys) << "the console's own credential is now the replacement";
        setState(State::ReadyToRevoke);
    });
}

void KeyRotation::revokeNow()
{
    if (m_state != State::ReadyToRevoke)
        return;
    setState(State::Revoking);
    const QString keyId = m_old.keyId;
    SessionRequest *request =
        m_session->run([keyId](ApiClient &c) { return c.revokeApiKey(keyId); }, true);
    m_request = request;
    connect(request, &SessionRequest::finished, this, [this, request] {
        if (request != m_request || m_state != State::Revoking)
            return;
        m_request = nullptr;
        const ApiError error = request->error();
        if (!error.isError()) {
            qCInfo(lcKeys) << "rotation done, old key revoked:" << m_old.keyId;
            return end(State::Revoked, tr("The old key %1 is revoked. Use the new key %2 from now "
                                          "on.")
                                           .arg(m_old.maskedKey(), m_new.maskedKey()));
        }
        // Not an end: the user may try again, schedule it or cancel.
        setState(State::ReadyToRevoke);
        const QString message =
            error.code() == QLatin1String("step_up_cancelled")
                ? tr("Nothing was revoked; the old key %1 still works.").arg(m_old.maskedKey())
                : tr("The old key %1 was not revoked: %2 Both keys work; try again, schedule "
                     "the revocation or cancel.")
                      .arg(m_old.maskedKey(), error.userMessage());
        emit failed(Step::Revoke, error, message);
    });
}

bool KeyRotation::scheduleRevocation(const QDateTime &due, QString *error)
{
    if (m_state != State::ReadyToRevoke) {
        if (error)
            *error = tr("The new key is not verified yet.");
        return false;
    }
    if (!m_schedule) {
        if (error)
            *error = tr("Scheduled revocations are not available here.");
        return false;
    }
    if (!m_schedule->schedule(m_old, due, error))
        return false;
    const QString when = QLocale().toString(due.toLocalTime(), QLocale::LongFormat);
    end(State::Scheduled, tr("The old key %1 will be revoked on %2 while the console runs (or at "
                             "its next start). Until then both keys work.")
                              .arg(m_old.maskedKey(), when));
    return true;
}

void KeyRotation::cancel()
{
    if (!canCancel())
        return;
    const State was = m_state;
    const bool mayExist = was == State::Creating && m_request && m_request->attempts() > 0;
    // With the members cleared first, the handlers of what is aborted below return at once.
    if (SessionRequest *request = std::exchange(m_request, nullptr))
        request->cancel();
    if (ApiCall *call = std::exchange(m_verifyCall, nullptr))
        call->abort();
    QString message;
    if (was == State::Creating) {
        message = mayExist ? tr("Cancelled. The new key may have been created before the cancel "
                                "reached the server: look for it in the list. The old key %1 "
                                "still works.")
                                 .arg(m_old.maskedKey())
                           : tr("Cancelled; nothing was created. The old key %1 still works.")
                                 .arg(m_old.maskedKey());
    } else {
        message =
            m_own && m_session->isOwnApiKey(m_new)
                ? tr("Cancelled. %1 The console now signs in with the new key.").arg(bothKeysWork())
                : tr("Cancelled. %1").arg(bothKeysWork());
    }
    qCInfo(lcKeys) << "rotation cancelled:" << was;
    end(State::Cancelled, message);
}

QString KeyRotation::bothKeysWork() const
{
    return tr("The old key %1 was not revoked and still works. The new key %2 (%3) exists and "
              "works too; revoke it from the list if you do not need it.")
        .arg(m_old.maskedKey(), m_new.maskedKey(), m_new.name);
}

void KeyRotation::fail(Step step, const ApiError &error, const QString &message)
{
    qCInfo(lcKeys) << "rotation failed at" << step << error.logString();
    wipeSecret();
    const QPointer<KeyRotation> self(this);
    emit failed(step, error, message);
    if (self)
        end(State::Failed, message);
}

void KeyRotation::end(State state, const QString &message)
{
    wipeSecret();
    const QPointer<KeyRotation> self(this);
    setState(state);
    if (self)
        emit finished(state, message); // last: the receiver may delete this object
}

void KeyRotation::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void KeyRotation::wipeSecret()
{
    // In place: the verification's ApiCall shares this buffer; by now it has finished.
    wipeInPlace(m_secret);
}

} // namespace plexe
