#pragma once

#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace plexe::sandbox {

// A borrowed, reset-on-use view of a cached prepared statement (owned by its Connection).
class Statement
{
public:
    explicit Statement(sqlite3_stmt *stmt);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement &bind(int index, int64_t value);
    Statement &bind(int index, double value);
    Statement &bind(int index, const std::string &value);
    Statement &bind(int index, const std::optional<int64_t> &value);
    Statement &bind(int index, const std::optional<std::string> &value);
    Statement &bindNull(int index);
    // Binds without copying: value must outlive every step until it is rebound or reset
    // (bulk loads that bind the same few constant strings millions of times).
    Statement &bindStatic(int index, const std::string &value);
    // Back to the first row with the bindings kept, for reuse in a loop.
    void reset();

    // True while a row is available; throws DatabaseError on failure.
    bool step();
    // Runs a statement that returns no rows.
    void run();

    int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;
    std::optional<int64_t> optionalInteger(int column) const;
    std::optional<std::string> optionalText(int column) const;

private:
    sqlite3_stmt *m_stmt;
};

} // namespace plexe::sandbox
