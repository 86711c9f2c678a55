#include "accounts/AccountRoutes.h"

#include "accounts/AccountStore.h"
#include "db/Database.h"
#include "http/ApiError.h"
#include "http/JsonReply.h"
#include "http/Router.h"
#include "keys/ApiKeyStore.h"

namespace plexe::sandbox {

AccountRoutes::AccountRoutes(Database &database) : m_database(database) {}

void AccountRoutes::install(Router &router)
{
    router.add("GET", "/auth/user", Router::Access::Authenticated,
               [this](RequestContext &c) { user(c); });
}

void AccountRoutes::user(RequestContext &context)
{
    auto connection = m_database.acquire();
    const auto account = AccountStore::findById(*connection, context.principal.accountId);
    if (!account)
        throw ApiError(401, "unauthorized", "The account no longer exists");
    const std::string userName = account->email.substr(0, account->email.find('@'));
    QJsonObject o;
    o.insert(QStringLiteral("user_id"), JsonReply::string(account->userId));
    o.insert(QStringLiteral("email"), JsonReply::string(account->email));
    o.insert(QStringLiteral("name"), JsonReply::string(account->name));
    o.insert(QStringLiteral("user_name"), JsonReply::string(userName));
    o.insert(QStringLiteral("credits"), account->credits);
    o.insert(QStringLiteral("consumption"), account->consumption);
    o.insert(QStringLiteral("is_active"), account->isActive);
    o.insert(QStringLiteral("has_api_key"),
             ApiKeyStore::hasActiveKey(*connection, account->id, context.now));
    JsonReply::send(context.res, 200, o);
}

} // namespace plexe::sandbox
