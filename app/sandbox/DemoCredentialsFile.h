#pragma once

#include "sandbox/DemoAccount.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace plexe {

// Reads <data>/demo-credentials, which `plexe-sandbox seed` writes (mode 0600): `name: value`
// lines, `#` comments and blank lines. Strict: a malformed or duplicated line, a file that
// others may read or that another user owns, a link, or a file over 64 KiB is refused with a
// message that never quotes a value (values are secrets).
class DemoCredentialsFile
{
    Q_DECLARE_TR_FUNCTIONS(DemoCredentialsFile)

public:
    static constexpr qint64 kMaxBytes = 64 * 1024;

    // The file's accounts; false with *error when it is refused.
    static bool read(const QString &path, QList<DemoAccount> *accounts, QString *error);
    // The parser alone (no file checks), for tests and fuzzing.
    static bool parse(const QByteArray &text, QList<DemoAccount> *accounts, QString *error);
};

} // namespace plexe
