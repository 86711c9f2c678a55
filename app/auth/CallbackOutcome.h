#pragma once

#include <QCoreApplication>
#include <QString>

namespace plexe {

// The verdict on one authorization response (RFC 6749 §4.1.2, RFC 9207 `iss`).
struct CallbackOutcome
{
    enum class Kind {
        Code,               // success: `code` is set
        WrongState,         // missing or wrong `state`: ignore it and keep waiting (A4)
        AuthorizationError, // the server said no (`error`, A8): the attempt ends
        IssuerMismatch,     // `iss` present but not the configured issuer (A10): the attempt ends
        MissingCode,        // right state but no code and no error: the attempt ends
        Malformed,          // not a callback address at all (pasted-address check only)
    };
    Kind kind = Kind::Malformed;
    QString code;             // only for Kind::Code; a secret, never log it
    QString error;            // `error` from the server, e.g. access_denied
    QString errorDescription; // `error_description` from the server (untrusted text)

    bool isFinal() const { return kind != Kind::WrongState && kind != Kind::Malformed; }
    // A short English message for the user; server text is included but must be shown as plain
    // text.
    QString userMessage() const;

    // Last: the macro leaves the members after it private.
    Q_DECLARE_TR_FUNCTIONS(CallbackOutcome)
};

} // namespace plexe
