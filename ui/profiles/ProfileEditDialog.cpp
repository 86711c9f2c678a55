#include "profiles/ProfileEditDialog.h"

#include "profiles/ProfileStore.h"
#include "ui_ProfileEditDialog.h"

#include <QFileDialog>
#include <QPushButton>

namespace plexe {

ProfileEditDialog::ProfileEditDialog(ProfileStore *store, const QString &existing, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ProfileEditDialog>()), m_store(store),
      m_existing(existing)
{
    m_ui->setupUi(this);
    // Messages appear inside: the dialog takes the size its rows need instead of squeezing them.
    layout()->setSizeConstraint(QLayout::SetFixedSize);
    setObjectName(QStringLiteral("profileEditDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(existing.isEmpty() ? tr("New profile") : tr("Edit profile"));
    QPushButton *save = m_ui->buttons->button(QDialogButtonBox::Save);
    save->setObjectName(QStringLiteral("saveProfileButton"));
    save->setAccessibleName(tr("Save profile"));
    QPushButton *cancel = m_ui->buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelProfileButton"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &ProfileEditDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &ProfileEditDialog::reject);
    connect(m_ui->caBrowseButton, &QPushButton::clicked, this, [this] {
        // Non-blocking: the file dialog answers through a signal.
        auto *dialog = new QFileDialog(this, tr("Choose a CA certificate"), QString(),
                                       tr("PEM certificates (*.pem *.crt);;All files (*)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this,
                [this](const QString &file) { m_ui->caEdit->setText(file); });
        dialog->open();
    });
    // Edit what is stored, not this run's override (a --api-url must never be saved).
    if (const std::optional<Profile> profile = m_store->stored(existing)) {
        m_ui->nameEdit->setText(profile->name);
        m_ui->urlEdit->setText(profile->apiUrl.toString());
        m_ui->issuerEdit->setText(profile->oidcIssuer.toString());
        m_ui->clientEdit->setText(profile->oidcClientId);
        m_ui->caEdit->setText(profile->caFile);
    }
    m_ui->errorLabel->hide();
}

ProfileEditDialog::~ProfileEditDialog() = default;

Profile ProfileEditDialog::profileFromForm() const
{
    Profile profile;
    profile.name = m_ui->nameEdit->text().trimmed();
    profile.apiUrl = QUrl(m_ui->urlEdit->text().trimmed(), QUrl::StrictMode);
    const QString issuer = m_ui->issuerEdit->text().trimmed();
    if (!issuer.isEmpty())
        profile.oidcIssuer = QUrl(issuer, QUrl::StrictMode);
    profile.oidcClientId = m_ui->clientEdit->text().trimmed();
    profile.caFile = m_ui->caEdit->text().trimmed();
    return profile;
}

void ProfileEditDialog::accept()
{
    const Profile profile = profileFromForm();
    QString error;
    const bool saved = m_existing.isEmpty() ? m_store->add(profile, &error)
                                            : m_store->update(m_existing, profile, &error);
    if (!saved) {
        m_ui->errorLabel->setText(error);
        m_ui->errorLabel->show();
        m_ui->errorLabel->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace plexe
