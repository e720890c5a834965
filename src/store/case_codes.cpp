#include "store/case_codes.hpp"

#include <charconv>

namespace samen::store {
namespace {

std::vector<std::string_view> split(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

template <typename T, typename F>
std::string join(const std::vector<T>& items, F code) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    out += code(item);
  }
  return out;
}

}  // namespace

std::string join_categories(const std::vector<domain::EntryCategory>& categories) {
  return join(categories, [](domain::EntryCategory c) { return domain::to_string(c); });
}

std::vector<domain::EntryCategory> split_categories(std::string_view text) {
  std::vector<domain::EntryCategory> out;
  for (auto code : split(text))
    if (auto c = domain::parse_entry_category(code)) out.push_back(*c);
  return out;
}

std::string join_roles(const std::vector<domain::Role>& roles) {
  return join(roles, [](domain::Role r) { return domain::to_string(r); });
}

std::vector<domain::Role> split_roles(std::string_view text) {
  std::vector<domain::Role> out;
  for (auto code : split(text))
    if (auto r = domain::parse_role(code)) out.push_back(*r);
  return out;
}

std::string join_ids(const std::vector<std::string>& ids) {
  return join(ids, [](const std::string& id) -> const std::string& { return id; });
}

std::vector<std::string> split_ids(std::string_view text) {
  std::vector<std::string> out;
  for (auto id : split(text)) out.emplace_back(id);
  return out;
}

std::string join_signatures(const std::vector<domain::LaterSignature>& signatures) {
  return join(signatures, [](const domain::LaterSignature& s) {
    return (s.pupil ? std::string("pupil") : s.guardian_id) + "@" + std::to_string(s.at);
  });
}

std::vector<domain::LaterSignature> split_signatures(std::string_view text) {
  std::vector<domain::LaterSignature> out;
  for (auto code : split(text)) {
    auto at = code.find('@');
    if (at == std::string_view::npos || at == 0) continue;
    domain::LaterSignature s;
    auto party = code.substr(0, at);
    s.pupil = party == "pupil";
    if (!s.pupil) s.guardian_id = std::string(party);
    auto millis = code.substr(at + 1);
    auto [end, ec] = std::from_chars(millis.data(), millis.data() + millis.size(), s.at);
    if (ec == std::errc{} && end == millis.data() + millis.size()) out.push_back(std::move(s));
  }
  return out;
}

int entry_reach_code(domain::EntryFilter::Reach reach) {
  switch (reach) {
    case domain::EntryFilter::Reach::family:
      return 1;
    case domain::EntryFilter::Reach::team:
      return 2;
    case domain::EntryFilter::Reach::own_entries_only:
      break;
  }
  return 0;
}

}  // namespace samen::store
