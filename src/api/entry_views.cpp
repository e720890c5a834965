#include "api/entry_views.hpp"

#include "domain/dates.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_record.hpp"
#include "domain/roles.hpp"

namespace samen::api {

namespace json = boost::json;

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

domain::ChronologyPage decide_page(store::ReadTx& tx, const domain::Viewer& viewer,
                                   const CaseContext& c,
                                   const std::vector<store::EntryRecord>& entries,
                                   domain::Millis at) {
  std::vector<domain::ChronologyRow> rows;
  std::unordered_set<std::string> on_page, wanted;
  for (const auto& e : entries) {
    rows.push_back({e.facts, e.kind, e.corrects_entry_id, e.corrected_by});
    on_page.insert(e.facts.entry_id);
  }
  std::vector<domain::EntryFacts> linked;
  auto link = [&](const std::string& id) {
    if (id.empty() || on_page.count(id) || !wanted.insert(id).second) return;
    if (auto other = tx.entry(id)) linked.push_back(other->facts);
  };
  for (const auto& e : entries) {
    link(e.corrects_entry_id);
    for (const auto& id : e.corrected_by) link(id);
  }
  return domain::decide_chronology_page({viewer, &c.facts, &c.grants, &c.safety, at}, rows, linked);
}

std::vector<audit::Event> page_events(const Actor& actor, const http::Request& req,
                                      const domain::ChronologyPage& page,
                                      const std::string& pupil_id) {
  std::vector<audit::Event> out;
  for (const auto& group : page.audit) {
    std::string ids;
    for (const auto& id : group.ids) ids += (ids.empty() ? "" : ",") + id;
    out.push_back(decision_event(actor, req, group.decision, "list", "entry", ids, pupil_id));
  }
  return out;
}

void EntryRenderer::write(http::JsonWriter& w, const store::EntryRecord& e,
                          const domain::ChronologyPage::Shown& shown,
                          const std::unordered_set<std::string>& visible) {
  const auto& access = shown.decision;
  const auto& f = e.facts;
  w.begin_object()
      .field("id", f.entry_id)
      .field("case_id", f.case_id)
      .field("pupil_id", f.pupil_id)
      .field("kind", e.kind)
      .field("category", domain::to_string(f.category))
      .field("audience", domain::to_string(f.audience))
      .field("family_visible", f.family_visible)
      .field("text", e.text)
      .field("created_at", domain::format_instant(e.created_at));
  w.key("author")
      .begin_object()
      .field("user_id", f.author_user_id)
      .field("membership_id", f.author_membership_id)
      .field("organisation_id", f.author_organisation_id)
      .field("role", domain::to_string(f.author_role));
  if (shown.author_named)
    if (auto name = user_name(f.author_user_id)) w.field("name", *name);
  // A family login's membership is at the pupil's school only so that audit and region
  // scoping place it; the school is not the family's organisation, so its name is left out.
  if (!domain::is_family_role(f.author_role))
    if (auto name = organisation_name(f.author_organisation_id)) w.field("organisation", *name);
  w.end_object();
  w.key("access")
      .begin_object()
      .field("rule", access.rule)
      .field("legal_basis", access.legal_basis)
      .end_object();
  w.key("may").begin_object().field("correct", shown.may.correct).end_object();
  // Only a link the viewer may follow: naming a hidden entry would reveal that it exists.
  if (!e.corrects_entry_id.empty() && visible.count(e.corrects_entry_id))
    w.field("corrects", e.corrects_entry_id);
  w.key("corrected_by").begin_array();
  for (const auto& id : e.corrected_by)
    if (visible.count(id)) w.value(id);
  w.end_array().end_object();
}

json::object EntryRenderer::render(const store::EntryRecord& e,
                                   const domain::ChronologyPage::Shown& shown,
                                   const std::unordered_set<std::string>& visible) {
  std::string text;
  http::JsonWriter w(text);
  write(w, e, shown, visible);
  return json::parse(text).as_object();
}

}  // namespace samen::api
