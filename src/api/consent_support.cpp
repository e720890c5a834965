#include "api/consent_support.hpp"

#include <boost/json.hpp>

#include "domain/consent.hpp"

namespace samen::api {
namespace json = boost::json;

namespace {

json::array strings_json(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

json::array missing_json(const domain::MissingParties& missing) {
  json::array out;
  if (missing.guardian) out.emplace_back("guardian");
  if (missing.pupil) out.emplace_back("pupil");
  return out;
}

// A party to a grant, as the `by` of a signature or withdrawal names it.
json::object party_json(const std::string& guardian_id, bool pupil) {
  json::object out;
  if (pupil)
    out["pupil"] = true;
  else
    out["guardian_id"] = guardian_id;
  return out;
}

json::array later_signatures_json(const std::vector<domain::LaterSignature>& signatures) {
  json::array out;
  for (const auto& s : signatures) {
    auto one = party_json(s.guardian_id, s.pupil);
    one["signed_at"] = domain::format_instant(s.at);
    out.push_back(std::move(one));
  }
  return out;
}

}  // namespace

json::object grant_json(const store::ConsentGrantRecord& r, const domain::CaseFacts& p,
                        domain::Millis now) {
  const auto& g = r.grant;
  json::array roles, categories;
  for (auto role : g.recipient_roles) roles.emplace_back(domain::to_string(role));
  for (auto c : g.categories) categories.emplace_back(domain::to_string(c));
  std::string status = "active";
  if (g.withdrawn_at)
    status = "withdrawn";
  else if (now < g.valid_from)
    status = "future";
  else if (g.valid_until && now >= *g.valid_until)
    status = "expired";
  json::object out{
      {"id", g.id},
      {"pupil_id", g.pupil_id},
      {"given_by", json::object{{"guardian_ids", strings_json(g.given_by_guardian_ids)},
                                {"pupil", g.given_by_pupil}}},
      {"recipients", json::object{{"organisation_ids", strings_json(g.recipient_organisation_ids)},
                                  {"roles", std::move(roles)},
                                  {"guardians", g.recipient_guardians}}},
      {"categories", std::move(categories)},
      {"valid_from", domain::format_instant(g.valid_from)},
      {"valid_until",
       g.valid_until ? json::value(domain::format_instant(*g.valid_until)) : json::value(nullptr)},
      {"text", r.text},
      {"recorded_at", domain::format_instant(r.recorded_at)},
      {"status", status},
      {"version", r.version}};
  // The WGBO band now: a grant recorded awaiting a signature, or one a birthday left without
  // a party it needs, is not complete until the missing party signs.
  auto missing = domain::missing_parties(g, domain::consent_band_at(p.pupil_date_of_birth, now),
                                         p.guardians, now);
  out["complete_for_age_now"] = !missing.guardian && !missing.pupil;
  out["missing_parties"] = missing_json(missing);
  out["later_signatures"] = later_signatures_json(g.later_signatures);
  if (g.withdrawn_at) {
    out["withdrawn_at"] = domain::format_instant(*g.withdrawn_at);
    out["withdrawn_by"] = party_json(g.withdrawn_by_guardian_id, g.withdrawn_by_pupil);
  }
  return out;
}

const json::object* read_object(const json::object& body, const char* name, Error& error,
                                const std::string& prefix) {
  auto it = body.find(name);
  if (it == body.end() || !it->value().is_object()) {
    error = Error{"validation_failed", prefix + name + " is required and must be an object",
                  prefix + name};
    return nullptr;
  }
  return &it->value().as_object();
}

}  // namespace samen::api
