#pragma once

#include <cstdint>

namespace plexe::sandbox {

class Connection;

// `seed --log-events N`: N realistic access-log events for one account, spread over the last
// 90 days with bursts — sign-ins, failures from a few noisy addresses, uses of the account's
// keys, rejections of its revoked and expired keys. Built for speed (one transaction, one
// reused statement, no journal while seeding): a fresh data folder has nothing to protect.
class LogSeeder
{
public:
    // Returns the events written per second.
    static double run(Connection &connection, int64_t accountId, int64_t now, int64_t count);
};

} // namespace plexe::sandbox
