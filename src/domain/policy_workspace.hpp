#pragma once
// What the membership one acts in may reach, for the `may` object of GET /api/me, part of
// the one policy module: each flag is the decision the API takes for the endpoint behind a
// screen, asked for the membership's own organisation and region, so the web UI builds its
// navigation and start page from it and never from a copy of the rules (issue 13;
// tests/integration/test_workspace_may.py tries each flag against its endpoint).
#include "domain/policy.hpp"

namespace samen::domain {

// Whether the family portal or the professionals' workspace is shown: family logins act
// for themselves or their child, never for an organisation (is_family_role).
enum class Workspace { professional, family };
std::string_view to_string(Workspace workspace);
Workspace workspace_of(const Viewer& viewer);

struct WorkspaceMay {
  bool list_pupils = false;         // GET /api/pupils lists a school (pupil_list_scope)
  bool list_cases = false;          // GET /api/cases: the cases one leads or sits at
  bool list_meetings = false;       // GET /api/meetings: the meetings one takes part in
  bool list_own_signals = false;    // GET /api/signals: the signals one recorded
  bool triage_signals = false;      // GET /api/signals: the school's queue
  bool record_signals = false;      // POST /api/signals for a pupil of one's school
  bool import_pupils = false;       // POST /api/pupils/import into one's school
  bool list_organisations = false;  // GET /api/organisations
  bool administer = false;          // users, memberships and organisations of the region
  bool read_audit_log = false;      // GET /api/audit
  bool explain_others = false;      // GET /api/entries/{id}/explain about another user
  bool read_access_report = false;  // GET /api/audit/access-changes
  bool family_pupils = false;       // GET /api/family/pupils
};
// `in_school`: the membership's organisation is a school, where pupils are listed and imported.
WorkspaceMay decide_workspace_may(const Viewer& viewer, bool in_school);

// Whether a membership of `role` may sit at a case's table, lead it or own an action: the
// rule the API applies to every membership it is given for a case (check_case_membership).
bool works_on_cases(Role role);

}  // namespace samen::domain
