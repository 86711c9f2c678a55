#include "keys/RotateKeyDialog.h"

#include "common/Confirmation.h"
#include "common/MessageWidget.h"
#include "common/SecretClipboard.h"
#include "keys/RevealKeyDialog.h"
#include "session/Clock.h"
#include "session/SessionManager.h"

#include <QButtonGroup>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace plexe {

namespace {

// "ci-deploy (plx_sk_9f3a…c21d)": how every dialog names a key.
QString keyLabel(const ApiKey &key)
{
    return QStringLiteral("%1 (%2)").arg(key.name, key.maskedKey());
}

} // namespace

RotateKeyDialog::RotateKeyDialog(const ApiKey &oldKey, const QString &account,
                                 SessionManager *session, ScheduledRevocations *schedule,
                                 SecretClipboard *clipboard, const Clock *clock, QWidget *parent)
    : QDialog(parent), m_rotation(new KeyRotation(session, schedule, clock, this)),
      m_session(session), m_schedule(schedule), m_clipboard(clipboard), m_clock(clock),
      m_old(oldKey), m_account(account), m_now(new QRadioButton(tr("Revoke the old key &now"))),
      m_later(new QRadioButton(tr("Revoke it &later, at"))), m_when(new QDateTimeEdit(this)),
      m_progress(new QProgressBar(this)), m_message(new MessageWidget(this, clock))
{
    setObjectName(QStringLiteral("rotateKeyDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Rotate API key"));
    auto *layout = new QVBoxLayout(this);
    // Banners appear inside: the dialog takes the size its rows need instead of squeezing them.
    layout->setSizeConstraint(QLayout::SetFixedSize);

    // C23: which account, profile and key this acts on. Server text stays plain text (D30).
    auto *subject = new QLabel(this);
    subject->setObjectName(QStringLiteral("rotateSubject"));
    subject->setTextFormat(Qt::PlainText);
    subject->setWordWrap(true);
    subject->setText(tr("Key: %1\nAccount: %2\nProfile: %3")
                         .arg(keyLabel(m_old), m_account, m_session->profileName()));
    layout->addWidget(subject);

    m_stepTexts[CreateStep] = tr("Create a replacement with the same permission");
    m_stepTexts[StoreStep] = tr("Store it (shown once)");
    m_stepTexts[VerifyStep] = m_session->isOwnApiKey(m_old)
                                  ? tr("Verify it, and switch the console to it")
                                  : tr("Verify it");
    m_stepTexts[RevokeStep] = tr("Revoke the old key, now or later");
    for (int i = 0; i < StepCount; ++i) {
        m_steps[i] = new QLabel(this);
        m_steps[i]->setTextFormat(Qt::PlainText);
        m_steps[i]->setObjectName(QStringLiteral("rotateStep%1").arg(i + 1));
        layout->addWidget(m_steps[i]);
        setMark(i, Mark::Pending);
    }

    auto *group = new QButtonGroup(this);
    group->addButton(m_now);
    group->addButton(m_later);
    m_now->setObjectName(QStringLiteral("revokeNowRadio"));
    m_later->setObjectName(QStringLiteral("revokeLaterRadio"));
    m_now->setChecked(true);
    m_when->setObjectName(QStringLiteral("revokeAt"));
    m_when->setAccessibleName(tr("Revoke at"));
    m_when->setCalendarPopup(true);
    // A day of overlap by default: time to roll the new key out everywhere.
    const QDateTime now = m_clock->now().toLocalTime();
    m_when->setMinimumDateTime(now.addSecs(60));
    m_when->setDateTime(now.addDays(1));
    m_when->setEnabled(false);
    connect(m_later, &QRadioButton::toggled, m_when, &QWidget::setEnabled);
    connect(m_later, &QRadioButton::toggled, this, &RotateKeyDialog::updateButtons);
    auto *laterRow = new QHBoxLayout;
    laterRow->addWidget(m_later);
    laterRow->addWidget(m_when, 1);
    layout->addWidget(m_now);
    layout->addLayout(laterRow);
    if (!m_schedule) {
        m_later->setEnabled(false);
        m_later->setToolTip(tr("Scheduled revocations are not available here."));
    }

    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Working"));
    m_progress->hide();
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    m_message->hideMessage();

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("Rotate"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("rotateStartButton"));
    m_start->setAccessibleName(tr("Rotate"));
    m_revoke = buttons->addButton(tr("Revoke old key"), QDialogButtonBox::ActionRole);
    m_revoke->setObjectName(QStringLiteral("rotateRevokeButton"));
    m_revoke->setAccessibleName(tr("Revoke old key"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("rotateCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setDefault(true);
    layout->addWidget(buttons);
    connect(m_start, &QPushButton::clicked, this, &RotateKeyDialog::start);
    connect(m_revoke, &QPushButton::clicked, this, &RotateKeyDialog::confirmRevocation);
    connect(m_cancel, &QPushButton::clicked, this, &RotateKeyDialog::reject);

    // Direct: the key is handed out by reference and wiped when the slot returns.
    connect(m_rotation, &KeyRotation::replacementCreated, this, &RotateKeyDialog::showReveal);
    connect(m_rotation, &KeyRotation::stateChanged, this, &RotateKeyDialog::onStateChanged);
    connect(m_rotation, &KeyRotation::failed, this,
            [this](KeyRotation::Step step, const ApiError &, const QString &message) {
                onFailed(step, message);
            });
    connect(m_rotation, &KeyRotation::finished, this, &RotateKeyDialog::onFinished);
    connect(m_rotation, &KeyRotation::rateLimited, this, [this](const QDateTime &deadline) {
        m_message->showCountdown(tr("Too many keys were created recently; trying again in %1."),
                                 deadline, MessageWidget::Kind::Warning);
    });
    updateButtons();
}

RotateKeyDialog::~RotateKeyDialog() = default;

void RotateKeyDialog::start()
{
    QString error;
    m_message->hideMessage();
    if (!m_rotation->start(m_old, &error))
        m_message->showMessage(error, MessageWidget::Kind::Error);
    updateButtons();
}

void RotateKeyDialog::showReveal(CreatedApiKey &key)
{
    // RevealKeyDialog (keys-create branch) takes the key over and wipes `key`; it also closes
    // itself when the session ends (B17).
    auto *reveal = new RevealKeyDialog(key, m_session, m_clipboard, this);
    reveal->setRevokeOnDiscard(!m_rotation->rotatesOwnCredential());
    setMark(StoreStep, Mark::Running);
    connect(reveal, &QDialog::finished, this, [this, reveal] {
        if (reveal->wasRevoked()) {
            // The replacement is gone: the old key must stay, so the rotation stops here.
            setMark(StoreStep, Mark::Failed);
            m_rotation->cancel();
            m_message->showMessage(tr("The new key was discarded and revoked. The old key %1 "
                                      "still works.")
                                       .arg(m_old.maskedKey()),
                                   MessageWidget::Kind::Warning);
            updateButtons();
            return;
        }
        // "I have stored it", or a confirmed discard: either way the user has seen it.
        m_stored = true;
        setMark(StoreStep, Mark::Done);
        updateButtons();
    });
    reveal->open();
}

void RotateKeyDialog::onStateChanged(KeyRotation::State state)
{
    using State = KeyRotation::State;
    switch (state) {
    case State::Creating:
        setMark(CreateStep, Mark::Running);
        break;
    case State::Verifying:
    case State::SwitchingSession:
        setMark(CreateStep, Mark::Done);
        setMark(VerifyStep, Mark::Running);
        break;
    case State::ReadyToRevoke:
        setMark(VerifyStep, Mark::Done);
        setMark(RevokeStep, Mark::Pending);
        break;
    case State::Revoking:
        setMark(RevokeStep, Mark::Running);
        m_message->hideMessage();
        break;
    case State::Revoked:
    case State::Scheduled:
        setMark(RevokeStep, Mark::Done);
        break;
    default:
        break;
    }
    updateButtons();
}

void RotateKeyDialog::onFailed(KeyRotation::Step step, const QString &message)
{
    switch (step) {
    case KeyRotation::Step::Create:
        setMark(CreateStep, Mark::Failed);
        break;
    case KeyRotation::Step::Verify:
    case KeyRotation::Step::SwitchSession:
        setMark(VerifyStep, Mark::Failed);
        break;
    case KeyRotation::Step::Revoke:
        setMark(RevokeStep, Mark::Failed);
        break;
    }
    m_message->showMessage(message, MessageWidget::Kind::Error);
    updateButtons();
}

void RotateKeyDialog::onFinished(KeyRotation::State state, const QString &message)
{
    const bool done =
        state == KeyRotation::State::Revoked || state == KeyRotation::State::Scheduled;
    m_message->showMessage(message, done ? MessageWidget::Kind::Positive
                                    : state == KeyRotation::State::Failed
                                        ? MessageWidget::Kind::Error
                                        : MessageWidget::Kind::Warning);
    updateButtons();
}

void RotateKeyDialog::confirmRevocation()
{
    const bool later = m_later->isChecked();
    Confirmation::Request request;
    request.title = later ? tr("Schedule the revocation?") : tr("Revoke the old key?");
    request.question =
        later ? tr("The old key will stop working at %1; anything still using it will fail.")
                    .arg(QLocale().toString(m_when->dateTime(), QLocale::LongFormat))
              : tr("The old key stops working at once; anything still using it will fail.");
    request.account = m_account;
    request.profile = m_session->profileName();
    request.object = keyLabel(m_old);
    request.verb = later ? tr("Schedule revocation") : tr("Revoke key");
    Confirmation::ask(this, request, this, [this, later](bool confirmed) {
        if (!confirmed || m_rotation->state() != KeyRotation::State::ReadyToRevoke)
            return;
        if (!later)
            return m_rotation->revokeNow();
        QString error;
        if (!m_rotation->scheduleRevocation(m_when->dateTime().toUTC(), &error))
            m_message->showMessage(error, MessageWidget::Kind::Error);
    });
}

void RotateKeyDialog::reject()
{
    if (m_rotation->state() == KeyRotation::State::Revoking)
        return; // sent: its answer decides; closing now would hide it
    if (m_rotation->canCancel()) {
        m_rotation->cancel(); // finished() shows what exists; the dialog stays to say so
        return;
    }
    QDialog::reject();
}

void RotateKeyDialog::setMark(int step, Mark mark)
{
    static const QString marks[] = {QStringLiteral("\u25CB"), QStringLiteral("\u25D4"),
                                    QStringLiteral("\u2713"), QStringLiteral("\u2717")};
    m_steps[step]->setText(marks[int(mark)] + QLatin1Char(' ') + m_stepTexts[step]);
    static const QString states[] = {tr("to do"), tr("in progress"), tr("done"), tr("failed")};
    m_steps[step]->setAccessibleName(m_stepTexts[step] + QStringLiteral(": ") + states[int(mark)]);
}

void RotateKeyDialog::updateButtons()
{
    using State = KeyRotation::State;
    const State state = m_rotation->state();
    const bool ended = state == State::Revoked || state == State::Scheduled ||
                       state == State::Failed || state == State::Cancelled;
    const bool ready = state == State::ReadyToRevoke && m_stored;
    m_start->setVisible(state == State::Idle);
    m_revoke->setVisible(!ended && state != State::Idle);
    m_revoke->setEnabled(ready);
    m_revoke->setText(m_later->isChecked() ? tr("Schedule revocation") : tr("Revoke old key"));
    m_now->setEnabled(!ended && state != State::Revoking);
    m_later->setEnabled(m_schedule && !ended && state != State::Revoking);
    m_progress->setVisible(m_rotation->isRunning() && state != State::ReadyToRevoke);
    m_cancel->setEnabled(state != State::Revoking);
    m_cancel->setText(ended ? tr("Close") : tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
}

} // namespace plexe
