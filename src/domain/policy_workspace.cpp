#include "domain/policy_workspace.hpp"

#include "domain/policy_accounts.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_family.hpp"
#include "domain/policy_meetings.hpp"

namespace samen::domain {

std::string_view to_string(Workspace workspace) {
  return workspace == Workspace::family ? "family" : "professional";
}

Workspace workspace_of(const Viewer& v) {
  return is_family_role(v.role) ? Workspace::family : Workspace::professional;
}

bool works_on_cases(Role role) {
  return !is_role_without_case_access(role) && !is_family_role(role);
}

WorkspaceMay decide_workspace_may(const Viewer& v, bool in_school) {
  WorkspaceMay may;
  const std::string& own = v.organisation_id;
  auto scope = pupil_list_scope(v);
  may.list_pupils = in_school && scope.kind == PupilScope::Kind::school;
  may.list_cases = works_on_cases(v.role);
  may.list_meetings = decide_meeting_listing(v).allowed;
  may.triage_signals = decide_signal_action(v, own, "", SignalAction::triage).allowed;
  may.record_signals = decide_signal_action(v, own, "", SignalAction::record).allowed;
  // One reads the signals one wrote (the author rule); whoever triages reads them all.
  may.list_own_signals = may.record_signals && !may.triage_signals;
  may.import_pupils = in_school && decide_pupil_import(v, own).allowed;
  may.list_organisations = decide_organisation_listing(v).allowed;
  may.administer = decide_administration(v, v.region_id).allowed;
  may.read_audit_log = decide_audit_log_read(v).allowed;
  // Another user: oneself, explain needs an entry one sees, and is asked from the entry.
  may.explain_others = decide_explain(v, "", v.region_id, false).allowed;
  may.read_access_report = decide_membership_report_read(v).allowed;
  may.family_pupils = decide_family_pupils_listing(v).allowed;
  return may;
}

}  // namespace samen::domain
