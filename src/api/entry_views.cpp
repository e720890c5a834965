#include "api/entry_views.hpp"

#include "domain/dates.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_record.hpp"
#include "domain/roles.hpp"

namespace samen::api {

namespace json = boost::json;

void EntryRenderer::know(const std::vector<store::EntryRecord>& entries) {
  for (const auto& e : entries) known_.emplace(e.facts.entry_id, &e);
}

namespace {

// The name behind an id, read at most once per renderer.
template <typename Load>
const std::string* remembered(std::unordered_map<std::string, std::optional<std::string>>& names,
                              const std::string& id, Load load) {
  auto it = names.find(id);
  if (it == names.end()) {
    auto found = load(id);
    it = names.emplace(id, found ? std::optional<std::string>(found->name) : std::nullopt).first;
  }
  return it->second ? &*it->second : nullptr;
}

}  // namespace

const std::string* EntryRenderer::user_name(const std::string& id) {
  return remembered(users_, id, [this](const std::string& key) { return tx_.user(key); });
}

const std::string* EntryRenderer::organisation_name(const std::string& id) {
  return remembered(organisations_, id,
                    [this](const std::string& key) { return tx_.organisation(key); });
}

bool EntryRenderer::visible(const std::string& entry_id) {
  std::optional<store::EntryRecord> loaded;
  const store::EntryRecord* other = nullptr;
  if (auto it = known_.find(entry_id); it != known_.end()) {
    other = it->second;
  } else if ((loaded = tx_.entry(entry_id))) {
    other = &*loaded;
  }
  return other && domain::decide_entry_access(viewer_, other->facts, case_.facts, case_.grants,
                                              case_.safety, at_)
                      .allowed;
}

std::vector<std::string> EntryRenderer::visible_corrections(const store::EntryRecord& e) {
  std::vector<std::string> out;
  for (const auto& id : e.corrected_by)
    if (visible(id)) out.push_back(id);
  return out;
}

json::object EntryRenderer::render(const store::EntryRecord& e, const domain::Decision& access) {
  const auto& f = e.facts;
  json::object author{{"user_id", f.author_user_id},
                      {"membership_id", f.author_membership_id},
                      {"organisation_id", f.author_organisation_id},
                      {"role", std::string(domain::to_string(f.author_role))}};
  // The family sees roles, not people: only the lead (and the family itself) by name.
  if (domain::may_see_name_of(viewer_, case_.facts, f.author_membership_id, f.author_role))
    if (auto name = user_name(f.author_user_id)) author["name"] = *name;
  // A family login's membership is at the pupil's school only so that audit and region
  // scoping place it; the school is not the family's organisation, so its name is left out.
  if (!domain::is_family_role(f.author_role))
    if (auto name = organisation_name(f.author_organisation_id)) author["organisation"] = *name;
  json::object out{
      {"id", f.entry_id},
      {"case_id", f.case_id},
      {"pupil_id", f.pupil_id},
      {"kind", e.kind},
      {"category", std::string(domain::to_string(f.category))},
      {"audience", std::string(domain::to_string(f.audience))},
      {"family_visible", f.family_visible},
      {"text", e.text},
      {"created_at", domain::format_instant(e.created_at)},
      {"author", std::move(author)},
      {"access", json::object{{"rule", access.rule}, {"legal_basis", access.legal_basis}}}};
  // Only a link the viewer may follow: naming a hidden entry would reveal that it exists.
  if (!e.corrects_entry_id.empty() && visible(e.corrects_entry_id))
    out["corrects"] = e.corrects_entry_id;
  json::array corrected;
  for (const auto& id : visible_corrections(e)) corrected.emplace_back(id);
  out["corrected_by"] = std::move(corrected);
  return out;
}

}  // namespace samen::api
