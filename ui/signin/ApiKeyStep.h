#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QToolButton;

namespace plexe {

// "Use an API key": a pasted plx_sk_ key, checked by the server before it becomes the session.
class ApiKeyStep : public QWidget
{
    Q_OBJECT

public:
    explicit ApiKeyStep(QWidget *parent = nullptr);

    // The key as UTF-8; the field is cleared (the caller wipes the bytes).
    QByteArray takeKey();
    void setKey(const QString &key);
    void setBusy(bool busy);
    void focusInput();

signals:
    void submitted();
    void cancelled();

private:
    void updateEnabled();

    QLineEdit *m_key;
    QToolButton *m_show;
    QPushButton *m_signIn;
    QPushButton *m_back;
    bool m_busy = false;
};

} // namespace plexe
