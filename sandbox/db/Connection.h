#pragma once

#include "db/Statement.h"

#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace plexe::sandbox {

// One SQLite connection with its prepared statements cached by SQL text, so that the hot
// paths (key lookup, model pages) never re-parse SQL. Used by one thread at a time.
class Connection
{
public:
    explicit Connection(const std::string &path);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    void exec(const std::string &sql);
    Statement prepare(const std::string &sql);
    int64_t lastInsertId() const;
    int changes() const;

private:
    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, sqlite3_stmt *> m_cache;
};

// BEGIN IMMEDIATE on construction, ROLLBACK unless commit() was called. IMMEDIATE takes the
// write lock up front, so two writers never deadlock upgrading from read locks.
class Transaction
{
public:
    explicit Transaction(Connection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Connection &m_connection;
    bool m_done = false;
};

} // namespace plexe::sandbox
