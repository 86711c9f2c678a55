#pragma once

#include <QLoggingCategory>

// One logging category per area, Warning by default. Enable with e.g.
// QT_LOGGING_RULES="plexe.*=true". Never log a secret: pass requests, URLs and headers through
// the redaction helpers first (security.md E31).
namespace plexe {
Q_DECLARE_LOGGING_CATEGORY(lcNet)      // plexe.net: requests, replies, TLS
Q_DECLARE_LOGGING_CATEGORY(lcAuth)     // plexe.auth: sign-in flows, loopback receiver
Q_DECLARE_LOGGING_CATEGORY(lcSession)  // plexe.session: session policy, refresh
Q_DECLARE_LOGGING_CATEGORY(lcKeychain) // plexe.keychain: QtKeychain jobs
Q_DECLARE_LOGGING_CATEGORY(lcKeys)     // plexe.keys: API keys pane logic
Q_DECLARE_LOGGING_CATEGORY(lcLogs)     // plexe.logs: access-log engine
Q_DECLARE_LOGGING_CATEGORY(lcModels)   // plexe.models
} // namespace plexe
