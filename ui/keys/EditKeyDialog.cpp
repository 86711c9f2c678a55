#include "keys/EditKeyDialog.h"

#include "api/ApiClient.h"
#include "core/RelativeTime.h"
#include "keys/ApiKeyEdit.h"
#include "session/SessionManager.h"
#include "session/SessionRequest.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace plexe {

namespace {

constexpr int kMaxNameLength = 100; // characters, as the server counts them (code points)

// The expiry choices: -1 keeps the current one, 0 is never, else days from now.
constexpr int kKeep = -1;

QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText); // server messages
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    label->setPalette(palette);
    label->hide();
    return label;
}

} // namespace

EditKeyDialog::EditKeyDialog(SessionManager *session, const ApiKey &key, QWidget *parent)
    : QDialog(parent), m_session(session), m_key(key), m_name(new QLineEdit(key.name, this)),
      m_nameError(errorLabel(QStringLiteral("editNameError"), this)), m_expiry(new QComboBox(this)),
      m_expiryError(errorLabel(QStringLiteral("editExpiryError"), this)),
      m_error(errorLabel(QStringLiteral("editError"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("editKeyDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Edit API key"));

    m_name->setObjectName(QStringLiteral("editNameEdit"));
    m_name->setAccessibleName(tr("Key name"));
    m_expiry->setObjectName(QStringLiteral("editExpiryCombo"));
    m_expiry->setAccessibleName(tr("Expires"));
    const QString current = key.expiresAt.isValid()
                                ? tr("Keep: %1").arg(RelativeTime::absolute(key.expiresAt))
                                : tr("Keep: never");
    m_expiry->addItem(current, kKeep);
    m_expiry->addItem(tr("Never"), 0);
    m_expiry->addItem(tr("In 30 days"), 30);
    m_expiry->addItem(tr("In 90 days"), 90);
    m_expiry->addItem(tr("In 365 days"), 365);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Expires"), m_expiry);
    form->addRow(QString(), m_expiryError);
    QPushButton *saveButton = m_buttons->button(QDialogButtonBox::Save);
    saveButton->setObjectName(QStringLiteral("editSaveButton"));
    saveButton->setAccessibleName(tr("Save"));
    saveButton->setDefault(true);
    QPushButton *cancelButton = m_buttons->button(QDialogButtonBox::Cancel);
    cancelButton->setObjectName(QStringLiteral("editCancelButton"));
    cancelButton->setAccessibleName(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    // Banners appear inside: the dialog takes the size its rows need instead of squeezing them.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &EditKeyDialog::validate);
    connect(m_expiry, &QComboBox::currentIndexChanged, this, &EditKeyDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EditKeyDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

EditKeyDialog::~EditKeyDialog()
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->cancel();
    }
}

void EditKeyDialog::validate()
{
    const QString name = m_name->text().trimmed();
    QString why;
    if (name.isEmpty())
        why = tr("A name is required.");
    else if (name.toUcs4().size() > kMaxNameLength)
        why = tr("At most %1 characters.").arg(kMaxNameLength);
    m_nameError->setText(why);
    m_nameError->setVisible(!why.isEmpty());
    const bool changed = name != m_key.name || m_expiry->currentData().toInt() != kKeep;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(why.isEmpty() && changed && !m_request);
}

void EditKeyDialog::save()
{
    if (!m_session || !m_session->isSignedIn())
        return reject();
    ApiKeyEdit edit;
    edit.keyId = m_key.keyId;
    const QString name = m_name->text().trimmed();
    if (name != m_key.name)
        edit.name = name;
    const int days = m_expiry->currentData().toInt();
    edit.expiry = days == kKeep
                      ? ApiKeyEdit::Expiry::Keep
                      : (days == 0 ? ApiKeyEdit::Expiry::Never : ApiKeyEdit::Expiry::Days);
    edit.days = days;
    if (edit.isEmpty())
        return reject();
    m_error->hide();
    m_expiryError->hide();
    // Sensitive (B19): changing a key's expiry or name needs a recent sign-in.
    m_request = m_session->run([edit](ApiClient &c) { return edit.send(c); }, true);
    SessionRequest *request = m_request;
    connect(request, &SessionRequest::finished, this, [this, request] { onFinished(request); });
    validate();
}

void EditKeyDialog::onFinished(SessionRequest *request)
{
    m_request = nullptr;
    validate();
    if (request->isOk()) {
        if (const ApiKey *key = request->result<ApiKey>())
            emit saved(*key);
        accept();
        return;
    }
    const ApiError &error = request->error();
    if (error.kind() == ApiError::Kind::Cancelled)
        return; // e.g. the step-up prompt was cancelled: nothing was sent, the form stays
    if (error.isPermissionDenied() && error.code() == QLatin1String("insufficient_permissions")) {
        emit permissionDenied(error);
        reject();
        return;
    }
    QLabel *where = m_error;
    if (error.httpStatus() == 422 && error.field() == QLatin1String("name"))
        where = m_nameError;
    else if (error.httpStatus() == 422 && error.field() == QLatin1String("expiration_days"))
        where = m_expiryError;
    where->setText(error.userMessage());
    where->show();
    if (where == m_nameError)
        m_name->setFocus();
}

} // namespace plexe
