#include "signin/BrowserStep.h"

#include "common/MessageWidget.h"
#include "session/Clock.h"

#include <QClipboard>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace plexe {

BrowserStep::BrowserStep(const Clock *clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_status(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_fallback(new QGroupBox(tr("Browser did not open?"), this)),
      m_address(new QLineEdit(m_fallback)),
      m_copy(new QPushButton(tr("Copy sign-in address"), m_fallback)),
      m_pasted(new QLineEdit(m_fallback)), m_continue(new QPushButton(tr("Continue"), m_fallback)),
      m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("browserStep"));
    auto *layout = new QVBoxLayout(this);
    m_status->setObjectName(QStringLiteral("browserStatus"));
    m_status->setTextFormat(Qt::PlainText);
    QFont font = m_status->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    m_status->setFont(font);
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    m_cancel->setObjectName(QStringLiteral("browserCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel"));
    top->addWidget(m_cancel);
    layout->addLayout(top);

    auto *fallback = new QVBoxLayout(m_fallback);
    auto *hint = new QLabel(tr("Open this address in a browser yourself:"), m_fallback);
    fallback->addWidget(hint);
    auto *addressRow = new QHBoxLayout;
    m_address->setObjectName(QStringLiteral("signInAddress"));
    m_address->setAccessibleName(tr("Sign-in address"));
    m_address->setReadOnly(true);
    m_copy->setObjectName(QStringLiteral("copyAddressButton"));
    m_copy->setAccessibleName(tr("Copy sign-in address"));
    addressRow->addWidget(m_address, 1);
    addressRow->addWidget(m_copy);
    fallback->addLayout(addressRow);
    auto *pasteHint = new QLabel(tr("If the browser ended on an address the console did not "
                                    "receive, paste that address here:"),
                                 m_fallback);
    pasteHint->setWordWrap(true);
    fallback->addWidget(pasteHint);
    auto *pasteRow = new QHBoxLayout;
    m_pasted->setObjectName(QStringLiteral("pastedAddressEdit"));
    m_pasted->setAccessibleName(tr("Paste the address your browser ended on"));
    m_pasted->setPlaceholderText(QStringLiteral("http://127.0.0.1:…/callback?code=…"));
    m_continue->setObjectName(QStringLiteral("pastedAddressButton"));
    m_continue->setAccessibleName(tr("Continue with the pasted address"));
    pasteRow->addWidget(m_pasted, 1);
    pasteRow->addWidget(m_continue);
    fallback->addLayout(pasteRow);
    layout->addWidget(m_fallback);
    layout->addStretch();

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &BrowserStep::tick);
    connect(m_cancel, &QPushButton::clicked, this, &BrowserStep::cancelled);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        // The address holds state and the PKCE challenge, not a secret: a plain copy.
        QGuiApplication::clipboard()->setText(m_address->text());
        emit addressCopied();
    });
    connect(m_continue, &QPushButton::clicked, this, &BrowserStep::addressPasted);
    connect(m_pasted, &QLineEdit::returnPressed, this, &BrowserStep::addressPasted);
}

void BrowserStep::showStarting()
{
    m_timer->stop();
    m_status->setText(tr("Preparing the browser sign-in…"));
    m_address->clear();
    m_pasted->clear();
    m_fallback->setEnabled(false);
    m_cancel->setEnabled(true);
}

void BrowserStep::showWaiting(const QUrl &address, const QDateTime &deadline, bool opened)
{
    m_deadline = deadline;
    m_address->setText(address.toString(QUrl::FullyEncoded));
    m_address->setCursorPosition(0);
    m_fallback->setEnabled(true);
    m_fallback->setTitle(opened ? tr("Browser did not open?")
                                : tr("The browser could not be opened"));
    m_cancel->setEnabled(true);
    tick();
    m_timer->start();
}

void BrowserStep::showExchanging()
{
    m_timer->stop();
    m_status->setText(tr("Finishing the sign-in…"));
    m_fallback->setEnabled(false);
}

QString BrowserStep::pastedAddress() const
{
    return m_pasted->text().trimmed();
}

void BrowserStep::clearPastedAddress()
{
    m_pasted->clear();
}

void BrowserStep::focusInput()
{
    m_cancel->setFocus();
}

void BrowserStep::tick()
{
    const qint64 seconds = (m_clock->now().msecsTo(m_deadline) + 999) / 1000;
    m_status->setText(
        tr("Waiting for your browser… %1").arg(MessageWidget::formatRemaining(seconds)));
    m_status->setAccessibleName(m_status->text());
    if (seconds <= 0)
        m_timer->stop();
}

} // namespace plexe
