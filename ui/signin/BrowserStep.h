#pragma once

#include <QDateTime>
#include <QUrl>
#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace plexe {

class Clock;

// The browser step (A9): "Waiting for your browser… 4:52" with Cancel, and under "Browser did
// not open?" the sign-in address with Copy and a field for the address the browser ended on.
class BrowserStep : public QWidget
{
    Q_OBJECT

public:
    explicit BrowserStep(const Clock *clock, QWidget *parent = nullptr);

    // Starting: discovery runs, no address yet.
    void showStarting();
    // The browser was opened (or could not be: `opened` false, the address is shown at once).
    void showWaiting(const QUrl &address, const QDateTime &deadline, bool opened);
    void showExchanging();
    QString pastedAddress() const;
    void clearPastedAddress();
    void focusInput();

signals:
    void cancelled();
    void addressPasted();
    void addressCopied();

private:
    void tick();

    const Clock *m_clock;
    QLabel *m_status;
    QPushButton *m_cancel;
    QGroupBox *m_fallback;
    QLineEdit *m_address;
    QPushButton *m_copy;
    QLineEdit *m_pasted;
    QPushButton *m_continue;
    QTimer *m_timer;
    QDateTime m_deadline;
};

} // namespace plexe
