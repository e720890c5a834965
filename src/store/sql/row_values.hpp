#pragma once
// Optional times and dates in both directions between records and the seam: NULL is
// nullopt, a date is its ISO text.
#include <optional>

#include "domain/dates.hpp"
#include "store/sql/sql.hpp"

namespace samen::store::sql {

inline Params& millis(Params& p, const std::optional<domain::Millis>& at) {
  return at ? p.integer(*at) : p.null();
}

inline Params& date(Params& p, const std::optional<domain::Date>& d) {
  return d ? p.text(domain::to_iso(*d)) : p.null();
}

inline Params& optional_text(Params& p, const std::optional<std::string>& text) {
  return text ? p.text(*text) : p.null();
}

inline std::optional<domain::Millis> millis(const Rows& r, int col) {
  if (r.is_null(col)) return std::nullopt;
  return r.integer(col);
}

inline std::optional<domain::Date> date(const Rows& r, int col) {
  if (r.is_null(col)) return std::nullopt;
  return domain::parse_iso_date(r.text(col));
}

}  // namespace samen::store::sql
