#pragma once

#include "api/ApiError.h"
#include "api/ApiKey.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace plexe {

class SessionManager;
class SessionRequest;

// Edit an API key: rename it and change its expiry (never / 30 / 90 / 365 days from now).
// Saving is a sensitive request (B19: the window's step-up prompt may ask first); a 422 is
// shown next to its field and the dialog stays open. Opened with open(), deletes itself.
class EditKeyDialog : public QDialog
{
    Q_OBJECT

public:
    EditKeyDialog(SessionManager *session, const ApiKey &key, QWidget *parent = nullptr);
    ~EditKeyDialog() override;

signals:
    void saved(const plexe::ApiKey &key);
    // The credential may only read (403 insufficient_permissions): the pane says so.
    void permissionDenied(const plexe::ApiError &error);

private:
    void validate();
    void save();
    void onFinished(SessionRequest *request);

    QPointer<SessionManager> m_session;
    ApiKey m_key;
    QLineEdit *m_name;
    QLabel *m_nameError;
    QComboBox *m_expiry;
    QLabel *m_expiryError;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPointer<SessionRequest> m_request;
};

} // namespace plexe
