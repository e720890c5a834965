#include "api/consent_support.hpp"

#include <boost/json.hpp>

#include "api/auth.hpp"
#include "domain/consent.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_workspace.hpp"
#include "domain/text.hpp"

namespace samen::api {
namespace json = boost::json;

namespace {

json::array strings_json(const std::vector<std::string>& v) {
  json::array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

// A date (local midnight in the Netherlands, the day consent starts) or an instant.
std::optional<domain::Millis> read_moment(const std::string& text) {
  if (text.size() == 10) {
    auto d = domain::parse_iso_date(text);
    if (!d) return std::nullopt;
    return domain::netherlands_midnight(*d);
  }
  return domain::parse_instant(text);
}

Result<std::vector<std::string>> read_strings_impl(JsonReader& in, const char* name,
                                                   bool required) {
  const json::array* items = in.array(name, required);
  if (!in.ok()) return in.error();
  std::vector<std::string> out;
  if (!items) return out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    if (!(*items)[i].is_string())
      return Error{"validation_failed", "each item must be a string",
                   in.field(name) + "[" + std::to_string(i) + "]"};
    out.emplace_back((*items)[i].as_string());
  }
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
  else if (domain::grant_pending_at(g, now))
    status = "pending";
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
  out["obtained_via"] = std::string(domain::to_string(g.obtained_via));
  out["awaits_confirmation"] = g.awaits_confirmation;
  out["family_confirmations"] = later_signatures_json(g.family_confirmations);
  if (g.confirmed_at) {
    out["confirmed_at"] = domain::format_instant(*g.confirmed_at);
    out["confirmed_by"] = r.confirmed_by_user_id.empty() ? "family" : "professional";
  }
  if (g.withdrawn_at) {
    out["withdrawn_at"] = domain::format_instant(*g.withdrawn_at);
    out["withdrawn_by"] = party_json(g.withdrawn_by_guardian_id, g.withdrawn_by_pupil);
  }
  return out;
}

Result<std::vector<std::string>> read_strings(JsonReader& in, const char* name, bool required) {
  return read_strings_impl(in, name, required);
}

Result<ConsentScope> read_consent_scope(const json::object& body, store::ReadTx& tx,
                                        const std::string& region_id, bool guardians_allowed) {
  JsonReader in(body);
  ConsentScope out;
  Error error;
  const json::object* recipients = read_object(body, "recipients", error);
  if (!recipients) return error;
  JsonReader to(*recipients, "recipients.");
  if (guardians_allowed)
    to.allow_only({"organisation_ids", "roles", "guardians"});
  else
    to.allow_only({"organisation_ids", "roles"});
  auto orgs = read_strings(to, "organisation_ids", false);
  if (!orgs) return orgs.error();
  for (std::size_t i = 0; i < orgs->size(); ++i) {
    auto org = tx.organisation((*orgs)[i]);
    if (!org || org->region_id != region_id)
      return Error{"validation_failed", "is not an organisation of this region",
                   "recipients.organisation_ids[" + std::to_string(i) + "]"};
  }
  out.organisation_ids = *orgs;
  auto roles = read_strings(to, "roles", false);
  if (!roles) return roles.error();
  for (std::size_t i = 0; i < roles->size(); ++i) {
    auto role = domain::parse_role((*roles)[i]);
    if (!role || !domain::works_on_cases(*role))
      return Error{"validation_failed", "is not a role that works on cases",
                   "recipients.roles[" + std::to_string(i) + "]"};
    out.roles.push_back(*role);
  }
  out.guardians = guardians_allowed && to.boolean("guardians", false);
  if (!to.ok()) return to.error();
  if (out.organisation_ids.empty() && out.roles.empty() && !out.guardians)
    return Error{"validation_failed",
                 guardians_allowed ? "name at least one organisation, role or the guardians"
                                   : "name at least one organisation or role",
                 "recipients"};
  auto categories = read_strings(in, "categories", true);
  if (!categories) return categories.error();
  for (std::size_t i = 0; i < categories->size(); ++i) {
    auto c = domain::parse_entry_category((*categories)[i]);
    if (!c)
      return Error{"validation_failed", "is not a known category",
                   "categories[" + std::to_string(i) + "]"};
    out.categories.push_back(*c);
  }
  if (out.categories.empty())
    return Error{"validation_failed", "name at least one category", "categories"};
  for (auto [name, required] : {std::pair{"valid_from", true}, std::pair{"valid_until", false}}) {
    std::string value = in.text(name, required);
    if (!in.ok()) return in.error();
    if (value.empty()) continue;
    auto moment = read_moment(value);
    if (!moment)
      return Error{"validation_failed",
                   std::string(name) + " must be a date (yyyy-mm-dd) or an ISO 8601 instant", name};
    if (std::string_view(name) == "valid_from")
      out.valid_from = *moment;
    else
      out.valid_until = *moment;
  }
  if (out.valid_until && *out.valid_until <= out.valid_from)
    return Error{"validation_failed", "valid_until must be after valid_from", "valid_until"};
  return out;
}

json::object recorder_json(store::ReadTx& tx, const store::ConsentGrantRecord& r, bool with_name) {
  json::object out;
  auto m = r.recorded_by_membership_id.empty() ? std::nullopt
                                               : tx.membership(r.recorded_by_membership_id);
  if (m) {
    out["role"] = std::string(domain::to_string(m->role));
    if (auto org = tx.organisation(m->organisation_id)) out["organisation"] = org->name;
  }
  if (with_name)
    if (auto u = tx.user(r.recorded_by_user_id)) out["name"] = u->name;
  return out;
}

std::vector<domain::Viewer> active_viewers(store::ReadTx& tx, const store::User& user) {
  std::vector<domain::Viewer> out;
  for (const auto& m : tx.memberships_of(user.id))
    if (m.active) out.push_back(viewer_of(user, m));
  return out;
}

Status read_party(const json::object& body, std::string& guardian_id, bool& pupil) {
  Error error;
  const json::object* by_object = read_object(body, "by", error);
  if (!by_object) return error;
  JsonReader by(*by_object, "by.");
  by.allow_only({"guardian_id", "pupil"});
  guardian_id = by.text("guardian_id", false);
  pupil = by.boolean("pupil", false);
  if (!by.ok()) return by.error();
  if (guardian_id.empty() == !pupil)
    return Error{"validation_failed", "name either by.guardian_id or by.pupil: true", "by"};
  return ok_status();
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
