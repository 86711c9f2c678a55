#include "db/Connection.h"

#include "db/DatabaseError.h"

#include <sqlite3.h>

namespace plexe::sandbox {

Connection::Connection(const std::string &path)
{
    const int rc =
        sqlite3_open_v2(path.c_str(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DatabaseError("cannot open " + path + ": " + message);
    }
    // Writers queue behind each other instead of failing with SQLITE_BUSY.
    sqlite3_busy_timeout(m_db, 10000);
    exec("PRAGMA journal_mode=WAL");
    // With WAL, NORMAL keeps every commit durable against a process crash (SIGKILL); only
    // an OS crash or power loss could lose the last transactions.
    exec("PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=ON");
}

Connection::~Connection()
{
    for (auto &entry : m_cache)
        sqlite3_finalize(entry.second);
    sqlite3_close(m_db);
}

void Connection::exec(const std::string &sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw DatabaseError("sqlite: " + message);
    }
}

Statement Connection::prepare(const std::string &sql)
{
    auto it = m_cache.find(sql);
    if (it != m_cache.end())
        return Statement(it->second);
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK)
        throw DatabaseError(std::string("sqlite prepare: ") + sqlite3_errmsg(m_db));
    m_cache.emplace(sql, stmt);
    return Statement(stmt);
}

int64_t Connection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Connection::changes() const
{
    return sqlite3_changes(m_db);
}

Transaction::Transaction(Connection &connection) : m_connection(connection)
{
    m_connection.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_connection.exec("ROLLBACK");
        } catch (...) {
            // Nothing more to do: the connection rolls back on its own if this failed.
        }
    }
}

void Transaction::commit()
{
    m_connection.exec("COMMIT");
    m_done = true;
}

} // namespace plexe::sandbox
