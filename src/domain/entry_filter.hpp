#pragma once
// The entries of one case a viewer may list at t, as data the store can turn into a WHERE
// clause over the entry's own columns (author user and membership, audience,
// family_visible, category, author role, author organisation). It is built once per
// (viewer, case, grants, safety decisions, t) by folding the access rules of
// domain/policy_entries.hpp over everything that does not depend on the entry; allows() is
// the same predicate in memory. tests/domain/entry_filter_test.cpp proves on generated data
// that allows(E) == decide_entry_access(V, E, ...).allowed for every pair.
//
// As SQL (sketch; `?` are the filter's fields):
//   case_id = ? AND pupil_id = ? AND (
//     (author_user_id = ? AND author_membership_id = ?)                       -- rule 1
//     OR <reach family>: family_visible AND category IN (family_categories)      -- rule 3
//     OR <reach team>:                                                          -- rules 5-8
//        (audience = 'discipline' AND author_role = ? AND author_organisation_id = ?)
//        OR ((audience = 'case_team' OR (audience = 'school' AND <school_audience>))
//            AND (author_organisation_id = ? OR category IN (crossing_categories))))
// A field that is empty disables its condition (an empty id matches nothing).
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/policy.hpp"

namespace samen::domain {

struct EntryFilter {
  // Which entries besides the viewer's own (rule 1) are listed.
  enum class Reach {
    own_entries_only,  // rule 2, rule 3 or rule 4 refused the viewer
    family,            // rule 3: the pupil or a guardian with parental authority
    team,              // rule 4 let the viewer in: rules 5-8 by audience
  };

  std::string case_id;
  std::string pupil_id;
  // Rule 1: entries written by this user in this membership (user id empty: none).
  std::string author_user_id;
  std::string author_membership_id;

  Reach reach = Reach::own_entries_only;
  // Reach family: family_visible entries of these categories (a guardian of a pupil of 16+:
  // those the pupil consented to; otherwise all).
  std::vector<EntryCategory> family_categories;
  // Reach team: the viewer's organisation and role (rule 6, rule 8 same organisation),
  // whether they act for the pupil's school (rule 7), and the categories for which a legal
  // basis holds across organisations (rule 8: legal duty, safety or complete consent).
  std::string organisation_id;
  Role role = Role::teacher;
  bool school_audience = false;
  std::vector<EntryCategory> crossing_categories;

  bool allows(const EntryFacts& entry) const;
};

EntryFilter entry_filter_for(const Viewer& viewer, const CaseFacts& c,
                             const std::vector<ConsentGrant>& grants,
                             const std::vector<SafetyDecision>& safety, Millis t);

}  // namespace samen::domain
