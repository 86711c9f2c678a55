#include "auth/CallbackOutcome.h"

namespace plexe {

QString CallbackOutcome::userMessage() const
{
    switch (kind) {
    case Kind::Code:
        return tr("Signed in.");
    case Kind::WrongState:
        return tr("This sign-in response does not belong to the current attempt.");
    case Kind::AuthorizationError:
        if (error == QLatin1String("access_denied"))
            return tr("Sign-in was cancelled or denied in the browser.");
        if (errorDescription.isEmpty())
            return tr("The sign-in server refused the request (%1).").arg(error);
        return tr("The sign-in server refused the request (%1): %2").arg(error, errorDescription);
    case Kind::IssuerMismatch:
        return tr("The response came from an unexpected sign-in server.");
    case Kind::MissingCode:
        return tr("The sign-in response carried no authorization code.");
    case Kind::Malformed:
        return tr("This is not the address of a sign-in response.");
    }
    return QString();
}

} // namespace plexe
