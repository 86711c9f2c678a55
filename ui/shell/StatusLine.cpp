#include "shell/StatusLine.h"

#include "common/MessageWidget.h"
#include "session/Clock.h"

#include <QFrame>
#include <QLabel>
#include <QStatusBar>
#include <QTimer>

namespace plexe {

StatusLine::StatusLine(QStatusBar *bar, const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_profile(new QLabel(bar)), m_storage(new QLabel(bar)),
      m_idle(new QLabel(bar)), m_timer(new QTimer(this))
{
    m_profile->setObjectName(QStringLiteral("statusProfile"));
    m_storage->setObjectName(QStringLiteral("statusStorage"));
    m_idle->setObjectName(QStringLiteral("statusIdle"));
    for (QLabel *label : {m_profile, m_storage, m_idle})
        label->setTextFormat(Qt::PlainText);
    bar->addWidget(m_profile);
    auto *separator = new QFrame(bar);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    bar->addWidget(separator);
    bar->addWidget(m_storage);
    bar->addPermanentWidget(m_idle);
    m_idle->hide();
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &StatusLine::tick);
}

void StatusLine::setProfile(const QString &name)
{
    m_profile->setText(name);
}

void StatusLine::setStorage(const QString &backend, bool memoryOnly)
{
    if (backend.isEmpty() && !memoryOnly)
        m_storage->setText(tr("Not signed in"));
    else if (memoryOnly)
        m_storage->setText(tr("Session stored in: memory only"));
    else
        m_storage->setText(tr("Session stored in: %1").arg(backend));
}

void StatusLine::setIdleDeadline(const QDateTime &deadline)
{
    m_idleDeadline = deadline;
    if (!deadline.isValid()) {
        m_timer->stop();
        m_idle->hide();
        return;
    }
    tick();
    m_idle->show();
    m_timer->start();
}

QString StatusLine::storageText() const
{
    return m_storage->text();
}

QString StatusLine::idleText() const
{
    return m_idle->isHidden() ? QString() : m_idle->text();
}

void StatusLine::tick()
{
    const qint64 seconds = (m_clock->now().msecsTo(m_idleDeadline) + 999) / 1000;
    m_idle->setText(tr("Signs out in %1 when idle").arg(MessageWidget::formatRemaining(seconds)));
    if (seconds <= 0)
        m_timer->stop();
}

} // namespace plexe
