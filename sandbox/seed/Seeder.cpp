#include "seed/Seeder.h"

#include "accounts/AccountStore.h"
#include "accounts/NewAccount.h"
#include "auth/PasswordHasher.h"
#include "db/Database.h"
#include "keys/ApiKeySecret.h"
#include "keys/ApiKeyStore.h"
#include "models/ModelBuilds.h"
#include "models/ModelStore.h"
#include "seed/DemoCredentialsFile.h"
#include "seed/DemoModels.h"
#include "seed/LogSeeder.h"
#include "tls/TlsIdentity.h"
#include "util/Clock.h"
#include "util/Random.h"
#include "util/SecretBox.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace plexe::sandbox {

namespace {
constexpr int64_t kDay = 86400;
const char kDemoEmail[] = "demo@plexe.local";

struct DemoKey
{
    const char *label; // the seed output line
    const char *name;
    const char *permission;
    int64_t ageDays;
    std::optional<int64_t> expiresInDays; // negative: already expired
    std::optional<int64_t> revokedDaysAgo;
    int64_t requestsPerDay; // usage history for usage_stats
};

const DemoKey kDemoKeys[] = {
    {"api_key", "Demo key", "read_write", 20, std::nullopt, std::nullopt, 40},
    {"read_only_api_key", "Dashboard (read-only)", "read_only", 12, 90, std::nullopt, 120},
    {"revoked_api_key", "Old CI key", "read_write", 60, std::nullopt, 10, 15},
    {"expired_api_key", "Trial key", "read_only", 45, -5, std::nullopt, 5},
};

std::string insertKey(Connection &connection, const DemoKey &demo, int64_t accountId, int64_t now)
{
    const std::string secret = ApiKeySecret::generate();
    ApiKey key;
    key.keyId = "key_" + Random::base62(20);
    key.accountId = accountId;
    key.name = demo.name;
    key.keyHash = ApiKeySecret::hash(secret);
    key.keyPrefix = ApiKeySecret::displayPrefix(secret);
    key.keySuffix = ApiKeySecret::displaySuffix(secret);
    key.permissionLevel = demo.permission;
    key.createdAt = now - demo.ageDays * kDay;
    if (demo.expiresInDays)
        key.expiresAt = now + *demo.expiresInDays * kDay;
    if (demo.revokedDaysAgo)
        key.revokedAt = now - *demo.revokedDaysAgo * kDay;
    key.createdBy = kDemoEmail;
    key = ApiKeyStore::insert(connection, key);

    // A usage history up to the key's end of life: a few requests in scattered hours per day.
    const int64_t end = key.revokedAt
                            ? *key.revokedAt
                            : (key.expiresAt && *key.expiresAt < now ? *key.expiresAt : now - 3600);
    for (int64_t t = std::max(key.createdAt, now - 30 * kDay); t < end; t += kDay / 4)
        ApiKeyStore::addUsage(connection, key.row, t / 3600, demo.requestsPerDay / 4, t);
    return secret;
}
} // namespace

int Seeder::run(const Options &options)
{
    try {
        const int64_t now = Clock::now();
        TlsIdentity::ensureCa(options.dataDir, now);
        Database database(options.dataDir + "/sandbox.db");
        auto connection = database.acquire();
        if (AccountStore::count(*connection) > 0) {
            std::fprintf(stderr,
                         "plexe-sandbox: %s is already seeded; use a new or empty data folder\n",
                         options.dataDir.c_str());
            return 1;
        }
        const PasswordHasher hasher;
        const SecretBox secrets = SecretBox::forDataFolder(options.dataDir);
        const std::string password = Random::base62(20);
        Account account;
        account.userId = "usr_" + Random::base62(16);
        account.email = kDemoEmail;
        account.name = "Demo User";
        account.passwordHash = hasher.hash(QByteArray::fromStdString(password)).toStdString();
        account.createdAt = now - 90 * kDay;
        account.credits = 250.0;
        account.consumption = 37.5;

        Transaction transaction(*connection);
        account = AccountStore::insert(*connection, account);
        std::vector<std::pair<std::string, std::string>> keyLines;
        for (const DemoKey &demo : kDemoKeys)
            keyLines.emplace_back(demo.label, insertKey(*connection, demo, account.id, now));
        for (int i = 0; i < options.models; ++i) {
            Model model = DemoModels::make(i, account.id, account.email, now);
            if (options.buildSeconds > 0 && ModelBuilds::isBuilding(model.status)) {
                model.buildStartedAt = now;
                model.buildFinishesAt = now + options.buildSeconds;
            }
            ModelStore::insert(*connection, model);
        }
        const auto demoAccount = [&](const char *email, const char *name, bool totp,
                                     bool oauthOnly) {
            NewAccount::Request request;
            request.email = email;
            request.name = name;
            request.totp = totp;
            request.oauthOnly = oauthOnly;
            request.credits = 100.0;
            request.createdAt = now - 30 * kDay;
            std::string error;
            auto created = NewAccount::create(*connection, hasher, secrets, request, &error);
            if (!created)
                throw std::runtime_error(error);
            return *created;
        };
        const NewAccount::Created oauth =
            demoAccount("oauth@plexe.local", "OAuth Demo", false, true);
        const NewAccount::Created totp = demoAccount("totp@plexe.local", "TOTP Demo", true, false);
        transaction.commit();
        if (options.logEvents > 0) {
            const double rate = LogSeeder::run(*connection, account.id, now, options.logEvents);
            std::fprintf(stderr, "plexe-sandbox: seeded %d access-log events (%.0f events/s)\n",
                         options.logEvents, rate);
        }

        DemoCredentialsFile::Lines lines = {
            {"data", options.dataDir}, {"email", account.email}, {"password", password}};
        lines.insert(lines.end(), keyLines.begin(), keyLines.end());
        lines.insert(lines.end(), {{"models", std::to_string(options.models)},
                                   {"log_events", std::to_string(options.logEvents)},
                                   {"oauth_email", oauth.account.email},
                                   {"totp_email", totp.account.email},
                                   {"totp_password", totp.password},
                                   {"totp_secret", totp.totpBase32},
                                   {"totp_uri", totp.totpUri}});
        // The same lines for the console's --sandbox launcher (which must not read our stdout
        // into its logs); after the commit, so that the file never names accounts that are not.
        const std::string fileError =
            options.writeCredentials ? DemoCredentialsFile::write(options.dataDir, lines) : "";
        if (!fileError.empty()) {
            std::fprintf(stderr, "plexe-sandbox: %s\n", fileError.c_str());
            return 1;
        }
        std::printf("plexe-sandbox %s: seeded a local sandbox, NOT the Plexe service\n",
                    PLEXE_SANDBOX_VERSION);
        for (const auto &line : lines)
            std::printf("%s: %s\n", line.first.c_str(), line.second.c_str());
        std::fflush(stdout);
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "plexe-sandbox: seed failed: %s\n", e.what());
        return 1;
    }
}

} // namespace plexe::sandbox
