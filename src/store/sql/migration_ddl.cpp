// Samen's DDL → each dialect's (the token table is in migrations.hpp).
#include <stdexcept>

#include "store/sql/migrations.hpp"

namespace samen::store::sql {
namespace {

std::string append_only(std::string_view table, std::string_view message, Dialect d) {
  std::string t(table), m(message);
  if (d == Dialect::sqlite)
    return "CREATE TRIGGER " + t + "_no_update BEFORE UPDATE ON " + t +
           "\nBEGIN SELECT RAISE(ABORT, '" + m + "'); END;\nCREATE TRIGGER " + t +
           "_no_delete BEFORE DELETE ON " + t + "\nBEGIN SELECT RAISE(ABORT, '" + m + "'); END;";
  return "CREATE FUNCTION " + t +
         "_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION '" + m +
         "';\nEND $$;\nCREATE TRIGGER " + t + "_no_update BEFORE UPDATE OR DELETE ON " + t +
         "\n  FOR EACH ROW EXECUTE FUNCTION " + t + "_refuse_change();\nCREATE TRIGGER " + t +
         "_no_truncate BEFORE TRUNCATE ON " + t + "\n  FOR EACH STATEMENT EXECUTE FUNCTION " + t +
         "_refuse_change();";
}

std::string token(std::string_view body, Dialect d) {
  auto space = body.find(' ');
  std::string_view name = body.substr(0, space);
  const bool lite = d == Dialect::sqlite;
  if (name == "key") return lite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
  if (name == "int") return lite ? "INTEGER" : "BIGINT";
  if (name == "bool") return lite ? "INTEGER" : "BOOLEAN";
  if (name == "true") return lite ? "1" : "true";
  if (name == "false") return lite ? "0" : "false";
  if (name == "c_collate") return lite ? "" : " COLLATE \"C\"";
  if (name == "without_rowid") return lite ? "WITHOUT ROWID" : "";
  if (name == "append_only" && space != std::string_view::npos) {
    std::string_view rest = body.substr(space + 1);
    auto gap = rest.find(' ');
    if (gap != std::string_view::npos)
      return append_only(rest.substr(0, gap), rest.substr(gap + 1), d);
  }
  throw std::logic_error("migration: unknown token {" + std::string(body) + "}");
}

std::string translate_ddl(std::string_view ddl, Dialect d) {
  std::string out;
  out.reserve(ddl.size() + 64);
  for (std::size_t i = 0; i < ddl.size();) {
    if (ddl.substr(i, 2) == "--") {  // a comment too (its apostrophes open no literal)
      auto end = ddl.find('\n', i);
      if (end == std::string_view::npos) end = ddl.size();
      out.append(ddl.substr(i, end - i));
      i = end;
    } else if (ddl[i] == '\'') {  // a literal is copied as it is, braces and all
      auto end = ddl.find('\'', i + 1);
      if (end == std::string_view::npos) end = ddl.size() - 1;
      out.append(ddl.substr(i, end - i + 1));
      i = end + 1;
    } else if (ddl[i] == '{') {
      auto close = ddl.find('}', i);
      if (close == std::string_view::npos) throw std::logic_error("migration: unclosed {");
      out += token(ddl.substr(i + 1, close - i - 1), d);
      i = close + 1;
    } else {
      out += ddl[i++];
    }
  }
  return out;
}

}  // namespace

std::string migration_sql(const Migration& m, Dialect d) {
  std::string out = translate_ddl(m.sql, d);
  const char* own = d == Dialect::sqlite ? m.sqlite : m.postgres;
  if (own) out += own;
  return out;
}

}  // namespace samen::store::sql
