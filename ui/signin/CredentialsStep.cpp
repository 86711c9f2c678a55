#include "signin/CredentialsStep.h"

#include "ui_CredentialsStep.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace plexe {

CredentialsStep::CredentialsStep(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::CredentialsStep>())
{
    m_ui->setupUi(this);
    QFont heading = m_ui->signInHeading->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.6);
    heading.setBold(true);
    m_ui->signInHeading->setFont(heading);
    m_ui->demoBox->hide();

    connect(m_ui->showPasswordButton, &QToolButton::toggled, this, [this](bool shown) {
        m_ui->passwordEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_ui->showPasswordButton->setText(shown ? tr("Hide") : tr("Show"));
        m_ui->showPasswordButton->setAccessibleName(shown ? tr("Hide password")
                                                          : tr("Show password"));
    });
    connect(m_ui->emailEdit, &QLineEdit::textChanged, this, &CredentialsStep::updateSignInEnabled);
    connect(m_ui->passwordEdit, &QLineEdit::textChanged, this,
            &CredentialsStep::updateSignInEnabled);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &CredentialsStep::signInRequested);
    // Enter in either field submits, as in every sign-in form.
    const auto submitIfReady = [this] {
        if (m_ui->signInButton->isEnabled())
            emit signInRequested();
        else if (m_ui->emailEdit->text().trimmed().isEmpty())
            m_ui->emailEdit->setFocus();
        else
            m_ui->passwordEdit->setFocus();
    };
    connect(m_ui->emailEdit, &QLineEdit::returnPressed, this, submitIfReady);
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, submitIfReady);
    connect(m_ui->googleButton, &QPushButton::clicked, this,
            [this] { emit browserRequested(QStringLiteral("google")); });
    connect(m_ui->githubButton, &QPushButton::clicked, this,
            [this] { emit browserRequested(QStringLiteral("github")); });
    connect(m_ui->browserButton, &QPushButton::clicked, this,
            [this] { emit browserRequested(QString()); });
    connect(m_ui->apiKeyButton, &QPushButton::clicked, this,
            [this] { emit apiKeyRequested(QString()); });
    updateSignInEnabled();
}

CredentialsStep::~CredentialsStep() = default;

QString CredentialsStep::email() const
{
    return m_ui->emailEdit->text().trimmed();
}

QByteArray CredentialsStep::takePassword()
{
    QByteArray password = m_ui->passwordEdit->text().toUtf8();
    // QLineEdit keeps no undo history for password fields, so clear() drops the text.
    m_ui->passwordEdit->clear();
    return password;
}

void CredentialsStep::setDemoAccounts(const QList<DemoAccount> &accounts)
{
    for (QWidget *row : std::as_const(m_demoRows))
        row->deleteLater();
    m_demoRows.clear();
    for (const DemoAccount &account : accounts) {
        auto *row = new QWidget(m_ui->demoBox);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(row);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QString text = account.oauthOnly
                           ? tr("%1 · signs in with Google or GitHub").arg(account.email)
                           : tr("%1\npassword %2").arg(account.email, account.password);
        if (!account.totpSecret.isEmpty())
            text += QLatin1Char('\n') + tr("Authenticator secret: %1").arg(account.totpSecret);
        label->setText(text);
        label->setWordWrap(true); // a long password wraps instead of being cut off
        layout->addWidget(label, 1);
        if (!account.oauthOnly && !account.password.isEmpty()) {
            auto *fill = new QPushButton(tr("Fill in"), row);
            fill->setObjectName(QStringLiteral("demoFillButton"));
            fill->setAccessibleName(tr("Fill in %1").arg(account.email));
            const QString email = account.email;
            const QString password = account.password;
            connect(fill, &QPushButton::clicked, this, [this, email, password] {
                m_ui->emailEdit->setText(email);
                m_ui->passwordEdit->setText(password);
                m_ui->signInButton->setFocus();
            });
            layout->addWidget(fill);
        }
        if (!account.apiKey.isEmpty()) {
            auto *useKey = new QPushButton(tr("Use its API key"), row);
            useKey->setObjectName(QStringLiteral("demoApiKeyButton"));
            useKey->setAccessibleName(tr("Use the API key of %1").arg(account.email));
            const QString key = account.apiKey;
            connect(useKey, &QPushButton::clicked, this,
                    [this, key] { emit apiKeyRequested(key); });
            layout->addWidget(useKey);
        }
        m_ui->demoBox->layout()->addWidget(row);
        m_demoRows.append(row);
    }
    m_ui->demoBox->setVisible(!accounts.isEmpty());
}

void CredentialsStep::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->emailEdit), static_cast<QWidget *>(m_ui->passwordEdit),
          static_cast<QWidget *>(m_ui->googleButton), static_cast<QWidget *>(m_ui->githubButton),
          static_cast<QWidget *>(m_ui->browserButton), static_cast<QWidget *>(m_ui->apiKeyButton),
          static_cast<QWidget *>(m_ui->demoBox)})
        w->setEnabled(!busy);
    updateSignInEnabled();
}

void CredentialsStep::setSignInBlocked(bool blocked)
{
    m_blocked = blocked;
    updateSignInEnabled();
}

void CredentialsStep::focusInput()
{
    if (m_ui->emailEdit->text().trimmed().isEmpty())
        m_ui->emailEdit->setFocus();
    else
        m_ui->passwordEdit->setFocus();
}

void CredentialsStep::updateSignInEnabled()
{
    m_ui->signInButton->setEnabled(!m_busy && !m_blocked &&
                                   !m_ui->emailEdit->text().trimmed().isEmpty() &&
                                   !m_ui->passwordEdit->text().isEmpty());
}

} // namespace plexe
