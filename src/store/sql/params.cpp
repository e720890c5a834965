#include <charconv>
#include <mutex>
#include <set>

#include "store/sql/sql.hpp"

namespace samen::store::sql {

std::optional<std::int64_t> parse_id(std::string_view id) {
  std::int64_t out = 0;
  if (id.empty() || id[0] == '0' || id.size() > 18) return std::nullopt;
  auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), out);
  if (ec != std::errc{} || ptr != id.data() + id.size() || out <= 0) return std::nullopt;
  return out;
}

Params& Params::ids(const std::vector<std::string>& ids) {
  IdList list;
  list.ids.reserve(ids.size());
  for (const auto& id : ids)
    if (auto key = parse_id(id)) list.ids.push_back(*key);
  values_.emplace_back(std::move(list));
  return *this;
}

}  // namespace samen::store::sql

namespace samen::store::sql {

const char* interned_sql(const std::string& sql) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> texts;  // nodes never move
  std::scoped_lock lock(mutex);
  return texts.insert(sql).first->c_str();
}

}  // namespace samen::store::sql
