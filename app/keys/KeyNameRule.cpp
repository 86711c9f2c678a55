#include "keys/KeyNameRule.h"

#include <QCoreApplication>

namespace plexe {

QString KeyNameRule::normalized(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C).trimmed();
}

int KeyNameRule::length(const QString &name)
{
    return int(normalized(name).toUcs4().size());
}

QString KeyNameRule::problem(const QString &name)
{
    const QString n = normalized(name);
    if (n.isEmpty())
        return QCoreApplication::translate("KeyNameRule", "Enter a name for the key.");
    if (!n.isValidUtf16())
        return QCoreApplication::translate("KeyNameRule", "The name is not valid text.");
    const int length = int(n.toUcs4().size());
    if (length > kMaxLength)
        return QCoreApplication::translate(
                   "KeyNameRule", "The name is %1 characters long; at most %2 are allowed.")
            .arg(length)
            .arg(kMaxLength);
    return QString();
}

} // namespace plexe
