#include "db/Statement.h"

#include "db/DatabaseError.h"

#include <sqlite3.h>

namespace plexe::sandbox {

namespace {
[[noreturn]] void fail(sqlite3_stmt *stmt, int rc)
{
    sqlite3 *db = sqlite3_db_handle(stmt);
    throw DatabaseError(std::string("sqlite: ") + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}
} // namespace

Statement::Statement(sqlite3_stmt *stmt) : m_stmt(stmt) {}

Statement::~Statement()
{
    // Statements are cached by the connection, so leave them clean for the next user.
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Statement::Statement(Statement &&other) noexcept : m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement &Statement::bind(int index, int64_t value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        fail(m_stmt, rc);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    const int rc = sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK)
        fail(m_stmt, rc);
    return *this;
}

Statement &Statement::bind(int index, const std::string &value)
{
    const int rc =
        sqlite3_bind_text(m_stmt, index, value.data(), int(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        fail(m_stmt, rc);
    return *this;
}

Statement &Statement::bindStatic(int index, const std::string &value)
{
    const int rc = sqlite3_bind_text(m_stmt, index, value.data(), int(value.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK)
        fail(m_stmt, rc);
    return *this;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
}

Statement &Statement::bind(int index, const std::optional<int64_t> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement &Statement::bind(int index, const std::optional<std::string> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement &Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
        fail(m_stmt, rc);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_stmt, rc);
}

void Statement::run()
{
    while (step()) {
    }
}

int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::optional<int64_t> Statement::optionalInteger(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

std::optional<std::string> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

} // namespace plexe::sandbox
