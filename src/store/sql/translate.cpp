// Samen's SQL → each dialect's spelling (the table is in sql.hpp). Runs once per statement
// and connection (the adapters cache the result), so clarity beats speed here.
#include <stdexcept>

#include "store/sql/sql.hpp"

namespace samen::store::sql {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool word_at(std::string_view sql, std::size_t i, std::string_view word) {
  if (sql.substr(i, word.size()) != word) return false;
  return i == 0 || !is_word_char(sql[i - 1]);
}

class Translator {
 public:
  explicit Translator(Dialect dialect) : dialect_(dialect) {}

  std::string run(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    for (std::size_t i = 0; i < sql.size();) {
      char c = sql[i];
      if (c == '\'') {
        i = copy_string_literal(sql, i, out);
      } else if (c == '?') {
        i = placeholder(sql, i, out);
      } else if (c == '{') {
        i = token(sql, i, out);
      } else if (word_at(sql, i, "GREATEST(")) {
        out += dialect_ == Dialect::sqlite ? "max(" : "GREATEST(";
        i += 9;
      } else if (word_at(sql, i, "LEAST(")) {
        out += dialect_ == Dialect::sqlite ? "min(" : "LEAST(";
        i += 6;
      } else {
        out += c;
        ++i;
      }
    }
    return out;
  }

 private:
  std::size_t copy_string_literal(std::string_view sql, std::size_t i, std::string& out) {
    out += sql[i++];
    while (i < sql.size()) {
      out += sql[i];
      if (sql[i++] == '\'') {
        if (i < sql.size() && sql[i] == '\'') {
          out += sql[i++];  // '' inside a literal
          continue;
        }
        break;
      }
    }
    return i;
  }

  std::size_t placeholder(std::string_view sql, std::size_t i, std::string& out) {
    std::size_t j = i + 1;
    int number = 0;
    while (j < sql.size() && is_digit(sql[j])) number = number * 10 + (sql[j++] - '0');
    if (j == i + 1) number = ++highest_;  // a plain ? takes the next number, as in SQLite
    if (number > highest_) highest_ = number;
    out += dialect_ == Dialect::postgres ? '$' : '?';
    out += std::to_string(number);
    return j;
  }

  std::size_t token(std::string_view sql, std::size_t i, std::string& out) {
    auto close = sql.find('}', i);
    if (close == std::string_view::npos) throw std::logic_error("sql: unclosed { in statement");
    std::string_view body = sql.substr(i + 1, close - i - 1);
    auto space = body.find(' ');
    std::string_view name = body.substr(0, space);
    std::string_view arg = space == std::string_view::npos ? "" : body.substr(space + 1);
    if (name == "in_ids" || name == "in_texts") {
      std::string value = Translator(*this).run(arg);
      highest_ = std::max(highest_, last_number(value));
      if (dialect_ == Dialect::sqlite)
        out += "IN (SELECT value FROM json_each(" + value + "))";
      else
        out += "= ANY(" + value + (name == "in_ids" ? "::bigint[])" : "::text[])");
    } else if (name == "max_char") {
      out += dialect_ == Dialect::sqlite ? "char(1114111)" : "chr(1114111)";
    } else if (name == "cross_join") {
      out += dialect_ == Dialect::sqlite ? "CROSS JOIN" : "JOIN";
    } else if (name == "texts_table") {
      std::string value = Translator(*this).run(arg);
      highest_ = std::max(highest_, last_number(value));
      if (dialect_ == Dialect::sqlite)
        out += "(SELECT value FROM json_each(" + value + "))";
      else
        out += "(SELECT unnest(" + value + "::text[]) AS value)";
    } else if (name == "index") {
      if (dialect_ == Dialect::sqlite) out += "INDEXED BY " + std::string(arg);
    } else {
      throw std::logic_error("sql: unknown token {" + std::string(name) + "}");
    }
    return close + 1;
  }

  static int last_number(const std::string& placeholder) {
    int n = 0;
    for (char c : placeholder)
      if (is_digit(c)) n = n * 10 + (c - '0');
    return n;
  }

  Dialect dialect_;
  int highest_ = 0;
};

void append_json_string(std::string& out, const std::string& s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

void append_array_element(std::string& out, const std::string& s) {
  // Quoting every element keeps commas, braces, spaces and the word NULL literal; inside
  // the quotes only '"' and '\\' need a backslash.
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string translate(std::string_view sql, Dialect dialect) {
  return Translator(dialect).run(sql);
}

std::string list_text(const Params::IdList& list, Dialect dialect) {
  std::string out(1, dialect == Dialect::sqlite ? '[' : '{');
  for (std::size_t i = 0; i < list.ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(list.ids[i]);
  }
  return out + (dialect == Dialect::sqlite ? ']' : '}');
}

std::string list_text(const Params::TextList& list, Dialect dialect) {
  std::string out(1, dialect == Dialect::sqlite ? '[' : '{');
  for (std::size_t i = 0; i < list.texts.size(); ++i) {
    if (i > 0) out += ',';
    if (dialect == Dialect::sqlite)
      append_json_string(out, list.texts[i]);
    else
      append_array_element(out, list.texts[i]);
  }
  return out + (dialect == Dialect::sqlite ? ']' : '}');
}

}  // namespace samen::store::sql
