#include "keys/CreateKeyDialog.h"

#include "api/ApiClient.h"
#include "api/ApiError.h"
#include "common/MessageWidget.h"
#include "keys/KeyNameRule.h"
#include "keys/RevealKeyDialog.h"
#include "session/Clock.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"
#include "ui_CreateKeyDialog.h"

#include <QPushButton>

namespace plexe {

namespace {
enum ExpiryChoice { Never, Days30, Days90, Days365, OnDate };
} // namespace

CreateKeyDialog::CreateKeyDialog(SessionManager *session, SecretClipboard *clipboard,
                                 const Clock *clock, const QString &account, const QString &profile,
                                 QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::CreateKeyDialog>()), m_session(session),
      m_clipboard(clipboard), m_clock(clock), m_account(account), m_profile(profile),
      m_message(new MessageWidget(this, clock))
{
    m_ui->setupUi(this);
    // Messages appear inside: the dialog takes the size its rows need instead of squeezing them.
    layout()->setSizeConstraint(QLayout::SetFixedSize);
    setObjectName(QStringLiteral("createKeyDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    m_message->setObjectName(QStringLiteral("createKeyMessage"));
    m_ui->layout->insertWidget(1, m_message);
    if (!account.isEmpty())
        m_ui->intro->setText(tr("The key is created for %1 (profile “%2”). It is shown once, "
                                "right after it is created.")
                                 .arg(account, profile));
    for (QLabel *error : {m_ui->nameError, m_ui->permissionError, m_ui->expiryError}) {
        // Red helps, but the words carry the meaning.
        QPalette palette = error->palette();
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
        error->setPalette(palette);
    }

    const QDate today = m_clock->now().toLocalTime().date();
    m_ui->expiryDate->setMinimumDate(today.addDays(1));
    // No upper bound of our own: the server knows its limit and says so next to the field.
    m_ui->expiryDate->setMaximumDate(today.addYears(100));
    m_ui->expiryDate->setDate(today.addDays(30));

    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &CreateKeyDialog::validate);
    connect(m_ui->expiryCombo, &QComboBox::currentIndexChanged, this,
            &CreateKeyDialog::updateExpiryDate);
    connect(m_ui->expiryDate, &QDateEdit::dateChanged, this, [this] { m_ui->expiryError->hide(); });
    connect(m_ui->readWriteRadio, &QRadioButton::toggled, this,
            [this] { m_ui->permissionError->hide(); });
    connect(m_ui->createButton, &QPushButton::clicked, this, &CreateKeyDialog::submit);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &CreateKeyDialog::reject);
    if (m_session)
        connect(m_session, &SessionManager::signedOut, this, [this] {
            if (m_request)
                m_request->cancel();
            QDialog::done(QDialog::Rejected);
        });
    validate();
}

CreateKeyDialog::~CreateKeyDialog() = default;

std::optional<int> CreateKeyDialog::expirationDays() const
{
    switch (m_ui->expiryCombo->currentIndex()) {
    case Days30:
        return 30;
    case Days90:
        return 90;
    case Days365:
        return 365;
    case OnDate:
        return int(m_clock->now().toLocalTime().date().daysTo(m_ui->expiryDate->date()));
    default:
        return std::nullopt;
    }
}

void CreateKeyDialog::reject()
{
    if (!m_request)
        QDialog::reject();
}

void CreateKeyDialog::validate()
{
    const QString name = m_ui->nameEdit->text();
    const QString problem = KeyNameRule::problem(name);
    m_ui->nameCount->setText(
        tr("%1/%2").arg(KeyNameRule::length(name)).arg(KeyNameRule::kMaxLength));
    // An empty field that was never typed in is not an error yet, just not ready.
    const bool show = !problem.isEmpty() && (!name.isEmpty() || m_nameTouched);
    m_ui->nameError->setText(problem);
    m_ui->nameError->setVisible(show);
    m_ui->createButton->setEnabled(problem.isEmpty() && !m_request && !m_rateLimited);
}

void CreateKeyDialog::updateExpiryDate()
{
    m_ui->expiryError->hide();
    m_ui->expiryDate->setVisible(m_ui->expiryCombo->currentIndex() == OnDate);
}

void CreateKeyDialog::submit()
{
    if (!m_session || m_request || !KeyNameRule::problem(m_ui->nameEdit->text()).isEmpty())
        return;
    clearErrors();
    const QString name = KeyNameRule::normalized(m_ui->nameEdit->text());
    const QString permission = m_ui->readWriteRadio->isChecked() ? QStringLiteral("read_write")
                                                                 : QStringLiteral("read_only");
    const std::optional<int> days = expirationDays();
    SessionRequest *request = m_session->run(
        [name, permission, days](ApiClient &client) {
            return client.createApiKey(name, permission, days);
        },
        /*sensitive=*/true);
    m_request = request;
    setBusy(true);
    connect(request, &SessionRequest::finished, this, [this, request] { onFinished(request); });
}

void CreateKeyDialog::onFinished(SessionRequest *request)
{
    m_request = nullptr;
    setBusy(false);
    if (!request->isOk())
        return showServerError(request->error());
    CreatedApiKey *created = request->result<CreatedApiKey>();
    if (!created) {
        m_message->showMessage(tr("The server's answer could not be read."),
                               MessageWidget::Kind::Error);
        return;
    }
    // Moved, not copied: the request's copy is left empty, the reveal dialog holds the only one.
    CreatedApiKey key = std::move(*created);
    const ApiKey info = key.info;
    auto *reveal = new RevealKeyDialog(key, m_session, m_clipboard, parentWidget());
    reveal->setAccount(m_account);
    emit keyCreated(info);
    accept();
    reveal->open();
}

void CreateKeyDialog::showServerError(const ApiError &error)
{
    if (error.kind() == ApiError::Kind::Cancelled) {
        m_message->showMessage(tr("The key was not created."), MessageWidget::Kind::Information);
        return;
    }
    if (error.httpStatus() == 422) {
        const QString field = error.field();
        QLabel *label = nullptr;
        QWidget *input = nullptr;
        if (field == QLatin1String("name")) {
            label = m_ui->nameError;
            input = m_ui->nameEdit;
        } else if (field == QLatin1String("permission_level")) {
            label = m_ui->permissionError;
            input = m_ui->readOnlyRadio;
        } else if (field == QLatin1String("expiration_days")) {
            label = m_ui->expiryError;
            input = m_ui->expiryCombo->currentIndex() == OnDate
                        ? static_cast<QWidget *>(m_ui->expiryDate)
                        : m_ui->expiryCombo;
        }
        if (label) {
            // The server's sentence (plain text), next to what it is about.
            label->setText(error.message().isEmpty() ? error.userMessage() : error.message());
            label->show();
            input->setFocus();
            return;
        }
    }
    if (error.httpStatus() == 429 && error.retryAfter().isValid()) {
        m_rateLimited = true;
        validate();
        m_message->showCountdown(tr("Too many keys were created recently. You can create "
                                    "another in %1."),
                                 error.retryAfter(), MessageWidget::Kind::Warning,
                                 tr("You can create a key again now."));
        connect(
            m_message, &MessageWidget::countdownFinished, this,
            [this] {
                m_rateLimited = false;
                validate();
            },
            Qt::SingleShotConnection);
        return;
    }
    m_message->showMessage(error.userMessage(), MessageWidget::Kind::Error);
}

void CreateKeyDialog::setBusy(bool busy)
{
    // While the request runs, the form stays as sent and the dialog cannot be left: an answer
    // with a new key must find someone to show it to.
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->nameEdit), static_cast<QWidget *>(m_ui->readOnlyRadio),
          static_cast<QWidget *>(m_ui->readWriteRadio), static_cast<QWidget *>(m_ui->expiryCombo),
          static_cast<QWidget *>(m_ui->expiryDate), static_cast<QWidget *>(m_ui->cancelButton)})
        w->setEnabled(!busy);
    m_ui->createButton->setText(busy ? tr("Creating…") : tr("Create"));
    validate();
}

void CreateKeyDialog::clearErrors()
{
    m_message->hideMessage();
    m_ui->nameError->hide();
    m_ui->permissionError->hide();
    m_ui->expiryError->hide();
}

} // namespace plexe
