#pragma once

#include "db/Connection.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace plexe::sandbox {

// The sandbox database file with a pool of connections: each request borrows one, so worker
// threads read in parallel (WAL) and reuse their cached prepared statements.
class Database
{
public:
    using Lease = std::unique_ptr<Connection, std::function<void(Connection *)>>;

    // Opens (creating if needed) the file and brings its schema up to date.
    explicit Database(std::string path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Lease acquire();
    const std::string &path() const { return m_path; }

private:
    void release(Connection *connection);

    std::string m_path;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Connection>> m_idle;
};

} // namespace plexe::sandbox
