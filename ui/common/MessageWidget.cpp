#include "common/MessageWidget.h"

#include "session/Clock.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace plexe {

MessageWidget::MessageWidget(QWidget *parent, const Clock *clock)
    : QFrame(parent), m_clock(clock), m_icon(new QLabel(this)), m_label(new QLabel(this)),
      m_closeButton(new QToolButton(this)), m_countdownTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("messageWidget"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Message"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_icon->setFixedSize(20, 20);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_label->setObjectName(QStringLiteral("messageText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_label->setFocusPolicy(Qt::StrongFocus); // errors take the focus so they are read out
    layout->addWidget(m_label, 1);
    m_actionsLayout = new QHBoxLayout;
    layout->addLayout(m_actionsLayout);
    m_closeButton->setObjectName(QStringLiteral("messageCloseButton"));
    m_closeButton->setText(tr("Close"));
    m_closeButton->setAccessibleName(tr("Close message"));
    m_closeButton->setToolTip(tr("Close message"));
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setAutoRaise(true);
    connect(m_closeButton, &QToolButton::clicked, this, [this] {
        hideMessage();
        emit dismissed();
    });
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, &MessageWidget::updateCountdown);
    setKind(Kind::Information);
    hide();
}

MessageWidget::~MessageWidget() = default;

void MessageWidget::showMessage(const QString &text, Kind kind, const QList<Action> &actions)
{
    m_countdownTimer->stop();
    setKind(kind);
    m_label->setText(text);
    setActions(actions);
    show();
    announce();
}

void MessageWidget::showCountdown(const QString &format, const QDateTime &deadline, Kind kind,
                                  const QString &finishedText, const QList<Action> &actions)
{
    showCountdown([format](const QString &left) { return format.arg(left); }, deadline, kind,
                  finishedText, actions);
}

void MessageWidget::showCountdown(CountdownText text, const QDateTime &deadline, Kind kind,
                                  const QString &finishedText, const QList<Action> &actions)
{
    m_countdownText = std::move(text);
    m_countdownFinishedText = finishedText;
    m_deadline = deadline;
    setKind(kind);
    setActions(actions);
    updateCountdown();
    show();
    announce();
    if (now() < m_deadline)
        m_countdownTimer->start();
}

void MessageWidget::hideMessage()
{
    m_countdownTimer->stop();
    hide();
}

QString MessageWidget::text() const
{
    return m_label->text();
}

QString MessageWidget::formatRemaining(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    const QString mmss = QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    if (h == 0)
        return mmss;
    return QStringLiteral("%1:%2:%3")
        .arg(h)
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(s, 2, 10, QLatin1Char('0'));
}

void MessageWidget::updateCountdown()
{
    // Round up so the banner never shows 0:00 while the server still refuses.
    const qint64 ms = now().msecsTo(m_deadline);
    if (ms <= 0) {
        m_countdownTimer->stop();
        if (!m_countdownFinishedText.isEmpty())
            m_label->setText(m_countdownFinishedText);
        else
            hide();
        emit countdownFinished();
        return;
    }
    m_label->setText(m_countdownText(formatRemaining((ms + 999) / 1000)));
}

void MessageWidget::setKind(Kind kind)
{
    m_kind = kind;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor accent(0x2f, 0x7d, 0xd1);
    switch (kind) {
    case Kind::Information:
        break;
    case Kind::Positive:
        accent = QColor(0x2e, 0x9d, 0x4f);
        break;
    case Kind::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        accent = QColor(0xd8, 0x8a, 0x00);
        break;
    case Kind::Error:
        icon = QStyle::SP_MessageBoxCritical;
        accent = QColor(0xd0, 0x3b, 0x3b);
        break;
    }
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(20, 20));
    // A small accent only: a tinted background and a coloured border over the system palette,
    // readable in light and dark themes alike.
    setStyleSheet(QStringLiteral("plexe--MessageWidget { background-color: rgba(%1, %2, %3, 38);"
                                 " border: 1px solid rgba(%1, %2, %3, 160); border-radius: 4px; }")
                      .arg(accent.red())
                      .arg(accent.green())
                      .arg(accent.blue()));
}

void MessageWidget::setActions(const QList<Action> &actions)
{
    // deleteLater: an action may replace the banner's actions from its own button's click.
    for (QPushButton *button : std::as_const(m_actionButtons)) {
        button->hide();
        button->deleteLater();
    }
    m_actionButtons.clear();
    for (const Action &action : actions) {
        auto *button = new QPushButton(action.text, this);
        button->setObjectName(action.objectName);
        button->setAccessibleName(action.text);
        const auto trigger = action.trigger;
        connect(button, &QPushButton::clicked, this, [trigger] {
            if (trigger)
                trigger();
        });
        m_actionsLayout->addWidget(button);
        m_actionButtons.append(button);
    }
}

void MessageWidget::announce()
{
    if (m_kind == Kind::Error || m_kind == Kind::Warning) {
        QAccessibleEvent event(m_label, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
}

QDateTime MessageWidget::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

} // namespace plexe
