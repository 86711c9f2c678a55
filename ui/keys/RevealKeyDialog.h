#pragma once

#include "api/ApiKey.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace plexe {

class MessageWidget;
class SecretClipboard;
class SessionManager;
class SessionRequest;

// Shows a new API key the one time it exists (security.md C20, C22): a warning, the key in a
// read-only monospace field, Copy (through the SecretClipboard, C21) with the clipboard's
// countdown and "Clear clipboard now", the key id, and "I have stored it" as the only way out.
// Esc does nothing; the window's close button asks like "I have stored it"; leaving without having
// copied asks first and revokes the discarded key on the server. While it is open the idle
// sign-out waits (SessionPolicy::holdIdleSignOut) and the dialog shows the idle countdown itself;
// a session that ends anyway (absolute lifetime, sign-out) closes it (B17) and revokes the key if
// it was never copied (SessionManager::revokeOnSessionEnd). The key lives only in this dialog's
// buffers and is zeroed when it closes. Used by key creation and by rotation. Open it with
// open(); it deletes itself.
//
// What cannot be wiped, because Qt keeps it where no API reaches: QLineEdit's display copy in
// its QTextLayout (freed, not zeroed, when the text is replaced), glyph caches, and the
// accessibility bridge's copy of the field's value when a screen reader asked for it. The
// field's own text (shared with text()) is zeroed in place.
class RevealKeyDialog : public QDialog
{
    Q_OBJECT

public:
    // Takes the secret out of `key` (which is left wiped). `session` and `clipboard` are not
    // owned.
    RevealKeyDialog(CreatedApiKey &key, SessionManager *session, SecretClipboard *clipboard,
                    QWidget *parent);
    ~RevealKeyDialog() override;

    // The signed-in account, named in the discard confirmation (C23).
    void setAccount(const QString &account) { m_account = account; }
    // Whether discarding the key revokes it (the default). Off for a replacement the console
    // itself may already sign in with (a rotation of its own key): revoking that would end the
    // session with nothing to sign in with.
    void setRevokeOnDiscard(bool revoke) { m_revokeOnDiscard = revoke; }
    const ApiKey &keyInfo() const { return m_key.info; }
    bool wasCopied() const { return m_copied; }
    // The user discarded the key and the server revoked it.
    bool wasRevoked() const { return m_revoked; }

    void reject() override; // Esc: the key stays on screen
    void done(int result) override;

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void copyKey();
    void onCopied();
    void onCleared();
    void confirmStored();
    void revokeDiscarded();
    void showIdleCountdown();
    void showIdleHeld();
    void finish(int result);
    void wipe();

    CreatedApiKey m_key;
    QPointer<SessionManager> m_session;
    SecretClipboard *m_clipboard;
    QString m_account;
    bool m_copied = false;
    bool m_closing = false;
    bool m_revoked = false;
    bool m_revokeOnDiscard = true;
    QPointer<SessionRequest> m_revokeRequest;

    QLineEdit *m_keyEdit;
    QPushButton *m_copyButton;
    QPushButton *m_storedButton;
    MessageWidget *m_clipboardLine;
    MessageWidget *m_idleLine;
    MessageWidget *m_revokeLine;
    QLabel *m_keyId;
};

} // namespace plexe
