#pragma once
// JSON shapes of the API's resources, in one place so every endpoint shows a resource the
// same way. Ids are strings, dates yyyy-mm-dd, instants ISO 8601 UTC.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>

#include "api/auth.hpp"
#include "domain/dates.hpp"
#include "domain/policy.hpp"
#include "http/json_writer.hpp"
#include "http/message.hpp"
#include "store/records.hpp"

namespace samen::api {

boost::json::object user_json(const store::User& user);
boost::json::object membership_json(const store::Membership& m);
boost::json::object organisation_json(const store::Organisation& o);
// Listings pass with_guardians = false: their rows are summaries without guardians. Each
// guardian says whether it has a login (`has_login`), and `is_you` marks the one that is
// `viewer_user_id` (a guardian reading their own child's record).
boost::json::object pupil_json(const domain::Pupil& p, domain::PupilView view,
                               const std::string& mentor_name = {}, bool with_guardians = true,
                               const std::string& viewer_user_id = {});
// The same members written into an object the caller opened: listings stream their rows.
void write_pupil_members(http::JsonWriter& w, const domain::Pupil& p, domain::PupilView view,
                         const std::string& mentor_name = {}, bool with_guardians = true,
                         const std::string& viewer_user_id = {});
// One row of the audit log, with the actor's name beside the id (null without an actor).
void write_audit_row(http::JsonWriter& w, const store::AuditRow& r, const std::string& actor_name);
// `tx` reads the type of the active membership's organisation, which the workspace's flags
// depend on (pupils are listed and imported in a school only).
boost::json::object me_json(store::ReadTx& tx, const Actor& actor,
                            const std::vector<store::Membership>& memberships);

// An optional instant or id: the value, or null when absent (empty id).
boost::json::value optional_instant(const std::optional<domain::Millis>& at);
boost::json::value optional_id(const std::string& id);
// A body written by `write` as a tree: for the one-resource answers that add to it.
boost::json::object written_object(const std::function<void(http::JsonWriter&)>& write);

http::Response json_response(int status, const boost::json::value& body);

}  // namespace samen::api
