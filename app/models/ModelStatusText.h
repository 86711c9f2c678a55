#pragma once

#include "api/Model.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace plexe {

// What the console shows for a model's status and deployment (contract §3): both status
// vocabularies, in any case, map to Ready / Building / Failed / Draft; anything else is shown as
// it came (neutralised), an empty status as "—". A Building or Draft model has not settled.
class ModelStatusText
{
    Q_DECLARE_TR_FUNCTIONS(ModelStatusText)

public:
    static ModelState state(const QString &raw) { return modelStateFrom(raw); }
    static QString text(const QString &raw);
    // "Building · 45 %" while the progress is known.
    static QString withProgress(const QString &raw, std::optional<double> percent);
    // A settled model's status no longer changes on its own: no polling for it.
    static bool isSettled(ModelState state) { return state != ModelState::Building; }
    // "deployed" -> "Deployed", "not_deployed" -> "Not deployed", null -> "—".
    static QString deployment(const QString &raw);
    // build_progress as a percentage. The API does not say whether it sends 0..1 or 0..100:
    // a value above 1, or a whole number, is a percentage; a fraction up to 1 is a ratio.
    static std::optional<double> percent(std::optional<double> buildProgress);
};

} // namespace plexe
