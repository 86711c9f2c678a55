#include "keys/RevealKeyDialog.h"

#include "api/ApiClient.h"
#include "common/Confirmation.h"
#include "common/MessageWidget.h"
#include "common/SecretClipboard.h"
#include "core/SecretBytes.h"
#include "session/SessionManager.h"
#include "session/SessionPolicy.h"
#include "session/SessionRequest.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace plexe {

namespace {
// Zeroes the characters of `text` in every holder of its buffer (no detach), like wipeInPlace.
void wipeStringInPlace(QString &text)
{
    if (!text.isEmpty() && text.data_ptr()->isMutable())
        OPENSSL_cleanse(const_cast<QChar *>(text.constData()), size_t(text.size()) * sizeof(QChar));
    text.clear();
}
} // namespace

RevealKeyDialog::RevealKeyDialog(CreatedApiKey &key, SessionManager *session,
                                 SecretClipboard *clipboard, QWidget *parent)
    : QDialog(parent), m_key(std::move(key)), m_session(session), m_clipboard(clipboard),
      m_keyEdit(new QLineEdit(this)), m_copyButton(new QPushButton(tr("&Copy"), this)),
      m_storedButton(new QPushButton(tr("I have &stored it"), this)),
      m_clipboardLine(new MessageWidget(this, clipboard->clock())),
      m_idleLine(new MessageWidget(this, clipboard->clock())),
      m_revokeLine(new MessageWidget(this, clipboard->clock())), m_keyId(new QLabel(this))
{
    key.wipe(); // moved from: empty already, but the contract is "left wiped"
    setObjectName(QStringLiteral("revealKeyDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Your new API key"));
    // The close button stays: a user who looks for it is asked what "I have stored it" asks.
    setWindowFlag(Qt::WindowContextHelpButtonHint, false);

    auto *layout = new QVBoxLayout(this);
    // Banners appear inside: the dialog takes the size its rows need instead of squeezing them.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    auto *warning = new QLabel(tr("This is the only time the key is shown. Copy it now and store "
                                  "it somewhere safe, such as a password manager."),
                               this);
    warning->setObjectName(QStringLiteral("revealWarning"));
    warning->setTextFormat(Qt::PlainText);
    warning->setWordWrap(true);
    QFont bold = warning->font();
    bold.setBold(true);
    warning->setFont(bold);
    layout->addWidget(warning);

    auto *form = new QFormLayout;
    auto *name = new QLabel(m_key.info.name, this);
    name->setObjectName(QStringLiteral("revealKeyName"));
    name->setTextFormat(Qt::PlainText); // server text (D30)
    form->addRow(tr("Name:"), name);

    m_keyEdit->setObjectName(QStringLiteral("revealKeyEdit"));
    m_keyEdit->setAccessibleName(tr("API key"));
    m_keyEdit->setReadOnly(true); // read-only: no undo history is kept of it
    m_keyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Its own Copy and Cut would put the key on the clipboard without the secret hints and
    // without the clear; the menu and the shortcuts go through copyKey() instead.
    m_keyEdit->setContextMenuPolicy(Qt::NoContextMenu);
    m_keyEdit->setDragEnabled(false);
    m_keyEdit->installEventFilter(this);
    {
        QString shown = QString::fromLatin1(m_key.key); // the field shares this buffer
        m_keyEdit->setText(shown);
        m_keyEdit->setMinimumWidth(m_keyEdit->fontMetrics().horizontalAdvance(shown) + 24);
    }
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyEdit, 1);
    m_copyButton->setObjectName(QStringLiteral("copyKeyButton"));
    m_copyButton->setAccessibleName(tr("Copy"));
    keyRow->addWidget(m_copyButton);
    auto *keyCaption = new QLabel(tr("&Key:"), this);
    keyCaption->setBuddy(m_keyEdit);
    form->addRow(keyCaption, keyRow);

    m_keyId->setObjectName(QStringLiteral("revealKeyId"));
    m_keyId->setTextFormat(Qt::PlainText);
    m_keyId->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_keyId->setAccessibleName(tr("Key ID"));
    m_keyId->setText(m_key.info.keyId);
    form->addRow(tr("Key ID:"), m_keyId);
    layout->addLayout(form);

    m_clipboardLine->setObjectName(QStringLiteral("clipboardMessage"));
    layout->addWidget(m_clipboardLine);
    // The window's idle banner is behind this modal dialog: the countdown is shown here.
    m_idleLine->setObjectName(QStringLiteral("revealIdleMessage"));
    layout->addWidget(m_idleLine);
    m_revokeLine->setObjectName(QStringLiteral("revealRevokeMessage"));
    layout->addWidget(m_revokeLine);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_storedButton->setObjectName(QStringLiteral("storedButton"));
    m_storedButton->setAccessibleName(tr("I have stored it"));
    buttons->addWidget(m_storedButton);
    layout->addLayout(buttons);
    // Enter copies; leaving takes a deliberate choice of "I have stored it".
    m_copyButton->setDefault(true);
    m_storedButton->setAutoDefault(false);

    connect(m_copyButton, &QPushButton::clicked, this, &RevealKeyDialog::copyKey);
    connect(m_storedButton, &QPushButton::clicked, this, &RevealKeyDialog::confirmStored);
    connect(m_clipboard, &SecretClipboard::copied, this, &RevealKeyDialog::onCopied);
    connect(m_clipboard, &SecretClipboard::cleared, this, &RevealKeyDialog::onCleared);
    // X11's primary selection: selecting the key would offer it to any middle-click paste,
    // without the secret hint and never cleared. Release any selection the console takes
    // while this dialog is open (it is modal: the key field is the only source).
    QClipboard *system = m_clipboard->systemClipboard();
    if (system->supportsSelection()) {
        connect(system, &QClipboard::selectionChanged, this, [system] {
            if (system->ownsSelection())
                system->clear(QClipboard::Selection);
        });
    }
    if (m_session) {
        connect(m_session, &SessionManager::closeSecretDialogs, this,
                [this] { finish(QDialog::Rejected); });
        // Walking away must not cost the key: the idle sign-out waits for this dialog (C20).
        SessionPolicy *policy = m_session->policy();
        policy->holdIdleSignOut(this);
        connect(policy, &SessionPolicy::idleWarning, this, &RevealKeyDialog::showIdleCountdown);
        connect(policy, &SessionPolicy::idleSignOutHeld, this, &RevealKeyDialog::showIdleHeld);
        connect(policy, &SessionPolicy::idleWarningCleared, m_idleLine,
                &MessageWidget::hideMessage);
        // If the session ends anyway before the key was copied, it is revoked rather than left
        // active with nobody holding it.
        m_session->revokeOnSessionEnd(m_key.info, this);
    }
}

RevealKeyDialog::~RevealKeyDialog()
{
    wipe();
}

void RevealKeyDialog::copyKey()
{
    if (m_key.key.isEmpty())
        return;
    m_clipboard->copy(m_key.key);
    m_copied = true;
    if (m_session)
        m_session->keepOnSessionEnd(this);
}

void RevealKeyDialog::onCopied()
{
    const QString format = tr("The key is on the clipboard; it will be cleared in %1.");
    m_clipboardLine->showCountdown(
        format, m_clipboard->clearDeadline(), MessageWidget::Kind::Information, QString(),
        {{tr("Clear clipboard now"), QStringLiteral("clearClipboardButton"), [this] {
              m_clipboard->clearNow();
          }}});
}

void RevealKeyDialog::onCleared()
{
    if (!m_copied)
        return;
    m_clipboardLine->showMessage(tr("The key is no longer on the clipboard."),
                                 MessageWidget::Kind::Positive);
}

void RevealKeyDialog::confirmStored()
{
    if (m_copied)
        return finish(QDialog::Accepted);
    if (m_revokeRequest)
        return;
    Confirmation::Request request;
    request.account = m_account;
    request.profile = m_session ? m_session->profileName() : QString();
    request.object = tr("%1 (%2)").arg(m_key.info.name, m_key.info.maskedKey());
    if (!m_revokeOnDiscard) {
        request.title = tr("Close without copying the key?");
        request.question = tr("You have not copied the key. It cannot be shown again: without "
                              "it, you would have to create another key.");
        request.verb = tr("Discard key");
        Confirmation::ask(this, request, this, [this](bool confirmed) {
            if (confirmed)
                finish(QDialog::Accepted);
        });
        return;
    }
    request.title = tr("Discard the key without copying it?");
    request.question = tr("You have not copied the key. It cannot be shown again, so discarding "
                          "it also revokes it on the server: nothing can use it afterwards.");
    request.verb = tr("Discard and revoke key");
    Confirmation::ask(this, request, this, [this](bool confirmed) {
        if (confirmed)
            revokeDiscarded();
    });
}

void RevealKeyDialog::revokeDiscarded()
{
    if (!m_session || !m_session->isSignedIn()) {
        m_revokeLine->showMessage(tr("The key was not revoked: you are signed out."),
                                  MessageWidget::Kind::Error);
        return;
    }
    // The key stays on screen until the server has revoked it: if that fails, it can still be
    // copied instead of being lost while active.
    const QString keyId = m_key.info.keyId;
    m_storedButton->setEnabled(false);
    m_revokeLine->showMessage(tr("Revoking the key…"), MessageWidget::Kind::Information);
    SessionRequest *request = m_session->run(
        [keyId](ApiClient &client) { return client.revokeApiKey(keyId); }, /*sensitive=*/true);
    m_revokeRequest = request;
    connect(request, &SessionRequest::finished, this, [this, request] {
        m_revokeRequest = nullptr;
        m_storedButton->setEnabled(true);
        // 404: already gone from the server, which is what discarding wants.
        if (request->isOk() || request->httpStatus() == 404) {
            m_revoked = true;
            return finish(QDialog::Accepted);
        }
        m_revokeLine->showMessage(tr("The key was not revoked: %1 It still works; copy it, or "
                                     "try again.")
                                      .arg(request->error().userMessage()),
                                  MessageWidget::Kind::Error);
    });
}

void RevealKeyDialog::showIdleCountdown()
{
    if (!m_session)
        return;
    m_idleLine->showCountdown(tr("You will be signed out in %1 because of inactivity, but not "
                                 "while this key is shown: the sign-out waits until you close "
                                 "this window."),
                              m_session->policy()->idleDeadline(), MessageWidget::Kind::Warning,
                              tr("Signing out for inactivity waits until you close this "
                                 "window."));
}

void RevealKeyDialog::showIdleHeld()
{
    m_idleLine->showMessage(tr("Signing out for inactivity waits until you close this window."),
                            MessageWidget::Kind::Warning);
}

void RevealKeyDialog::finish(int result)
{
    if (m_revokeRequest)
        m_revokeRequest->cancel();
    if (m_session) {
        // A session that is ending (Rejected, from closeSecretDialogs) has taken the key over
        // for revocation already; otherwise the user copied, stored or revoked it.
        if (result == QDialog::Accepted)
            m_session->keepOnSessionEnd(this);
        m_session->policy()->releaseIdleSignOut(this);
    }
    wipe();
    m_closing = true;
    QDialog::done(result);
}

void RevealKeyDialog::reject()
{
    // Esc: nothing. The dialog leaves only through finish().
}

void RevealKeyDialog::done(int result)
{
    if (m_closing)
        QDialog::done(result);
    // Anything else (QDialog's own paths) is refused like Esc.
}

void RevealKeyDialog::closeEvent(QCloseEvent *event)
{
    if (m_closing)
        return QDialog::closeEvent(event);
    // The window's close button, Alt+F4: the same question as "I have stored it".
    event->ignore();
    confirmStored();
}

bool RevealKeyDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_keyEdit) {
        if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut)) {
                if (event->type() == QEvent::KeyPress)
                    copyKey();
                event->accept();
                return event->type() == QEvent::KeyPress;
            }
        } else if (event->type() == QEvent::FocusIn) {
            // After the mouse press that gave the focus has placed the cursor.
            QTimer::singleShot(0, m_keyEdit, &QLineEdit::selectAll);
        }
    }
    return QDialog::eventFilter(watched, event);
}

void RevealKeyDialog::wipe()
{
    // The field's text shares its buffer with text(): zero it in place, then let the field drop
    // it (setText clears the field's history as well).
    QString shown = m_keyEdit->text();
    wipeStringInPlace(shown);
    m_keyEdit->setText(QString());
    wipeInPlace(m_key.key); // in place: every holder of the buffer sees zeros (C22)
}

} // namespace plexe
