#pragma once

#include "api/User.h"
#include "shell/Pane.h"

#include <QPointer>

#include <memory>

namespace Ui {
class AccountPane;
}

namespace plexe {

class Clock;
class MessageWidget;
class Preferences;
class SessionManager;

// Account: who is signed in (email, name, credits, consumption), how the session was made and
// when it ends, Sign out, "Sign out and forget this profile", and the preferences.
class AccountPane : public Pane
{
    Q_OBJECT

public:
    AccountPane(Preferences *preferences, const Clock *clock, QWidget *parent = nullptr);
    ~AccountPane() override;

    QString title() const override;
    void activateSession(const PaneContext &context) override;
    void setUser(const User &user);
    void refresh() override;
    void dropSessionData() override;

signals:
    void signOutRequested();
    void forgetProfileRequested();

private:
    void showSession();

    std::unique_ptr<Ui::AccountPane> m_ui;
    Preferences *m_preferences;
    const Clock *m_clock;
    MessageWidget *m_banner;
    QPointer<SessionManager> m_session;
    QString m_profileName;
};

} // namespace plexe
