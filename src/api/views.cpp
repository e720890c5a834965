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

json::object pupil_json(const domain::Pupil& p, domain::PupilView view,
                        const std::string& mentor_name, bool with_guardians,
                        const std::string& viewer_user_id) {
  json::object out{{"id", p.id},
                   {"school_id", p.school_id},
                   {"pupil_number", p.pupil_number},
                   {"given_name", p.given_name},
                   {"name_prefix", p.name_prefix},
                   {"family_name", p.family_name},
                   {"class", p.class_name},
                   {"mentor_user_id", p.mentor_user_id.empty() ? json::value(nullptr)
                                                               : json::value(p.mentor_user_id)},
                   {"view", view == domain::PupilView::full ? "full" : "directory"},
                   {"version", p.version}};
  if (!mentor_name.empty()) out["mentor_name"] = mentor_name;
  if (view != domain::PupilView::full) return out;
  out["date_of_birth"] = domain::to_iso(p.date_of_birth);
  out["bsn"] = p.bsn.empty() ? json::value(nullptr) : json::value(p.bsn);
  out["enrolment_start"] =
      p.enrolment_start ? json::value(domain::to_iso(*p.enrolment_start)) : json::value(nullptr);
  out["enrolment_end"] =
      p.enrolment_end ? json::value(domain::to_iso(*p.enrolment_end)) : json::value(nullptr);
  if (!with_guardians) return out;
  json::array guardians;
  for (const auto& g : p.guardians)
    guardians.push_back(
        json::object{{"id", g.id},
                     {"name", g.name},
                     {"relation", g.relation},
                     {"email", g.email.empty() ? json::value(nullptr) : json::value(g.email)},
                     {"phone", g.phone.empty() ? json::value(nullptr) : json::value(g.phone)},
                     {"parental_authority", g.parental_authority},
                     {"has_login", !g.user_id.empty()},
                     {"is_you", !viewer_user_id.empty() && g.user_id == viewer_user_id}});
  out["guardians"] = std::move(guardians);
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
