#pragma once

#include <QDateTime>
#include <QFrame>
#include <QList>

#include <functional>

class QBoxLayout;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace plexe {

class Clock;

// An inline banner for routine messages of one page or pane (errors with Retry, a 429
// countdown, "offline — showing data as of HH:MM"); modal boxes are only for confirmations.
// The text is always plain text: server messages must never be read as HTML (D30).
class MessageWidget : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Positive, Warning, Error };
    Q_ENUM(Kind)

    struct Action
    {
        QString text;       // also the button's accessible name
        QString objectName; // for tests and AT-SPI
        std::function<void()> trigger;
    };

    // `clock` (not owned, may be null for the system clock) drives countdowns.
    explicit MessageWidget(QWidget *parent = nullptr, const Clock *clock = nullptr);
    ~MessageWidget() override;

    // Shows `text` with the given actions (buttons on the right) and a close button.
    void showMessage(const QString &text, Kind kind, const QList<Action> &actions = {});
    // Shows `format` with %1 replaced by the time left until `deadline` ("0:42"), ticking every
    // second; at the deadline it emits countdownFinished() and shows `finishedText` (if any).
    // `format` must hold no server or user text: a `%1` in it would get the time too.
    void showCountdown(const QString &format, const QDateTime &deadline, Kind kind,
                       const QString &finishedText = {}, const QList<Action> &actions = {});
    // The same for a text with names in it: `text` builds it from the time left, in one arg()
    // call (tr("%1: … in %2.").arg(name, left)) so that a `%1` in a name stays as it is.
    using CountdownText = std::function<QString(const QString &left)>;
    void showCountdown(CountdownText text, const QDateTime &deadline, Kind kind,
                       const QString &finishedText = {}, const QList<Action> &actions = {});
    void hideMessage();

    QString text() const;
    Kind kind() const { return m_kind; }
    bool isShowing() const { return !isHidden(); }

    // "4:52" or "1:02:03".
    static QString formatRemaining(qint64 seconds);

signals:
    void countdownFinished();
    void dismissed();

private:
    void setKind(Kind kind);
    void setActions(const QList<Action> &actions);
    void updateCountdown();
    void announce();
    QDateTime now() const;

    const Clock *m_clock;
    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_label;
    QBoxLayout *m_actionsLayout;
    QToolButton *m_closeButton;
    QList<QPushButton *> m_actionButtons;
    QTimer *m_countdownTimer;
    CountdownText m_countdownText;
    QString m_countdownFinishedText;
    QDateTime m_deadline;
};

} // namespace plexe
