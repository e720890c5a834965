#include "api/views.hpp"

#include <boost/json.hpp>

#include "domain/policy_workspace.hpp"

namespace samen::api {
namespace json = boost::json;

json::object user_json(const store::User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"name", u.name},
          {"active", u.active},
          {"version", u.version}};
}

json::object membership_json(const store::Membership& m) {
  return {{"id", m.id},
          {"organisation_id", m.organisation_id},
          {"organisation_name", m.organisation_name},
          {"region_id", m.region_id},
          {"role", domain::to_string(m.role)},
          {"active", m.active}};
}

json::object organisation_json(const store::Organisation& o) {
  json::object out{{"id", o.id},         {"region_id", o.region_id},
                   {"name", o.name},     {"type", domain::to_string(o.type)},
                   {"active", o.active}, {"version", o.version}};
  out["school_type"] =
      o.school_type ? json::value(domain::to_string(*o.school_type)) : json::value(nullptr);
  return out;
}

namespace {

std::string_view view_code(domain::PupilView view) {
  switch (view) {
    case domain::PupilView::full:
      return "full";
    case domain::PupilView::directory:
      return "directory";
    default:
      return "identification";
  }
}

json::object guardian_json(const domain::Guardian& g, const std::string& viewer_user_id) {
  return {{"id", g.id},
          {"name", g.name},
          {"relation", g.relation},
          {"email", g.email.empty() ? json::value(nullptr) : json::value(g.email)},
          {"phone", g.phone.empty() ? json::value(nullptr) : json::value(g.phone)},
          {"parental_authority", g.parental_authority},
          {"number", g.number.empty() ? json::value(nullptr) : json::value(g.number)},
          {"from", optional_instant(g.from)},
          {"until", optional_instant(g.until)},
          {"has_login", !g.user_id.empty()},
          {"is_you", !viewer_user_id.empty() && g.user_id == viewer_user_id}};
}

}  // namespace

json::object pupil_json(const domain::Pupil& p, domain::PupilView view,
                        const std::string& mentor_name, bool with_guardians,
                        const std::string& viewer_user_id) {
  return written_object([&](http::JsonWriter& w) {
    write_pupil_members(w, p, view, mentor_name, with_guardians, viewer_user_id);
  });
}

void write_pupil_members(http::JsonWriter& w, const domain::Pupil& p, domain::PupilView view,
                         const std::string& mentor_name, bool with_guardians,
                         const std::string& viewer_user_id) {
  w.field("id", p.id)
      .field("school_id", p.school_id)
      .field("given_name", p.given_name)
      .field("name_prefix", p.name_prefix)
      .field("family_name", p.family_name)
      .field("class", p.class_name)
      .field("view", view_code(view))
      .field("version", p.version);
  // Identification is the name, class and school alone (domain/policy_record.hpp).
  if (view == domain::PupilView::identification) return;
  w.field("pupil_number", p.pupil_number);
  w.field_or_null("mentor_user_id", p.mentor_user_id);
  if (!mentor_name.empty()) w.field("mentor_name", mentor_name);
  if (view != domain::PupilView::full) return;
  w.field("date_of_birth", domain::to_iso(p.date_of_birth));
  w.field_or_null("bsn", p.bsn);
  auto date = [](const std::optional<domain::Date>& d) { return d ? domain::to_iso(*d) : ""; };
  w.field_or_null("enrolment_start", date(p.enrolment_start))
      .field_or_null("enrolment_end", date(p.enrolment_end));
  if (!with_guardians) return;
  w.key("guardians").begin_array();
  for (const auto& g : p.guardians) w.value(json::value(guardian_json(g, viewer_user_id)));
  w.end_array();
  // Parental authority's history: ended guardians stay, so consents still name who gave them.
  w.key("ended_guardians").begin_array();
  for (const auto& g : p.ended_guardians) w.value(json::value(guardian_json(g, viewer_user_id)));
  w.end_array();
}

void write_audit_row(http::JsonWriter& w, const store::AuditRow& r, const std::string& actor_name) {
  w.begin_object()
      .field("seq", r.seq)
      .field("at", r.at)
      .field_or_null("actor_user_id", r.actor_user_id)
      .field_or_null("actor_organisation_id", r.actor_organisation_id)
      .field_or_null("actor_role", r.actor_role)
      .field("action", r.action)
      .field_or_null("pupil_id", r.pupil_id)
      .field("resource_type", r.resource_type)
      .field_or_null("resource_id", r.resource_id)
      .field("decision", r.decision)
      .field_or_null("reason", r.reason)
      .field_or_null("legal_basis", r.legal_basis)
      .field("request_id", r.request_id)
      .field("client_address", r.client_address)
      .field("hash", r.hash)
      .field_or_null("actor_name", r.actor_user_id.empty() ? "" : actor_name)
      .end_object();
}

static json::object workspace_may_json(const domain::WorkspaceMay& may) {
  return {{"list_pupils", may.list_pupils},       {"list_cases", may.list_cases},
          {"list_meetings", may.list_meetings},   {"list_own_signals", may.list_own_signals},
          {"triage_signals", may.triage_signals}, {"record_signals", may.record_signals},
          {"import_pupils", may.import_pupils},   {"list_organisations", may.list_organisations},
          {"administer", may.administer},         {"read_audit_log", may.read_audit_log},
          {"explain_others", may.explain_others}, {"read_access_report", may.read_access_report},
          {"family_pupils", may.family_pupils}};
}

json::object me_json(store::ReadTx& tx, const Actor& actor,
                     const std::vector<store::Membership>& memberships) {
  auto organisation = tx.organisation(actor.membership.organisation_id);
  bool in_school = organisation && organisation->type == domain::OrgType::school;
  json::array ms;
  for (const auto& m : memberships)
    if (m.active) ms.push_back(membership_json(m));
  return {{"user", user_json(actor.user)},
          {"memberships", std::move(ms)},
          {"active_membership", membership_json(actor.membership)},
          {"workspace", domain::to_string(domain::workspace_of(actor.viewer))},
          {"may", workspace_may_json(domain::decide_workspace_may(actor.viewer, in_school))},
          {"csrf_token", actor.csrf_token}};
}

json::value optional_instant(const std::optional<domain::Millis>& at) {
  return at ? json::value(domain::format_instant(*at)) : json::value(nullptr);
}

json::value optional_id(const std::string& id) {
  return id.empty() ? json::value(nullptr) : json::value(id);
}

json::object written_object(const std::function<void(http::JsonWriter&)>& write) {
  std::string text;
  http::JsonWriter w(text);
  w.begin_object();
  write(w);
  w.end_object();
  return json::parse(text).as_object();
}

http::Response json_response(int status, const json::value& body) {
  http::Response r;
  r.status = status;
  r.body = json::serialize(body);
  return r;
}

}  // namespace samen::api
