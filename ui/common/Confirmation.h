#pragma once

#include <QString>

#include <functional>

class QMessageBox;
class QObject;
class QWidget;

namespace plexe {

// The one way the console asks before something destructive (revoke, forget a profile, discard
// an unsaved key). It names the account, profile and object, puts the destructive button on the
// right with an explicit verb, makes Cancel the default, and answers asynchronously (no nested
// event loop). Tests answer it by finding the dialog ("confirmationDialog") and clicking
// "confirmButton" or "cancelButton".
class Confirmation
{
public:
    struct Request
    {
        QString title;    // "Revoke API key?"
        QString question; // one sentence of what happens
        QString account;  // the signed-in email
        QString profile;  // the profile's name
        QString object;   // "ci-deploy (plx_sk_9f3a…c21d)"
        QString verb;     // the destructive button: "Revoke key"
    };

    // Opens the window-modal box and returns it; `done(true)` only for the destructive button,
    // never after `context` is destroyed.
    static QMessageBox *ask(QWidget *parent, const Request &request, QObject *context,
                            std::function<void(bool confirmed)> done);
};

} // namespace plexe
