#include "api/name_book.hpp"

namespace samen::api {

const std::string& NameBook::pupil(const std::string& pupil_id) {
  auto found = pupils_.find(pupil_id);
  if (found != pupils_.end()) return found->second;
  read_pupils({pupil_id});
  return pupils_[pupil_id];
}

void NameBook::read_pupils(const std::vector<std::string>& pupil_ids) {
  std::vector<std::string> missing;
  for (const auto& id : pupil_ids)
    if (!pupils_.contains(id)) missing.push_back(id);
  if (missing.empty()) return;
  auto names = tx_.pupil_names(missing);
  for (auto& id : missing) pupils_[id] = names[id];  // unknown: "" (asked once)
}

const std::string& NameBook::user(const std::string& user_id) {
  auto [it, fresh] = users_.try_emplace(user_id);
  if (fresh) {
    if (auto u = tx_.user(user_id)) it->second = u->name;
  }
  return it->second;
}

const std::string& NameBook::organisation(const std::string& organisation_id) {
  auto [it, fresh] = organisations_.try_emplace(organisation_id);
  if (fresh) {
    if (auto o = tx_.organisation(organisation_id)) it->second = o->name;
  }
  return it->second;
}

}  // namespace samen::api
