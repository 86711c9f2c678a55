#pragma once

#include "api/ApiKey.h"
#include "keys/KeyRotation.h"

#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace plexe {

class Clock;
class MessageWidget;
class ScheduledRevocations;
class SecretClipboard;
class SessionManager;

// The guided rotation of one API key (issue 10 item 6): a thin view over KeyRotation. It names
// the account, profile and key (C23) and lists the steps "Create replacement → Store it →
// Verify → Revoke old key" with their progress. "Rotate" starts; the new key is shown once in
// RevealKeyDialog ("Store it" is done when that dialog closes); the old key can be revoked only
// after that and after the new key worked, now or at a chosen later time (ScheduledRevocations),
// each after a confirmation. Cancel (Esc, the close button) stops before the revocation and
// says what exists; while the revocation is being sent it does nothing.
// Opened with open(); it deletes itself when closed.
// Deleting from a slot: not from the slots of its own KeyRotation other than finished() (it owns
// that rotation); use close() or deleteLater().
class RotateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    // `account` is the signed-in email shown in the confirmation. `session`, `clipboard` and
    // `clock` must outlive the dialog; `schedule` may be null (then only "now" is offered).
    RotateKeyDialog(const ApiKey &oldKey, const QString &account, SessionManager *session,
                    ScheduledRevocations *schedule, SecretClipboard *clipboard, const Clock *clock,
                    QWidget *parent = nullptr);
    ~RotateKeyDialog() override;

    KeyRotation *rotation() const { return m_rotation; }
    void reject() override;

private:
    enum class Mark { Pending, Running, Done, Failed };
    enum StepIndex { CreateStep, StoreStep, VerifyStep, RevokeStep, StepCount };

    void start();
    void showReveal(CreatedApiKey &key);
    void onStateChanged(KeyRotation::State state);
    void onFailed(KeyRotation::Step step, const QString &message);
    void onFinished(KeyRotation::State state, const QString &message);
    void confirmRevocation();
    void setMark(int step, Mark mark);
    void updateButtons();

    KeyRotation *m_rotation;
    SessionManager *m_session;
    ScheduledRevocations *m_schedule;
    SecretClipboard *m_clipboard;
    const Clock *m_clock;
    ApiKey m_old;
    QString m_account;
    QLabel *m_steps[StepCount] = {};
    QString m_stepTexts[StepCount];
    QRadioButton *m_now;
    QRadioButton *m_later;
    QDateTimeEdit *m_when;
    QProgressBar *m_progress;
    MessageWidget *m_message;
    QPushButton *m_start;
    QPushButton *m_revoke;
    QPushButton *m_cancel;
    bool m_stored = false;
};

} // namespace plexe
