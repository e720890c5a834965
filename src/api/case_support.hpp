#pragma once
// What the signal, case, team and plan handlers share: reading category lists, the JSON
// shapes of signals and cases, the chronology entries that signals, triage, level and team
// changes leave on a case, and entering a case as the policy allows (a case the viewer may
// not enter answers 404, and the denial is audited).
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/auth.hpp"
#include "api/json_body.hpp"
#include "api/name_book.hpp"
#include "domain/case.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_may.hpp"
#include "domain/result.hpp"
#include "http/json_writer.hpp"
#include "http/reply.hpp"
#include "store/store.hpp"

namespace samen::api {

// A non-empty list of distinct category codes (attendance, behaviour, ...). The error
// names the field (`categories`, or `categories[2]` for a bad element).
Result<std::vector<domain::EntryCategory>> read_categories(JsonReader& in, const char* name);
// An optional yyyy-mm-dd date; nullopt when absent or null.
Result<std::optional<domain::Date>> read_optional_date(JsonReader& in, const char* name);
// A non-empty trimmed text of at most `max_bytes`.
Result<std::string> read_text(JsonReader& in, const char* name, bool required,
                              std::size_t max_bytes);

boost::json::array categories_json(const std::vector<domain::EntryCategory>& categories);
// With `pupil_name` and `author_name`, so that a queue needs no read per pupil, and what
// `viewer` may do with it (`may`, domain::decide_signal_may).
boost::json::object signal_json(const store::SignalRecord& s, NameBook& names,
                                const domain::Viewer& viewer);
// With the names of the person and their organisation, which a family login cannot list;
// without `with_name` the person is shown by role and organisation only.
boost::json::object team_member_json(const store::TeamMember& m, NameBook& names, bool with_reason,
                                     bool with_name = true);
boost::json::object level_change_json(const store::LevelChange& c, NameBook& names,
                                      bool with_reason, bool with_name = true);
// With what the viewer may do with it (`may`, domain::decide_goal_may, decide_action_may).
boost::json::object goal_json(const store::GoalRecord& g, const domain::GoalMay& may);
boost::json::object action_json(const store::ActionRecord& a, const domain::ActionMay& may);
// The case summary's members, into an object the caller opened (listings stream it);
// `detail` adds team, level history, goals and actions.
void write_case_summary_members(http::JsonWriter& w, const store::CaseRecord& c, NameBook& names);
// The full case as `viewer` may see it: reasons on the record only where
// may_read_case_reasons allows (the rest of the table reads them in the chronology); goals
// and actions only with a legal basis for the pupil (case_record_decision: `view` says
// which); to the family, people by name only where may_see_name_of allows.
boost::json::object case_detail_json(store::ReadTx& tx, const store::CaseRecord& c,
                                     const domain::Viewer& viewer);

// How the record names a membership: "name (Dutch role, organisation)".
std::string person_in_record(store::ReadTx& tx, const store::Membership& m);

// A chronology entry written by the actor on case `c` (kinds signal, triage, level_change,
// team_change, closure; docs/decisions.md "Cases — API").
store::EntryRecord chronology_entry(const Actor& actor, const domain::CaseFacts& c,
                                    std::string kind, domain::Audience audience,
                                    domain::EntryCategory category, std::string text,
                                    domain::Millis at);

// Entering a case: the facts and the decision of decide_case_access at now. When the case
// does not exist or the viewer may not enter it, `denied` holds the 404 reply (with the
// audit event of the denial when the case exists).
struct CaseEntry {
  domain::CaseFacts facts;
  std::vector<domain::ConsentGrant> grants;  // the pupil's, as the decision read them
  domain::Decision decision;
  std::optional<http::Reply> denied;
};
CaseEntry enter_case(store::ReadTx& tx, const Actor& actor, const http::Request& req,
                     const std::string& case_id);

// Changing a case: enter_case (404), then decide_case_action(action) (403, audited), then,
// unless `allow_closed`, the case must be open (409 case_closed). `record` is the case
// with team and level history.
struct CaseChange {
  domain::CaseFacts facts;
  store::CaseRecord record;
  domain::Decision decision;
  std::optional<http::Reply> denied;
};
CaseChange begin_case_change(store::ReadTx& tx, const Actor& actor, const http::Request& req,
                             const std::string& case_id,
                             domain::CaseAction action = domain::CaseAction::manage,
                             bool allow_closed = false);

// A membership that may sit at a case's table or lead it: it exists, is active, lies in
// the viewer's region, and its role works on cases (not a rule-2 role, not family).
Status check_case_membership(store::ReadTx& tx, const std::string& membership_id,
                             const Actor& actor, const std::string& field);

// The answer for a change to a closed case.
http::Response case_closed_response();

}  // namespace samen::api
