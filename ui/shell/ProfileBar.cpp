#include "shell/ProfileBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace plexe {

ProfileBar::ProfileBar(QWidget *parent)
    : QWidget(parent), m_profiles(new QComboBox(this)), m_manage(new QToolButton(this)),
      m_account(new QLabel(this))
{
    setObjectName(QStringLiteral("profileBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("P&rofile:"), this);
    label->setBuddy(m_profiles);
    m_profiles->setObjectName(QStringLiteral("profileSwitcher"));
    m_profiles->setAccessibleName(tr("Profile"));
    m_profiles->setMinimumContentsLength(16);
    m_manage->setObjectName(QStringLiteral("manageProfilesButton"));
    m_manage->setText(tr("Manage…"));
    m_manage->setAccessibleName(tr("Manage profiles"));
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    layout->addWidget(m_profiles);
    layout->addWidget(m_manage);
    layout->addStretch();
    layout->addWidget(m_account);
    connect(m_profiles, &QComboBox::activated, this,
            [this](int index) { emit profileChosen(m_profiles->itemText(index)); });
    connect(m_manage, &QToolButton::clicked, this, &ProfileBar::manageRequested);
}

void ProfileBar::setProfiles(const QStringList &names, const QString &current)
{
    const QSignalBlocker blocker(m_profiles);
    m_profiles->clear();
    m_profiles->addItems(names);
    m_profiles->setCurrentText(current);
}

void ProfileBar::setCurrent(const QString &name)
{
    const QSignalBlocker blocker(m_profiles);
    m_profiles->setCurrentText(name);
}

void ProfileBar::setAccount(const QString &text)
{
    m_account->setText(text);
}

} // namespace plexe
