#pragma once

#include "api/ApiError.h"
#include "common/MessageWidget.h"

#include <QDateTime>

#include <functional>

namespace plexe {

// "Offline — showing data as of HH:MM", the pane's banner when a refresh could not reach the
// server but the pane still shows what it loaded at `asOf` (product.md "Everywhere").
void showOfflineBanner(MessageWidget *banner, const QDateTime &asOf, const ApiError &error,
                       const QString &retryObjectName, std::function<void()> retry);

} // namespace plexe
