#pragma once

#include <QDialog>

class QListWidget;
class QPushButton;

namespace plexe {

class ProfileStore;

// "Manage profiles": the list of profiles with Add, Edit and Remove (built-in profiles can be
// neither edited nor removed). Removing asks first through the Confirmation wrapper.
class ProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    ProfilesDialog(ProfileStore *store, QWidget *parent = nullptr);

private:
    void reload();
    void updateButtons();
    QString selectedName() const;
    void removeSelected();

    ProfileStore *m_store;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
};

} // namespace plexe
