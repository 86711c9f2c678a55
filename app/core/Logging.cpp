#include "core/Logging.h"

namespace plexe {
Q_LOGGING_CATEGORY(lcNet, "plexe.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "plexe.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "plexe.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKeychain, "plexe.keychain", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKeys, "plexe.keys", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLogs, "plexe.logs", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModels, "plexe.models", QtWarningMsg)
} // namespace plexe
