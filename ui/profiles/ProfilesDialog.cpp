#include "profiles/ProfilesDialog.h"

#include "common/Confirmation.h"
#include "core/DisplayText.h"
#include "profiles/ProfileEditDialog.h"
#include "profiles/ProfileStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace plexe {

ProfilesDialog::ProfilesDialog(ProfileStore *store, QWidget *parent)
    : QDialog(parent), m_store(store), m_list(new QListWidget(this)),
      m_add(new QPushButton(tr("&Add…"), this)), m_edit(new QPushButton(tr("&Edit…"), this)),
      m_remove(new QPushButton(tr("&Remove…"), this))
{
    setObjectName(QStringLiteral("profilesDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Profiles"));
    auto *layout = new QHBoxLayout(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    layout->addWidget(m_list, 1);
    auto *buttons = new QVBoxLayout;
    for (auto [button, name, accessible] :
         {std::tuple{m_add, "addProfileButton", tr("Add profile")},
          std::tuple{m_edit, "editProfileButton", tr("Edit profile")},
          std::tuple{m_remove, "removeProfileButton", tr("Remove profile")}}) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(accessible);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeProfilesButton"));
    close->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    buttons->addWidget(close);
    layout->addLayout(buttons);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesDialog::updateButtons);
    connect(m_store, &ProfileStore::changed, this, &ProfilesDialog::reload);
    connect(m_add, &QPushButton::clicked, this,
            [this] { (new ProfileEditDialog(m_store, QString(), this))->open(); });
    connect(m_edit, &QPushButton::clicked, this,
            [this] { (new ProfileEditDialog(m_store, selectedName(), this))->open(); });
    connect(m_list, &QListWidget::itemActivated, this, [this] {
        if (m_edit->isEnabled())
            m_edit->click();
    });
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeSelected);
    reload();
    resize(520, 320);
}

void ProfilesDialog::reload()
{
    const QString selected = selectedName();
    m_list->clear();
    for (const Profile &profile : m_store->profiles()) {
        auto *item = new QListWidgetItem(profile.name, m_list);
        item->setData(Qt::UserRole, profile.builtIn);
        const QString where = profile.apiUrl.isEmpty() ? tr("started with --sandbox")
                                                       : profile.apiUrl.toDisplayString();
        // The address is the user's text, and a tooltip is Qt::AutoText.
        item->setToolTip(
            DisplayText::forAutoText(profile.builtIn ? tr("%1 · built in").arg(where) : where));
        if (profile.name == selected)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem())
        m_list->setCurrentRow(0);
    updateButtons();
}

void ProfilesDialog::updateButtons()
{
    const QListWidgetItem *item = m_list->currentItem();
    const bool custom = item && !item->data(Qt::UserRole).toBool();
    m_edit->setEnabled(custom);
    m_remove->setEnabled(custom);
}

QString ProfilesDialog::selectedName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->text() : QString();
}

void ProfilesDialog::removeSelected()
{
    const QString name = selectedName();
    Confirmation::Request request;
    request.title = tr("Remove this profile?");
    request.question = tr("The profile is removed, and its session is signed out and deleted "
                          "from the keychain.");
    request.profile = name;
    request.verb = tr("Remove profile");
    Confirmation::ask(this, request, this, [this, name](bool confirmed) {
        if (!confirmed)
            return;
        QString error; // the window forgets what was kept for it (ProfileStore::removed)
        m_store->remove(name, &error);
    });
}

} // namespace plexe
