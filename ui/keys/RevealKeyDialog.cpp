#include "keys/RevealKeyDialog.h"

#include "common/Confirmation.h"
#include "common/MessageWidget.h"
#include "common/SecretClipboard.h"
#include "core/SecretBytes.h"
#include "session/SessionManager.h"

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
      m_clipboardLine(new MessageWidget(this, clipboard->clock())), m_keyId(new QLabel(this))
{
    key.wipe(); // moved from: empty already, but the contract is "left wiped"
    setObjectName(QStringLiteral("revealKeyDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Your new API key"));
    // No close button where the window manager honours it; closeEvent() refuses it elsewhere.
    setWindowFlag(Qt::WindowCloseButtonHint, false);
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
    if (m_session)
        connect(m_session, &SessionManager::closeSecretDialogs, this,
                [this] { finish(QDialog::Rejected); });
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
    Confirmation::Request request;
    request.title = tr("Close without copying the key?");
    request.question = tr("You have not copied the key. It cannot be shown again: without it, "
                          "you would have to create another key.");
    request.account = m_account;
    request.profile = m_session ? m_session->profileName() : QString();
    request.object = tr("%1 (%2)").arg(m_key.info.name, m_key.info.maskedKey());
    request.verb = tr("Discard key");
    Confirmation::ask(this, request, this, [this](bool confirmed) {
        if (confirmed)
            finish(QDialog::Accepted);
    });
}

void RevealKeyDialog::finish(int result)
{
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
    event->ignore(); // the window's close button, Alt+F4
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
