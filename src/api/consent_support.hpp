#pragma once
// What the consent handlers share (consents_api.cpp records and reads grants,
// consent_parties_api.cpp lets a party sign or withdraw): the JSON shape of a grant and
// reading a nested object of a request body.
#include <boost/json/object.hpp>
#include <string>

#include "api/json_body.hpp"
#include "domain/case.hpp"
#include "domain/result.hpp"
#include "store/case_records.hpp"
#include "store/store.hpp"

namespace samen::api {

// The grant as every consent endpoint shows it at `now`: its `status` in time (active,
// future, expired, withdrawn, or pending: awaiting confirmation), how it was obtained,
// whether and how it was confirmed, whether it has the parties the pupil's age needs now
// (`complete_for_age_now`) and, when not, which are missing (`missing_parties`: guardian,
// pupil), and the parties who signed after recording (`later_signatures`).
boost::json::object grant_json(const store::ConsentGrantRecord& record,
                               const domain::CaseFacts& pupil, domain::Millis now);

// The scope of a grant or a consent request as a body gives it: `recipients`
// {organisation_ids (of the region), roles (that work on cases), guardians (grants only)},
// `categories`, `valid_from` and `valid_until` (a date, local midnight in the Netherlands,
// or an ISO 8601 instant). At least one recipient and one category.
struct ConsentScope {
  std::vector<std::string> organisation_ids;
  std::vector<domain::Role> roles;
  bool guardians = false;
  std::vector<domain::EntryCategory> categories;
  domain::Millis valid_from = 0;
  std::optional<domain::Millis> valid_until;
};
Result<ConsentScope> read_consent_scope(const boost::json::object& body, store::ReadTx& tx,
                                        const std::string& region_id, bool guardians_allowed);

// in[name] as an array of strings (absent: empty unless required).
Result<std::vector<std::string>> read_strings(JsonReader& in, const char* name, bool required);

// Who recorded the grant, as everyone who reads it sees them (the family included: it is
// shown every grant recorded for it): role and organisation, and the name for professionals.
boost::json::object recorder_json(store::ReadTx& tx, const store::ConsentGrantRecord& record,
                                  bool with_name);

// The active memberships of a user, as the viewers they act as (who benefits from a grant
// is decided over all of them, not only the one acted in).
std::vector<domain::Viewer> active_viewers(store::ReadTx& tx, const store::User& user);

// The `by` of a body naming exactly one party: `{guardian_id}` or `{pupil: true}`.
Status read_party(const boost::json::object& body, std::string& guardian_id, bool& pupil);

// body[name] as an object, or nullptr with `error` naming the field (prefix + name).
const boost::json::object* read_object(const boost::json::object& body, const char* name,
                                       Error& error, const std::string& prefix = {});

}  // namespace samen::api
