#pragma once

#include "profiles/Profile.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ProfileEditDialog;
}

namespace plexe {

class ProfileStore;

// Adds a profile, or edits a custom one: name, API URL, optional OIDC issuer and client id,
// optional extra CA file. Validated with the store's (the core's) rules before it is saved;
// the error stays in the dialog next to the form and nothing typed is lost.
class ProfileEditDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing` empty: a new profile.
    ProfileEditDialog(ProfileStore *store, const QString &existing, QWidget *parent = nullptr);
    ~ProfileEditDialog() override;

    void accept() override; // saves, or shows why it cannot

private:
    Profile profileFromForm() const;

    std::unique_ptr<Ui::ProfileEditDialog> m_ui;
    ProfileStore *m_store;
    QString m_existing;
};

} // namespace plexe
