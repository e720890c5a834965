#include "store/sqlite/sqlite_sql.hpp"

#include <type_traits>

namespace samen::store::sqlite {
namespace {

// `borrow`: the params outlive the statement's run (run()), so their texts need no copy.
void bind_params(Statement& s, const sql::Params& params, bool borrow = false) {
  int i = 1;
  for (const auto& value : params.values()) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            s.bind_null(i);
          else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, bool>)
            s.bind(i, v);
          else if constexpr (std::is_same_v<T, std::string>)
            borrow ? s.bind_static(i, v) : s.bind(i, std::string_view(v));
          else
            s.bind(i, std::string_view(sql::list_text(v, sql::Dialect::sqlite)));
        },
        value);
    ++i;
  }
}

class SqliteRows final : public sql::Rows {
 public:
  explicit SqliteRows(Statement statement) : s_(std::move(statement)) {}
  bool next() override { return s_.step(); }
  bool is_null(int col) const override { return s_.is_null(col); }
  std::string text(int col) const override { return s_.text(col); }
  std::int64_t integer(int col) const override { return s_.integer(col); }
  bool boolean(int col) const override { return s_.integer(col) != 0; }
  std::string id(int col) const override { return s_.id(col); }

 private:
  Statement s_;
};

}  // namespace

Statement SqliteSql::prepared(const char* sql) {
  auto it = conn_.translations().find(sql);
  if (it == conn_.translations().end())
    it = conn_.translations().emplace(sql, sql::translate(sql, sql::Dialect::sqlite)).first;
  return conn_.prepare(it->second.c_str());
}

std::unique_ptr<sql::Rows> SqliteSql::query(const char* sql, const sql::Params& params) {
  auto s = prepared(sql);
  bind_params(s, params);
  return std::make_unique<SqliteRows>(std::move(s));
}

std::unique_ptr<sql::Rows> SqliteSql::query_built(const std::string& sql,
                                                  const sql::Params& params) {
  auto s = conn_.prepare_uncached(sql::translate(sql, sql::Dialect::sqlite));
  bind_params(s, params);
  return std::make_unique<SqliteRows>(std::move(s));
}

std::int64_t SqliteSql::run(const char* sql, const sql::Params& params) {
  auto s = prepared(sql);
  bind_params(s, params, /*borrow=*/true);
  s.run();
  return conn_.changes();
}

}  // namespace samen::store::sqlite
