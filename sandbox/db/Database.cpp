#include "db/Database.h"

#include "db/Migrations.h"

namespace plexe::sandbox {

Database::Database(std::string path) : m_path(std::move(path))
{
    auto connection = acquire();
    Migrations::apply(*connection);
}

Database::~Database() = default;

Database::Lease Database::acquire()
{
    std::unique_ptr<Connection> connection;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_idle.empty()) {
            connection = std::move(m_idle.back());
            m_idle.pop_back();
        }
    }
    if (!connection)
        connection = std::make_unique<Connection>(m_path);
    return Lease(connection.release(), [this](Connection *c) { release(c); });
}

void Database::release(Connection *connection)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_idle.emplace_back(connection);
}

} // namespace plexe::sandbox
