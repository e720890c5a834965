#include "domain/chronology.hpp"

#include "domain/policy_cases.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_record.hpp"

namespace samen::domain {

ChronologyPage decide_chronology_page(const ChronologyFacts& f,
                                      const std::vector<ChronologyRow>& rows,
                                      const std::vector<EntryFacts>& linked) {
  const auto& c = *f.case_facts;
  auto decide = [&](const EntryFacts& e) {
    return decide_entry_access(f.viewer, e, c, *f.grants, *f.safety, f.at);
  };
  ChronologyPage page;
  bool write = decide_case_action(f.viewer, c, CaseAction::write_entry).allowed;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto decision = decide(rows[i].facts);
    if (!decision.allowed) continue;  // not listed, as if it were not there
    page.visible.insert(rows[i].facts.entry_id);
    auto may = decide_entry_may(f.viewer, rows[i].facts, rows[i].kind, write, c, *f.grants, f.at);
    bool grouped = false;
    for (auto& group : page.audit)
      if (group.decision.rule == decision.rule &&
          group.decision.legal_basis == decision.legal_basis) {
        group.ids.push_back(rows[i].facts.entry_id);
        grouped = true;
        break;
      }
    if (!grouped) page.audit.push_back({decision, {rows[i].facts.entry_id}});
    // The family sees roles, not people: only the lead (and the family itself) by name.
    bool named =
        may_see_name_of(f.viewer, c, rows[i].facts.author_membership_id, rows[i].facts.author_role);
    page.shown.push_back({i, std::move(decision), may, named});
  }
  for (const auto& e : linked)
    if (decide(e).allowed) page.visible.insert(e.entry_id);
  if (page.audit.empty()) {
    Decision empty;
    empty.allowed = true;
    empty.rule = "listing.empty";
    page.audit.push_back({std::move(empty), {}});
  }
  return page;
}

}  // namespace samen::domain
