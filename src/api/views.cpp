#include "api/views.hpp"

#include <boost/json.hpp>

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
  json::object out{{"id", p.id},
                   {"school_id", p.school_id},
                   {"given_name", p.given_name},
                   {"name_prefix", p.name_prefix},
                   {"family_name", p.family_name},
                   {"class", p.class_name},
                   {"view", view_code(view)},
                   {"version", p.version}};
  // Identification is the name, class and school alone (domain/policy_record.hpp).
  if (view == domain::PupilView::identification) return out;
  out["pupil_number"] = p.pupil_number;
  out["mentor_user_id"] =
      p.mentor_user_id.empty() ? json::value(nullptr) : json::value(p.mentor_user_id);
  if (!mentor_name.empty()) out["mentor_name"] = mentor_name;
  if (view != domain::PupilView::full) return out;
  out["date_of_birth"] = domain::to_iso(p.date_of_birth);
  out["bsn"] = p.bsn.empty() ? json::value(nullptr) : json::value(p.bsn);
  out["enrolment_start"] =
      p.enrolment_start ? json::value(domain::to_iso(*p.enrolment_start)) : json::value(nullptr);
  out["enrolment_end"] =
      p.enrolment_end ? json::value(domain::to_iso(*p.enrolment_end)) : json::value(nullptr);
  if (!with_guardians) return out;
  json::array guardians, ended;
  for (const auto& g : p.guardians) guardians.push_back(guardian_json(g, viewer_user_id));
  // Parental authority's history: ended guardians stay, so consents still name who gave them.
  for (const auto& g : p.ended_guardians) ended.push_back(guardian_json(g, viewer_user_id));
  out["guardians"] = std::move(guardians);
  out["ended_guardians"] = std::move(ended);
  return out;
}

json::object audit_row_json(const store::AuditRow& r) {
  auto opt = [](const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); };
  return {{"seq", r.seq},
          {"at", r.at},
          {"actor_user_id", opt(r.actor_user_id)},
          {"actor_organisation_id", opt(r.actor_organisation_id)},
          {"actor_role", opt(r.actor_role)},
          {"action", r.action},
          {"pupil_id", opt(r.pupil_id)},
          {"resource_type", r.resource_type},
          {"resource_id", opt(r.resource_id)},
          {"decision", r.decision},
          {"reason", opt(r.reason)},
          {"legal_basis", opt(r.legal_basis)},
          {"request_id", r.request_id},
          {"client_address", r.client_address},
          {"hash", r.hash}};
}

json::object me_json(const Actor& actor, const std::vector<store::Membership>& memberships) {
  json::array ms;
  for (const auto& m : memberships)
    if (m.active) ms.push_back(membership_json(m));
  return {{"user", user_json(actor.user)},
          {"memberships", std::move(ms)},
          {"active_membership", membership_json(actor.membership)},
          {"csrf_token", actor.csrf_token}};
}

json::value optional_instant(const std::optional<domain::Millis>& at) {
  return at ? json::value(domain::format_instant(*at)) : json::value(nullptr);
}

json::value optional_id(const std::string& id) {
  return id.empty() ? json::value(nullptr) : json::value(id);
}

http::Response json_response(int status, const json::value& body) {
  http::Response r;
  r.status = status;
  r.body = json::serialize(body);
  return r;
}

}  // namespace samen::api
