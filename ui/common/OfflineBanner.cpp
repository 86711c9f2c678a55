#include "common/OfflineBanner.h"

#include <QCoreApplication>
#include <QLocale>

namespace plexe {

void showOfflineBanner(MessageWidget *banner, const QDateTime &asOf, const ApiError &error,
                       const QString &retryObjectName, std::function<void()> retry)
{
    banner->showMessage(
        QCoreApplication::translate("OfflineBanner", "Offline — showing data as of %1. %2")
            .arg(QLocale().toString(asOf.toLocalTime().time(), QLocale::ShortFormat),
                 error.userMessage()),
        MessageWidget::Kind::Warning,
        {{QCoreApplication::translate("OfflineBanner", "Retry"), retryObjectName,
          std::move(retry)}});
}

} // namespace plexe
