#pragma once

#include "api/ApiKey.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

namespace Ui {
class CreateKeyDialog;
}

namespace plexe {

class ApiError;
class Clock;
class MessageWidget;
class SecretClipboard;
class SessionManager;
class SessionRequest;

// Creates an API key: name (KeyNameRule, checked as the user types), permission (Read-only
// preselected, the least privilege), expiry (never, 30 / 90 / 365 days, or a date). Sends a
// sensitive request (B19: the window's step-up prompt asks when needed); a 422 is shown next to
// its field, a 429 as a countdown. On success it opens the RevealKeyDialog itself, so that the
// secret goes nowhere else, emits keyCreated() with the key's description (no secret) and
// closes. Open it with open(); it deletes itself.
class CreateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    // `session`, `clipboard` and `clock` are not owned. `account` and `profile` are named in the
    // reveal dialog's confirmation.
    CreateKeyDialog(SessionManager *session, SecretClipboard *clipboard, const Clock *clock,
                    const QString &account, const QString &profile, QWidget *parent);
    ~CreateKeyDialog() override;

    // The expiry chosen, in days from today (nullopt: never). Public for tests.
    std::optional<int> expirationDays() const;

    void reject() override; // not while a request runs

signals:
    void keyCreated(const plexe::ApiKey &info);

private:
    void validate();
    void updateExpiryDate();
    void submit();
    void onFinished(SessionRequest *request);
    void showServerError(const ApiError &error);
    void setBusy(bool busy);
    void clearErrors();

    std::unique_ptr<Ui::CreateKeyDialog> m_ui;
    QPointer<SessionManager> m_session;
    SecretClipboard *m_clipboard;
    const Clock *m_clock;
    QString m_account;
    QString m_profile;
    MessageWidget *m_message;
    QPointer<SessionRequest> m_request;
    bool m_rateLimited = false;
    bool m_nameTouched = false;
};

} // namespace plexe
