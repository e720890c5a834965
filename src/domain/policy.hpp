#pragma once
// The policy module: the one place that decides who may do what with pupil data, and why.
// Pure functions, no I/O. Every decision names the rule that decided it, the legal basis
// when it allows, a reason code when it denies, and human-readable reasons, so that the
// audit log and "explain" can show exactly why. Handlers never decide access themselves.
//
// The listing filter (PupilScope) is derived from the same rules as the single decision;
// tests/domain/policy_test.cpp proves on generated data that the two agree.
//
// This header holds the viewer, the decision and the rules for pupil records and
// administration; the rules for cases and their entries (domain.md, "Access decision
// rules") are in domain/policy_entries.hpp, their listing filter in domain/entry_filter.hpp.
#include <optional>
#include <string>
#include <vector>

#include "domain/roles.hpp"

namespace samen::domain {

// Who is asking: one user acting in one membership.
struct Viewer {
  std::string user_id;
  std::string membership_id;
  std::string organisation_id;
  std::string region_id;
  Role role = Role::teacher;
};

// What the policy needs to know about a pupil to decide about them.
struct PupilFacts {
  std::string pupil_id;
  std::string school_id;
  std::string mentor_user_id;
  std::string pupil_user_id;                   // the pupil's own login, if any
  std::vector<std::string> guardian_user_ids;  // logins of guardians with parental authority
  // The lead and the open seats at the tables of the pupil's open cases (memberships):
  // filled by Store::pupil_facts, empty in facts_of() (a loaded record knows no cases).
  std::vector<std::string> case_table_membership_ids;
};

// The facts of a loaded pupil record.
struct Pupil;
PupilFacts facts_of(const Pupil& pupil);

enum class PupilAction { read, create, update };

// How much of a pupil record a viewer gets. `identification` is the name, class and school
// alone (a seat at the table without a legal basis, domain/policy_record.hpp); `directory`
// is what a teacher needs to find a pupil (name, number, class, mentor); `full` adds date
// of birth, BSN, guardians, enrolment, and a case's plan.
enum class PupilView { none, identification, directory, full };

// Also what "explain" returns: {allowed, rule, legal_basis, consent_id?, reasons}.
struct Decision {
  bool allowed = false;
  std::string rule;                  // the rule that decided, e.g. "pupil.mentor_of_pupil"
  std::string legal_basis;           // when allowed, e.g. "school_administration"
  std::string reason;                // when denied, e.g. "not_same_school"
  std::vector<std::string> reasons;  // human-readable, one per step the rules took
  PupilView view = PupilView::none;
  std::optional<std::string> consent_id;          // the grant relied on (or found incomplete)
  std::optional<std::string> safety_decision_id;  // the Meldcode decision relied on
};

Decision decide_pupil_access(const Viewer& viewer, const PupilFacts& pupil, PupilAction action);
// Whether the decision depends on case_table_membership_ids: false when an earlier rule
// decides. A read of one pupil then skips the query for the tables (the hot path).
bool pupil_access_needs_case_tables(const Viewer& v, const PupilFacts& p, PupilAction action);

// The set of pupils a viewer may list, as a filter the store turns into SQL. Kinds are
// cumulative: a mentor lists the school directory and sees their own pupils in full.
struct PupilScope {
  enum class Kind { none, school, family };
  Kind kind = Kind::none;
  std::string school_id;  // kind school
  PupilView school_view = PupilView::none;
  std::string full_for_mentor;      // user id whose mentees get the full view, when set
  std::string family_user_id;       // kind family: pupils linked to this login
  bool family_as_guardian = false;  // kind family: through a guardian link, else as the pupil
};

PupilScope pupil_list_scope(const Viewer& viewer);

// The view a row in that scope gets; agrees with decide_pupil_access(read).view.
PupilView view_in_scope(const PupilScope& scope, const PupilFacts& pupil);

// Administration of organisations, users and memberships within the viewer's region:
// `target_region_id` is the region of the record changed (an organisation's, a
// membership's; the viewer's own for what is created in it). Denied as `not_permitted` for
// whoever is no administrator, as `other_region` for a record of another region (which the
// API answers as a missing id). Users: decide_user_administration (policy_accounts.hpp).
Decision decide_administration(const Viewer& viewer, const std::string& target_region_id);

// Reading the audit log: privacy officers, for their own region.
Decision decide_audit_log_read(const Viewer& viewer);

// Importing pupils into a school (a bulk create/update).
Decision decide_pupil_import(const Viewer& viewer, const std::string& school_id);

}  // namespace samen::domain
