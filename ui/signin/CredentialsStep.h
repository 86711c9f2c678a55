#pragma once

#include "sandbox/DemoAccount.h"

#include <QList>
#include <QWidget>

#include <memory>

namespace Ui {
class CredentialsStep;
}

namespace plexe {

// The first step of the sign-in page: email + password, the browser sign-ins, "Use an API key",
// and on the sandbox profile the demo accounts with "Fill in".
class CredentialsStep : public QWidget
{
    Q_OBJECT

public:
    explicit CredentialsStep(QWidget *parent = nullptr);
    ~CredentialsStep() override;

    QString email() const;
    // The typed password as UTF-8; the field is cleared (the caller wipes the bytes).
    QByteArray takePassword();
    void setDemoAccounts(const QList<DemoAccount> &accounts);
    void setBusy(bool busy);
    // While a 429 countdown runs, Sign in stays disabled.
    void setSignInBlocked(bool blocked);
    // Focus on the first empty field (email, then password).
    void focusInput();

signals:
    void signInRequested();
    // "google", "github", or empty for the server's own page.
    void browserRequested(const QString &provider);
    void apiKeyRequested(const QString &prefill);

private:
    void updateSignInEnabled();

    std::unique_ptr<Ui::CredentialsStep> m_ui;
    QList<QWidget *> m_demoRows;
    bool m_busy = false;
    bool m_blocked = false;
};

} // namespace plexe
