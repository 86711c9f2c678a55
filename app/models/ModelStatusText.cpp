#include "models/ModelStatusText.h"

#include "core/DisplayText.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace plexe {

QString ModelStatusText::text(const QString &raw)
{
    switch (state(raw)) {
    case ModelState::Ready:
        return tr("Ready");
    case ModelState::Building:
        return tr("Building");
    case ModelState::Failed:
        return tr("Failed");
    case ModelState::Draft:
        return tr("Draft");
    case ModelState::Unknown:
        return QStringLiteral("\u2014");
    case ModelState::Other:
        break;
    }
    return DisplayText::neutralise(raw.trimmed());
}

QString ModelStatusText::withProgress(const QString &raw, std::optional<double> percent)
{
    if (state(raw) != ModelState::Building || !percent)
        return text(raw);
    return tr("%1 · %2 %").arg(text(raw), QLocale().toString(std::floor(*percent), 'f', 0));
}

QString ModelStatusText::deployment(const QString &raw)
{
    const QString s = raw.trimmed().toLower();
    if (s.isEmpty())
        return QStringLiteral("\u2014");
    if (s == QLatin1String("deployed"))
        return tr("Deployed");
    if (s == QLatin1String("not_deployed") || s == QLatin1String("undeployed"))
        return tr("Not deployed");
    if (s == QLatin1String("deploying"))
        return tr("Deploying");
    if (s == QLatin1String("failed") || s == QLatin1String("error"))
        return tr("Failed");
    return DisplayText::neutralise(raw.trimmed());
}

std::optional<double> ModelStatusText::percent(std::optional<double> buildProgress)
{
    if (!buildProgress || !std::isfinite(*buildProgress))
        return std::nullopt;
    double p = *buildProgress;
    if (p <= 1.0 && p != std::floor(p))
        p *= 100.0;
    return std::clamp(p, 0.0, 100.0);
}

} // namespace plexe
