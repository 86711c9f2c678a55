#include "session/SessionStore.h"

#include "core/Logging.h"
#include "session/KeyringLockProbe.h"

#include <QList>
#include <QMetaObject>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <utility>

namespace plexe {
namespace {

const QString kAccessToken = QStringLiteral("access_token");
const QString kRefreshToken = QStringLiteral("refresh_token");
const QString kApiKey = QStringLiteral("api_key");
const QString kMeta = QStringLiteral("session_meta");

QString keychainBackendName()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#else
    return QStringLiteral("Secret Service");
#endif
}

} // namespace

struct SessionStore::Operation
{
    enum class Kind { Save, Load, Remove };
    struct Step
    {
        enum class Action { Read, Write, Delete };
        Action action;
        QString name;
        QByteArray value;
    };

    Kind kind = Kind::Load;
    QString profile;
    QList<Step> steps;
    int next = 0;
    StoredSession session; // what to save, or what was loaded
    QPointer<QObject> context;
    bool hadContext = false;
    Done done;
    LoadDone loadDone;
};

SessionStore::SessionStore(QString service, QObject *parent)
    : QObject(parent), m_service(std::move(service)), m_lockProbe(new KeyringLockProbe(this))
{}

SessionStore::~SessionStore()
{
    for (auto &session : m_memory)
        session.wipe();
}

void SessionStore::setJobTimeout(std::chrono::milliseconds timeout)
{
    m_jobTimeout = std::clamp(timeout, std::chrono::milliseconds(1), kMaxJobTimeout);
}

QString SessionStore::backendName() const
{
    return m_mode == Mode::MemoryOnly ? tr("memory only") : keychainBackendName();
}

void SessionStore::useMemoryOnly(const QString &why)
{
    degrade(why);
}

void SessionStore::retryKeychain()
{
    if (m_mode == Mode::Keychain)
        return;
    m_mode = Mode::Keychain;
    emit modeChanged(m_mode, backendName());
}

QString SessionStore::entryKey(const QString &profile, const QString &name)
{
    return profile + QLatin1Char('/') + name;
}

void SessionStore::degrade(const QString &why)
{
    qCWarning(lcKeychain) << "keychain unusable, memory-only mode:" << why;
    if (m_mode == Mode::MemoryOnly)
        return;
    m_mode = Mode::MemoryOnly;
    emit modeChanged(m_mode, backendName());
}

void SessionStore::save(const StoredSession &session, QObject *context, Done done)
{
    auto op = std::make_shared<Operation>();
    op->kind = Operation::Kind::Save;
    op->profile = session.profile;
    op->session = session;
    op->context = context;
    op->hadContext = context != nullptr;
    op->done = std::move(done);

    const QByteArray meta = session.meta.toJson();
    const bool badProfile = session.profile.isEmpty() || session.profile.contains(QLatin1Char('/'));
    if (badProfile || session.accessToken.size() > kMaxValueBytes ||
        session.refreshToken.size() > kMaxValueBytes || session.apiKey.size() > kMaxValueBytes ||
        meta.size() > kMaxValueBytes) {
        op->session.wipe();
        op->steps.clear();
        finishOperation(op, {Status::Refused, badProfile ? tr("Unusable profile name.")
                                                         : tr("A value is too large for "
                                                              "the keychain.")});
        return;
    }
    using Action = Operation::Step::Action;
    const QList<QPair<QString, QByteArray>> secrets{{kAccessToken, session.accessToken},
                                                    {kRefreshToken, session.refreshToken},
                                                    {kApiKey, session.apiKey}};
    for (const auto &secret : secrets) {
        // An empty secret deletes the entry so that nothing stale from an earlier session stays.
        op->steps.append({secret.second.isEmpty() ? Action::Delete : Action::Write, secret.first,
                          secret.second});
    }
    op->steps.append({Action::Write, kMeta, meta}); // last: a half-written session reads as none
    enqueue(op);
}

void SessionStore::load(const QString &profile, QObject *context, LoadDone done)
{
    auto op = std::make_shared<Operation>();
    op->kind = Operation::Kind::Load;
    op->profile = profile;
    op->session.profile = profile;
    op->context = context;
    op->hadContext = context != nullptr;
    op->loadDone = std::move(done);
    using Action = Operation::Step::Action;
    op->steps = {{Action::Read, kMeta, {}},
                 {Action::Read, kAccessToken, {}},
                 {Action::Read, kRefreshToken, {}},
                 {Action::Read, kApiKey, {}}};
    enqueue(op);
}

void SessionStore::removeAll(const QString &profile, QObject *context, Done done)
{
    auto op = std::make_shared<Operation>();
    op->kind = Operation::Kind::Remove;
    op->profile = profile;
    op->context = context;
    op->hadContext = context != nullptr;
    op->done = std::move(done);
    using Action = Operation::Step::Action;
    // The metadata last: if a delete fails half-way, what is left still has its metadata, so
    // the next start finds it (restore sees no usable credential and removes it again). Deleted
    // first, the tokens would stay behind with nothing pointing at them.
    op->steps = {{Action::Delete, kAccessToken, {}},
                 {Action::Delete, kRefreshToken, {}},
                 {Action::Delete, kApiKey, {}},
                 {Action::Delete, kMeta, {}}};
    enqueue(op);
}

void SessionStore::enqueue(const std::shared_ptr<Operation> &op)
{
    // One operation at a time, so that a sign-out can never interleave with a pending save.
    m_queue.append(op);
    if (!m_current)
        startNextOperation();
}

void SessionStore::startNextOperation()
{
    if (m_current || m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    runNext(m_current);
}

void SessionStore::runNext(std::shared_ptr<Operation> op) // by value: may be m_current
{
    if (m_mode == Mode::MemoryOnly) {
        switch (op->kind) {
        case Operation::Kind::Save:
            m_memory.insert(op->profile, op->session);
            return finishOperation(op, {});
        case Operation::Kind::Load:
            if (!m_memory.contains(op->profile))
                return finishOperation(op, {Status::SignedOut, QString()});
            op->session = m_memory.value(op->profile);
            return finishOperation(op, {});
        case Operation::Kind::Remove:
            if (m_memory.contains(op->profile))
                m_memory[op->profile].wipe();
            m_memory.remove(op->profile);
            // B17/B13: what this store put in (or read from) the keychain before it fell back
            // to memory-only is still there; the removal must reach it, or the next start
            // restores a session the user signed out of.
            if (!m_inKeychain.contains(op->profile))
                return finishOperation(op, {});
            break;
        }
    }
    if (op->next >= op->steps.size()) {
        if (op->kind == Operation::Kind::Remove) {
            m_memory.remove(op->profile);
            m_inKeychain.remove(op->profile);
        }
        return finishOperation(op, {});
    }
    if (op->kind != Operation::Kind::Load)
        m_inKeychain.insert(op->profile); // from the first write (or delete) on

    const Operation::Step step = op->steps.at(op->next);
    using Action = Operation::Step::Action;
    QKeychain::Job *job = nullptr;
    if (step.action == Action::Read) {
        job = new QKeychain::ReadPasswordJob(m_service);
    } else if (step.action == Action::Write) {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setBinaryData(step.value);
        job = write;
    } else {
        job = new QKeychain::DeletePasswordJob(m_service);
    }
    job->setKey(entryKey(op->profile, step.name));
    job->setInsecureFallback(false); // never a plaintext file (B12)
    job->setAutoDelete(true);        // also frees a job that finishes after our timeout

    // The job and our timer race; whichever comes first decides, the other is ignored.
    auto decided = std::make_shared<bool>(false);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, op, decided, timer] {
        timer->deleteLater();
        if (*decided)
            return;
        *decided = true;
        degrade(tr("keychain job timed out"));
        finishOperation(op, {Status::Degraded, tr("The keychain did not answer in "
                                                  "time; sessions are kept in "
                                                  "memory only.")});
    });
    connect(
        job, &QKeychain::Job::finished, this,
        [this, op, decided, timer, step](QKeychain::Job *finished) {
            if (*decided)
                return; // a late answer after our timeout: ignored
            *decided = true;
            timer->stop();
            timer->deleteLater();
            const QKeychain::Error error = finished->error();
            if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
                if (error == QKeychain::EntryNotFound && step.action == Action::Read &&
                    step.name == kMeta) {
                    // A locked keyring also reads as "not found": ask before saying
                    // "signed out", so that the user is offered an unlock instead.
                    return m_lockProbe->probe(m_jobTimeout, [this, op](auto answer) {
                        if (answer == KeyringLockProbe::Answer::Locked)
                            finishOperation(op,
                                            {Status::NeedsUnlock, tr("The keychain is locked.")});
                        else
                            finishOperation(op, {Status::SignedOut, QString()});
                    });
                }
                if (error == QKeychain::NoError && step.action == Action::Read) {
                    const QByteArray value =
                        static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
                    if (step.name == kMeta) {
                        const auto meta = SessionMeta::fromJson(value);
                        if (!meta)
                            return finishOperation(
                                op, {Status::SignedOut, tr("Stored session data is unreadable.")});
                        op->session.meta = *meta;
                        m_inKeychain.insert(op->profile);
                    } else if (step.name == kAccessToken) {
                        op->session.accessToken = value;
                    } else if (step.name == kRefreshToken) {
                        op->session.refreshToken = value;
                    } else {
                        op->session.apiKey = value;
                    }
                }
                ++op->next;
                return runNext(op);
            }
            qCWarning(lcKeychain) << "keychain job failed:" << int(error)
                                  << finished->errorString();
            if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser) {
                return finishOperation(op, {Status::NeedsUnlock, tr("The keychain is locked or "
                                                                    "refused access.")});
            }
            degrade(finished->errorString());
            if (op->kind == Operation::Kind::Remove) {
                return finishOperation(op, {Status::Degraded, tr("The session could not be deleted "
                                                                 "from the keychain (%1).")
                                                                  .arg(finished->errorString())});
            }
            finishOperation(op, {Status::Degraded, tr("No usable keychain (%1); sessions are kept "
                                                      "in memory only.")
                                                       .arg(finished->errorString())});
        });
    timer->start(m_jobTimeout);
    job->start();
}

void SessionStore::finishOperation(std::shared_ptr<Operation> op, Outcome outcome)
{
    if (outcome.status == Status::Degraded) {
        if (op->kind == Operation::Kind::Save)
            m_memory.insert(op->profile, op->session); // this session only, persisted nowhere
        else if (op->kind == Operation::Kind::Remove)
            m_memory.remove(op->profile);
    }
    if (op->kind == Operation::Kind::Save)
        op->session.wipe();
    if (op->kind == Operation::Kind::Load && outcome.status != Status::Ok)
        op->session.wipe();
    if (op == m_current) {
        m_current.reset();
        QMetaObject::invokeMethod(this, &SessionStore::startNextOperation, Qt::QueuedConnection);
    }
    // Always answer from the event loop, so that callers never see re-entrant callbacks.
    QMetaObject::invokeMethod(
        this,
        [op, outcome] {
            if (op->hadContext && !op->context)
                return;
            if (op->loadDone)
                op->loadDone(outcome, op->session);
            else if (op->done)
                op->done(outcome);
            op->session.wipe();
        },
        Qt::QueuedConnection);
}

} // namespace plexe
