#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace plexe {

// The strip above the pages: the profile switcher ("Profile"), "Manage…" for the profiles
// dialog, and on the right who is signed in.
class ProfileBar : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileBar(QWidget *parent = nullptr);

    // Lists `names` with `current` selected, without emitting profileChosen().
    void setProfiles(const QStringList &names, const QString &current);
    void setCurrent(const QString &name);
    void setAccount(const QString &text);

signals:
    void profileChosen(const QString &name);
    void manageRequested();

private:
    QComboBox *m_profiles;
    QToolButton *m_manage;
    QLabel *m_account;
};

} // namespace plexe
