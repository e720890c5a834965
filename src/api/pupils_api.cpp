// Pupils: search/list, read, create, update. Access is decided by domain::policy; every
// access, allowed or denied, is audited before the response leaves. A pupil the viewer may
// not see answers 404, as if it did not exist.
#include <boost/json.hpp>

#include "api/auth.hpp"
#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/record_view.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/guardian_identity.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_may.hpp"
#include "domain/text.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

Result<domain::Date> read_date(JsonReader& in, const char* name, bool required) {
  std::string text = in.text(name, required);
  if (!in.ok()) return in.error();
  if (text.empty()) return domain::Date{};
  auto d = domain::parse_iso_date(text);
  if (!d)
    return Error{"validation_failed", std::string(name) + " must be a date as yyyy-mm-dd",
                 in.field(name)};
  return *d;
}

// Reads the pupil fields of a create or update body (school_id only on create).
Result<domain::Pupil> read_pupil(const json::object& body, bool with_school,
                                 std::optional<std::int64_t>* version) {
  JsonReader in(body);
  if (with_school)
    in.allow_only({"school_id", "pupil_number", "given_name", "name_prefix", "family_name",
                   "date_of_birth", "bsn", "class", "mentor_user_id", "enrolment_start",
                   "enrolment_end", "guardians"});
  else
    in.allow_only({"pupil_number", "given_name", "name_prefix", "family_name", "date_of_birth",
                   "bsn", "class", "mentor_user_id", "enrolment_start", "enrolment_end",
                   "guardians", "version"});
  domain::Pupil p;
  if (with_school) p.school_id = in.text("school_id", true);
  p.pupil_number = std::string(domain::trim(in.text("pupil_number", true)));
  p.given_name = std::string(domain::trim(in.text("given_name", true)));
  p.name_prefix = std::string(domain::trim(in.text("name_prefix", false)));
  p.family_name = std::string(domain::trim(in.text("family_name", true)));
  p.bsn = std::string(domain::trim(in.text("bsn", false)));
  p.class_name = std::string(domain::trim(in.text("class", false)));
  p.mentor_user_id = in.text("mentor_user_id", false);
  if (version && in.has("version")) *version = in.integer("version", true);
  auto dob = read_date(in, "date_of_birth", true);
  if (!dob) return dob.error();
  p.date_of_birth = *dob;
  auto start = read_date(in, "enrolment_start", false);
  if (!start) return start.error();
  if (start->year) p.enrolment_start = *start;
  auto end = read_date(in, "enrolment_end", false);
  if (!end) return end.error();
  if (end->year) p.enrolment_end = *end;
  const json::array* guardians = in.array("guardians", false);
  if (!in.ok()) return in.error();
  if (guardians) {
    for (std::size_t i = 0; i < guardians->size(); ++i) {
      std::string prefix = "guardians[" + std::to_string(i) + "].";
      if (!(*guardians)[i].is_object())
        return Error{"validation_failed", "each guardian is an object",
                     prefix.substr(0, prefix.size() - 1)};
      JsonReader g((*guardians)[i].as_object(), prefix);
      g.allow_only({"id", "name", "relation", "email", "phone", "parental_authority", "number"});
      domain::Guardian guardian;
      // The id names the current guardian this is (kept); without one the guardian is new.
      guardian.id = g.text("id", false);
      guardian.name = std::string(domain::trim(g.text("name", true)));
      guardian.relation = std::string(domain::trim(g.text("relation", true)));
      guardian.email = domain::to_lower_ascii(domain::trim(g.text("email", false)));
      guardian.phone = std::string(domain::trim(g.text("phone", false)));
      guardian.parental_authority = g.boolean("parental_authority", true);
      guardian.number = std::string(domain::trim(g.text("number", false)));
      if (!g.ok()) return g.error();
      p.guardians.push_back(std::move(guardian));
    }
  }
  return p;
}

// What the viewer may do with the pupil (domain::decide_pupil_may).
json::object pupil_may_json(const domain::Viewer& viewer, const domain::PupilFacts& facts) {
  auto may = domain::decide_pupil_may(viewer, facts);
  return {{"edit", may.edit},
          {"record_signal", may.record_signal},
          {"open_case", may.open_case},
          {"invite_family", may.invite_family}};
}

// The mentor must be a user with an active mentor membership at the pupil's school.
Status check_mentor(store::ReadTx& tx, const domain::Pupil& p) {
  if (p.mentor_user_id.empty()) return ok_status();
  for (const auto& m : tx.memberships_of(p.mentor_user_id))
    if (m.active && m.role == domain::Role::mentor && m.organisation_id == p.school_id)
      return ok_status();
  return Error{"validation_failed", "mentor_user_id is not a mentor at this school",
               "mentor_user_id"};
}

Reply list_pupils(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  store::PupilQuery q;
  q.text = req.query_value("q");
  q.class_name = req.query_value("class");
  auto limit = query_integer(req, "limit", 50, 1, 200);
  if (!limit) return fail(limit.error());
  auto offset = query_integer(req, "offset", 0, 0, 1000000);
  if (!offset) return fail(offset.error());
  q.limit = static_cast<int>(*limit);
  q.offset = static_cast<int>(*offset);
  auto scope = domain::pupil_list_scope(actor.viewer);
  // One row more than the page tells whether there is a next page, without a count that
  // would walk every match of a broad search.
  const int page_size = q.limit;
  ++q.limit;
  auto rows = tx.pupils(scope, q);
  const bool has_more = static_cast<int>(rows.size()) > page_size;
  if (has_more) rows.pop_back();
  Reply reply;
  // Streamed: a search page is up to 200 pupils.
  http::JsonWriter w(reply.response->body);
  w.begin_object().key("pupils").begin_array();
  for (auto& row : rows) {
    // Each listed pupil gets the single decision too: the audit entry then names the exact
    // rule and basis, and a row the rules would refuse can never slip through the filter.
    auto facts = domain::facts_of(row.pupil);
    if (scope.family_as_guardian)
      facts.guardian_user_ids = {actor.user.id};  // the listing's own link
    auto decision = domain::decide_pupil_access(actor.viewer, facts, domain::PupilAction::read);
    if (!decision.allowed) continue;
    decision = pupil_record_decision(tx, actor.viewer, row.pupil, decision);
    reply.audit.push_back(
        decision_event(actor, req, decision, "list", "pupil", row.pupil.id, row.pupil.id));
    w.begin_object();
    write_pupil_members(w, row.pupil, decision.view, row.mentor_name, /*with_guardians=*/false);
    w.key("may").value(json::value(pupil_may_json(actor.viewer, facts)));
    w.end_object();
  }
  w.end_array()
      .field("limit", page_size)
      .field("offset", q.offset)
      .field("has_more", has_more)
      .end_object();
  return reply;
}

Reply get_pupil(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string& id = req.params["id"];
  auto record = tx.pupil(id);
  if (!record) return fail("not_found", "no such pupil");
  auto facts = domain::facts_of(record->pupil);
  if (domain::pupil_access_needs_case_tables(actor.viewer, facts, domain::PupilAction::read))
    facts.case_table_membership_ids = tx.case_table_membership_ids(id);
  auto decision = domain::decide_pupil_access(actor.viewer, facts, domain::PupilAction::read);
  // Which parts of the record: a seat without a legal basis gets identification only.
  decision = pupil_record_decision(tx, actor.viewer, record->pupil, decision);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"pupil", id, id}, Refusal::as_missing("no such pupil"));
  Reply reply;
  reply.audit.push_back(decision_event(actor, req, decision, "read", "pupil", id, id));
  const auto& pupil = record->pupil;
  auto body = pupil_json(pupil, decision.view, record->mentor_name, true, actor.user.id);
  body["may"] = pupil_may_json(actor.viewer, facts);
  *reply.response = json_response(200, std::move(body));
  reply.response->set_header("ETag", "\"" + std::to_string(pupil.version) + "\"");
  return reply;
}

Reply create_pupil(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  auto pupil = read_pupil(*body, true, nullptr);
  if (!pupil) return fail(pupil.error());
  domain::PupilFacts facts{"", pupil->school_id, pupil->mentor_user_id, "", {}, {}};
  auto decision = domain::decide_pupil_access(actor.viewer, facts, domain::PupilAction::create);
  if (!decision.allowed)
    return refuse(actor, req, decision, {"pupil", "", ""}, Refusal::forbidden());
  if (auto school = check_is_school(tx, pupil->school_id, "school_id"); !school)
    return fail(school.error());
  if (auto valid = domain::validate_pupil(*pupil); !valid) return fail(valid.error());
  if (auto kept = domain::check_kept_guardian_ids({}, pupil->guardians); !kept)
    return fail(kept.error());
  if (auto mentor = check_mentor(tx, *pupil); !mentor) return fail(mentor.error());
  return Reply::writing([req, a = actor, p = *pupil, decision](store::WriteTx& w, Response& out) {
    if (w.pupil_id_by_number(p.school_id, p.pupil_number)) {
      out = http::error_response(
          "already_exists", "this school already has a pupil with this number", "pupil_number");
      return audit::JobOutcome{false, {}};
    }
    auto created = w.insert_pupil(p);
    auto body = pupil_json(created, domain::PupilView::full);
    body["may"] = pupil_may_json(a.viewer, domain::facts_of(created));
    out = json_response(201, std::move(body));
    out.set_header("ETag", "\"1\"");
    return audit::JobOutcome{
        true, {decision_event(a, req, decision, "create", "pupil", created.id, created.id)}};
  });
}

Reply update_pupil(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  const std::string& id = req.params["id"];
  auto facts = tx.pupil_facts(id);
  if (!facts) return fail("not_found", "no such pupil");
  auto decision = domain::decide_pupil_access(actor.viewer, *facts, domain::PupilAction::update);
  if (!decision.allowed) {
    auto read = domain::decide_pupil_access(actor.viewer, *facts, domain::PupilAction::read);
    return refuse(actor, req, decision, {"pupil", id, id}, read.allowed, "no such pupil");
  }
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  std::optional<std::int64_t> body_version;
  auto pupil = read_pupil(*body, false, &body_version);
  if (!pupil) return fail(pupil.error());
  auto version = expected_version(req, body_version);
  if (!version) return Reply::of(precondition_required());
  pupil->id = id;
  pupil->school_id = facts->school_id;
  if (auto valid = domain::validate_pupil(*pupil); !valid) return fail(valid.error());
  if (auto mentor = check_mentor(tx, *pupil); !mentor) return fail(mentor.error());
  return Reply::writing([req, a = actor, p = *pupil, version, decision](store::WriteTx& w,
                                                                        Response& out) mutable {
    if (auto other = w.pupil_id_by_number(p.school_id, p.pupil_number); other && *other != p.id) {
      out = http::error_response(
          "already_exists", "this school already has a pupil with this number", "pupil_number");
      return audit::JobOutcome{false, {}};
    }
    // Checked against the guardians as they are in this transaction, so a guardian ended
    // by a concurrent change cannot be written over.
    auto current = w.pupil(p.id);
    if (!current || current->pupil.version != *version) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    const auto& before = current->pupil.guardians;
    if (auto kept = domain::check_kept_guardian_ids(before, p.guardians); !kept) {
      out = http::error_response(kept.error());
      return audit::JobOutcome{false, {}};
    }
    domain::keep_unstated_numbers(before, p.guardians);
    auto ended = domain::guardians_to_end(before, p.guardians);
    if (!w.update_pupil(p, *version, domain::now_millis())) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    auto updated = w.pupil(p.id);
    auto body = pupil_json(updated->pupil, domain::PupilView::full, updated->mentor_name);
    body["may"] = pupil_may_json(a.viewer, domain::facts_of(updated->pupil));
    out = json_response(200, std::move(body));
    out.set_header("ETag", "\"" + std::to_string(updated->pupil.version) + "\"");
    std::vector<audit::Event> events{
        decision_event(a, req, decision, "update", "pupil", p.id, p.id)};
    for (const auto& id : ended)
      events.push_back(decision_event(a, req, decision, "end", "guardian", id, p.id));
    return audit::JobOutcome{true, std::move(events)};
  });
}

}  // namespace

void register_pupil_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/pupils", authenticated(ctx, list_pupils));
  router.add("POST", "/api/pupils", authenticated(ctx, create_pupil));
  router.add("GET", "/api/pupils/{id}", authenticated(ctx, get_pupil));
  router.add("PUT", "/api/pupils/{id}", authenticated(ctx, update_pupil));
}

}  // namespace samen::api
