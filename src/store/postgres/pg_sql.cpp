#include "store/postgres/pg_sql.hpp"

#include <type_traits>

namespace samen::store::postgres {
namespace {

Params pg_params(const sql::Params& params) {
  Params out;
  for (const auto& value : params.values()) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            out.null();
          else if constexpr (std::is_same_v<T, bool>)
            out.boolean(v);
          else if constexpr (std::is_same_v<T, std::int64_t>)
            out.integer(v);
          else if constexpr (std::is_same_v<T, std::string>)
            out.text(v);
          else
            out.text(sql::list_text(v, sql::Dialect::postgres));
        },
        value);
  }
  return out;
}

class PgRows final : public sql::Rows {
 public:
  explicit PgRows(PgResult result) : r_(std::move(result)) {}
  bool next() override { return ++row_ < r_.rows(); }
  bool is_null(int col) const override { return r_.is_null(row_, col); }
  std::string text(int col) const override { return r_.text(row_, col); }
  std::int64_t integer(int col) const override { return r_.integer(row_, col); }
  bool boolean(int col) const override { return r_.boolean(row_, col); }
  std::string id(int col) const override { return r_.id(row_, col); }

 private:
  PgResult r_;
  int row_ = -1;
};

}  // namespace

const char* PgSql::translated(const char* sql) {
  auto it = conn_.translations().find(sql);
  if (it == conn_.translations().end())
    it = conn_.translations().emplace(sql, sql::translate(sql, sql::Dialect::postgres)).first;
  return it->second.c_str();
}

std::unique_ptr<sql::Rows> PgSql::query(const char* sql, const sql::Params& params) {
  return std::make_unique<PgRows>(conn_.query(translated(sql), pg_params(params)));
}

std::unique_ptr<sql::Rows> PgSql::query_built(const std::string& sql, const sql::Params& params) {
  return std::make_unique<PgRows>(
      conn_.query_uncached(sql::translate(sql, sql::Dialect::postgres), pg_params(params)));
}

std::int64_t PgSql::run(const char* sql, const sql::Params& params) {
  return conn_.query(translated(sql), pg_params(params)).affected();
}

}  // namespace samen::store::postgres
