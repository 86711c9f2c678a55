#pragma once

#include <QtGlobal>

namespace plexe {

// The `pagination` object of a list answer; `present` is false when the server sent none
// (a bare array, or an envelope without it): then the page is all there is.
struct Pagination
{
    bool present = false;
    qint64 total = -1; // -1: unknown
    qint64 limit = -1;
    qint64 offset = 0;
    bool hasMore = false;
};

} // namespace plexe
