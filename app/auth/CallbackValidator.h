#pragma once

#include "auth/CallbackOutcome.h"
#include "auth/LoopbackRequestParser.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace plexe {

// Checks callback parameters against one attempt's `state` and the configured issuer. Pure, so
// that the loopback receiver and the "paste the address" fallback apply the very same rules.
class CallbackValidator
{
public:
    CallbackValidator(QByteArray expectedState, QString expectedIssuer);

    CallbackOutcome validate(const QueryItems &query) const;

    // The A9 fallback: `address` is what the user copied from the browser's address bar after the
    // redirect; it must be exactly `redirectUri` (scheme, IP literal host, port, path) plus query.
    CallbackOutcome validateAddress(const QString &address, const QUrl &redirectUri) const;

private:
    QByteArray m_expectedState;
    QString m_expectedIssuer;
};

} // namespace plexe
