#include "domain/policy.hpp"

#include <algorithm>

#include "domain/pupil.hpp"

namespace samen::domain {
namespace {

Decision allow(std::string rule, std::string basis, PupilView view, std::string why) {
  Decision d;
  d.allowed = true;
  d.rule = std::move(rule);
  d.legal_basis = std::move(basis);
  d.reasons = {std::move(why)};
  d.view = view;
  return d;
}

Decision deny(std::string rule, std::string reason, std::string why) {
  Decision d;
  d.rule = std::move(rule);
  d.reason = std::move(reason);
  d.reasons = {std::move(why)};
  return d;
}

bool manages_school_master_data(Role role) {
  return role == Role::admin || role == Role::care_coordinator;
}

bool is_school_staff_directory_role(Role role) {
  return role == Role::mentor || role == Role::teacher;
}

bool is_steering_or_oversight_role(Role role) {
  return role == Role::school_leader || role == Role::policy_officer || role == Role::researcher ||
         role == Role::privacy_officer;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return !id.empty() && std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

PupilFacts facts_of(const Pupil& p) {
  PupilFacts facts{p.id, p.school_id, p.mentor_user_id, p.user_id, {}, {}};
  for (const auto& g : p.guardians)
    if (g.parental_authority && !g.user_id.empty()) facts.guardian_user_ids.push_back(g.user_id);
  return facts;
}

// Rules, first match decides (docs/decisions.md, "Pupil access"):
//  1 family: a pupil sees themself, a guardian with parental authority their child (read).
//  2 steering and oversight roles see no pupil records.
//  3 admin and care coordinator of the pupil's school manage the record.
//  4 the pupil's mentor reads the full record.
//  5 whoever leads or sits at the table of one of the pupil's open cases reads the full
//    record (need to know; docs/decisions.md "Cases — API").
//  6 mentors and teachers of the school read the directory entry.
//  7 care partners outside the school reach a pupil only through a case team.
//  8 anyone else: not the pupil's school.
namespace {

// Rules 1 to 4: they never look at the case tables, so a caller may skip loading them.
std::optional<Decision> decide_before_case_table(const Viewer& v, const PupilFacts& p,
                                                 PupilAction action) {
  if (is_family_role(v.role)) {
    bool self = v.role == Role::pupil && !p.pupil_user_id.empty() && v.user_id == p.pupil_user_id;
    bool guardian = v.role == Role::guardian && contains(p.guardian_user_ids, v.user_id);
    if ((self || guardian) && action == PupilAction::read)
      return allow(
          "pupil.family", "family", PupilView::full,
          self ? "the viewer is the pupil" : "the viewer is a guardian with parental authority");
    return deny("pupil.family", "not_for_family",
                "family logins reach only their own or their child's record, and only to read it");
  }
  if (is_steering_or_oversight_role(v.role))
    return deny("pupil.role_without_pupil_access", "role_without_pupil_access",
                "this role works with aggregates or the audit log, not pupil records");
  bool same_school = v.organisation_id == p.school_id;
  if (manages_school_master_data(v.role) && same_school)
    return allow("pupil.school_administration", "school_administration", PupilView::full,
                 "the viewer manages pupil records of the pupil's school");
  if (action != PupilAction::read)
    return deny("pupil.write_requires_administration", "not_permitted",
                "only the school's administrator or care coordinator changes pupil records");
  if (v.role == Role::mentor && same_school && v.user_id == p.mentor_user_id)
    return allow("pupil.mentor_of_pupil", "mentor_of_pupil", PupilView::full,
                 "the viewer is the pupil's mentor");
  return std::nullopt;
}

}  // namespace

Decision decide_pupil_access(const Viewer& v, const PupilFacts& p, PupilAction action) {
  if (auto decided = decide_before_case_table(v, p, action)) return *decided;
  if (contains(p.case_table_membership_ids, v.membership_id))
    return allow("pupil.case_team", "need_to_know", PupilView::full,
                 "the viewer leads or sits at the table of an open case of the pupil");
  bool same_school = v.organisation_id == p.school_id;
  if (is_school_staff_directory_role(v.role) && same_school)
    return allow("pupil.school_directory", "school_staff", PupilView::directory,
                 "school staff see the school's pupil directory (no birth date, BSN or guardians)");
  if (!is_school_staff_directory_role(v.role) && !manages_school_master_data(v.role))
    return deny("pupil.need_to_know", "not_on_case_team",
                "care partners reach a pupil only as a member of the pupil's case team");
  return deny("pupil.other_school", "not_same_school",
              "the viewer does not work at the pupil's school");
}

bool pupil_access_needs_case_tables(const Viewer& v, const PupilFacts& p, PupilAction action) {
  return !decide_before_case_table(v, p, action).has_value();
}

PupilScope pupil_list_scope(const Viewer& v) {
  PupilScope scope;
  if (is_family_role(v.role)) {
    scope.kind = PupilScope::Kind::family;
    scope.family_user_id = v.user_id;
    scope.family_as_guardian = v.role == Role::guardian;
    return scope;
  }
  if (manages_school_master_data(v.role)) {
    scope.kind = PupilScope::Kind::school;
    scope.school_id = v.organisation_id;
    scope.school_view = PupilView::full;
  } else if (is_school_staff_directory_role(v.role)) {
    scope.kind = PupilScope::Kind::school;
    scope.school_id = v.organisation_id;
    scope.school_view = PupilView::directory;
    if (v.role == Role::mentor) scope.full_for_mentor = v.user_id;
  }
  return scope;
}

PupilView view_in_scope(const PupilScope& scope, const PupilFacts& p) {
  switch (scope.kind) {
    case PupilScope::Kind::none:
      return PupilView::none;
    case PupilScope::Kind::family:
      if (scope.family_as_guardian)
        return contains(p.guardian_user_ids, scope.family_user_id) ? PupilView::full
                                                                   : PupilView::none;
      return !p.pupil_user_id.empty() && p.pupil_user_id == scope.family_user_id ? PupilView::full
                                                                                 : PupilView::none;
    case PupilScope::Kind::school:
      if (p.school_id != scope.school_id) return PupilView::none;
      if (!scope.full_for_mentor.empty() && p.mentor_user_id == scope.full_for_mentor)
        return PupilView::full;
      return scope.school_view;
  }
  return PupilView::none;
}

Decision decide_administration(const Viewer& v, const std::string& target_region_id) {
  if (v.role != Role::admin)
    return deny("admin.role", "not_permitted",
                "only administrators manage accounts and organisations");
  if (v.region_id != target_region_id)
    return deny("admin.region", "other_region", "administrators manage only their own region");
  return allow("admin.region", "administration", PupilView::none,
               "the viewer administers this region");
}

Decision decide_audit_log_read(const Viewer& v) {
  if (v.role != Role::privacy_officer)
    return deny("audit.role", "not_permitted", "only the privacy officer reads the audit log");
  return allow("audit.privacy_officer", "supervision", PupilView::none,
               "the privacy officer checks lawful use for the region");
}

Decision decide_pupil_import(const Viewer& v, const std::string& school_id) {
  if (!manages_school_master_data(v.role))
    return deny("pupil.import", "not_permitted",
                "only the school's administrator or care coordinator imports pupils");
  if (v.organisation_id != school_id)
    return deny("pupil.import", "not_same_school",
                "pupils are imported only into the viewer's own school");
  return allow("pupil.import", "school_administration", PupilView::full,
               "the viewer manages pupil records of this school");
}

}  // namespace samen::domain
