#include "auth/CallbackOutcome.h"

namespace plexe {

QString CallbackOutcome::userMessage() const
{
    switch (kind) {
    case Kind::Code:
        return QStringLiteral("Signed in.");
    case Kind::WrongState:
        return QStringLiteral("This sign-in response does not belong to the current attempt.");
    case Kind::AuthorizationError:
        if (error == QLatin1String("access_denied"))
            return QStringLiteral("Sign-in was cancelled or denied in the browser.");
        return QStringLiteral("The sign-in server refused the request (%1)%2")
            .arg(error, errorDescription.isEmpty() ? QStringLiteral(".")
                                                   : QStringLiteral(": ") + errorDescription);
    case Kind::IssuerMismatch:
        return QStringLiteral("The response came from an unexpected sign-in server.");
    case Kind::MissingCode:
        return QStringLiteral("The sign-in response carried no authorization code.");
    case Kind::Malformed:
        return QStringLiteral("This is not the address of a sign-in response.");
    }
    return QString();
}

} // namespace plexe
