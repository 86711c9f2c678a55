#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace plexe {

// The TOTP step of a password sign-in: the 6-digit code from the user's authenticator app.
class CodeStep : public QWidget
{
    Q_OBJECT

public:
    explicit CodeStep(QWidget *parent = nullptr);

    // The digits typed (spaces a user may paste from an app are dropped).
    QString code() const;
    void clear();
    void setBusy(bool busy);
    void focusInput();

signals:
    void submitted();
    void cancelled();

private:
    void updateEnabled();

    QLineEdit *m_code;
    QPushButton *m_verify;
    QPushButton *m_cancel;
    bool m_busy = false;
};

} // namespace plexe
