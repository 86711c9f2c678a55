#include "common/StepUpPrompt.h"

#include "auth/SignInResult.h"
#include "common/MessageWidget.h"
#include "session/SessionManager.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace plexe {

StepUpPrompt::StepUpPrompt(SessionManager *session, bool passwordAccount, const Clock *clock,
                           BrowserSignIn::Opener opener, QWidget *parent)
    : QDialog(parent), m_session(session), m_passwordAccount(passwordAccount), m_clock(clock),
      m_opener(std::move(opener)), m_message(new MessageWidget(this, clock)),
      m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("stepUpPrompt"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Confirm it is you"));
    auto *layout = new QVBoxLayout(this);
    // Banners appear inside: the dialog takes the size its rows need instead of squeezing them.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    auto *explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("stepUpExplanation"));
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    explanation->setText(
        passwordAccount
            ? tr("This action changes your API keys. Enter your password to continue; you will "
                 "not be asked again for 10 minutes.")
            : tr("This action changes your API keys. Sign in again in your browser to continue; "
                 "you will not be asked again for 10 minutes."));
    layout->addWidget(explanation);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(passwordAccount ? tr("Confirm") : tr("Continue in browser"),
                                   QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("stepUpConfirmButton"));
    m_confirm->setAccessibleName(m_confirm->text());
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("stepUpCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel"));
    // Enter always means Confirm. An auto-default Cancel became the default button as soon as
    // it got the focus, which it did when submitting disabled the focused field: the Enter that
    // sent the password then also clicked Cancel, and the waiting action was dropped while the
    // password was accepted (issue 21, item 10).
    m_confirm->setDefault(true);
    m_cancel->setAutoDefault(false);

    if (passwordAccount) {
        auto *form = new QFormLayout;
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("stepUpPassword"));
        m_password->setAccessibleName(tr("Password"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setMaxLength(1024);
        form->addRow(tr("&Password"), m_password);
        layout->addLayout(form);
        // The buttons were made first, so the focus chain starts at Confirm: typing would go
        // nowhere. The field takes the focus when the prompt opens, and Tab leads to Confirm.
        setTabOrder(m_password, m_confirm);
        setTabOrder(m_confirm, m_cancel);
        m_password->setFocus();
        // Enter in the field reaches Confirm as the dialog's default button.
        connect(m_confirm, &QPushButton::clicked, this, &StepUpPrompt::submitPassword);
    } else {
        connect(m_confirm, &QPushButton::clicked, this, &StepUpPrompt::startBrowser);
    }
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(tr("Waiting"));
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &StepUpPrompt::reject);

    if (m_session) {
        connect(m_session, &SessionManager::stepUpCompleted, this, [this] {
            m_finished = true;
            accept();
        });
        connect(m_session, &SessionManager::stepUpFailed, this, [this](const QString &message) {
            setBusy(false);
            showError(message);
        });
        connect(m_session, &SessionManager::signedOut, this, [this] {
            m_finished = true;
            QDialog::reject();
        });
    }
}

StepUpPrompt::~StepUpPrompt() = default;

void StepUpPrompt::reject()
{
    if (m_browser)
        m_browser->cancel();
    if (!m_finished && m_session)
        m_session->cancelStepUp();
    m_finished = true;
    QDialog::reject();
}

void StepUpPrompt::submitPassword()
{
    if (!m_session || !m_password || m_password->text().isEmpty())
        return;
    QByteArray password = m_password->text().toUtf8();
    m_password->clear();
    setBusy(true);
    m_message->hideMessage();
    m_session->reauthenticate(password); // wipes `password`
}

void StepUpPrompt::startBrowser()
{
    if (!m_session)
        return;
    if (!m_browser) {
        m_browser = new BrowserSignIn(m_session->apiClient(), m_clock, m_opener, this);
        connect(m_browser, &BrowserSignIn::finished, this, [this](SignInResult result) {
            if (m_session)
                m_session->completeStepUp(result); // wipes `result`
            result.wipe();
        });
        connect(m_browser, &BrowserSignIn::failed, this,
                [this](const ApiError &, const QString &message) {
                    setBusy(false);
                    showError(message);
                });
    }
    BrowserSignIn::Options options;
    options.promptLogin = true;
    setBusy(true);
    m_message->hideMessage();
    if (!m_browser->start(options))
        setBusy(false);
}

void StepUpPrompt::setBusy(bool busy)
{
    m_confirm->setEnabled(!busy);
    if (m_password) {
        // Read-only rather than disabled: a disabled field hands the focus on to Cancel, where
        // the next key (Enter, Space) would cancel the step-up that is being answered.
        m_password->setReadOnly(busy);
        if (busy)
            m_password->setFocus();
    }
    m_progress->setVisible(busy);
}

void StepUpPrompt::showError(const QString &message)
{
    m_message->showMessage(message, MessageWidget::Kind::Error);
    if (m_password)
        m_password->setFocus();
}

} // namespace plexe
