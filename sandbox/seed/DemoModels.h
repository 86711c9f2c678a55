#pragma once

#include "models/Model.h"

#include <cstdint>
#include <string>

namespace plexe::sandbox {

// Demo models for `seed`: realistic names, schemas and metrics, cycling through both status
// vocabularies of the contract (DRAFT/BUILDING/READY/ERROR and pending/processing/building/
// completed/failed) so that the console's tolerance rules all get exercised.
class DemoModels
{
public:
    static Model make(int index, int64_t accountId, const std::string &createdBy, int64_t now);
};

} // namespace plexe::sandbox
