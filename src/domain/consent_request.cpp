#include "domain/consent_request.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace samen::domain {
namespace {

constexpr std::array<std::pair<ConsentRequestStatus, std::string_view>, 4> kStatuses{{
    {ConsentRequestStatus::open, "open"},
    {ConsentRequestStatus::agreed, "agreed"},
    {ConsentRequestStatus::declined, "declined"},
    {ConsentRequestStatus::withdrawn, "withdrawn"},
}};

bool same_party(const LaterSignature& s, const ConsentAnswer& a) {
  return a.pupil ? s.pupil : (!s.pupil && s.guardian_id == a.guardian_id);
}

bool has_authority(const CaseFacts& p, const std::string& guardian_id) {
  return std::any_of(p.guardians.begin(), p.guardians.end(), [&](const GuardianFacts& g) {
    return !guardian_id.empty() && g.guardian_id == guardian_id && g.parental_authority;
  });
}

// The request's agreements as a grant's parties, so the WGBO band check is the grants' own.
ConsentGrant parties_of(const ConsentRequest& r) {
  ConsentGrant g;
  for (const auto& s : r.agreements) {
    if (s.pupil)
      g.given_by_pupil = true;
    else
      g.given_by_guardian_ids.push_back(s.guardian_id);
  }
  return g;
}

}  // namespace

std::string_view to_string(ConsentRequestStatus status) {
  for (const auto& [v, name] : kStatuses)
    if (v == status) return name;
  return "unknown";
}

std::optional<ConsentRequestStatus> parse_consent_request_status(std::string_view code) {
  for (const auto& [v, name] : kStatuses)
    if (name == code) return v;
  return std::nullopt;
}

Status check_consent_answer(const ConsentRequest& r, const CaseFacts& p, const ConsentAnswer& a) {
  std::string field = a.pupil ? "by.pupil" : "by.guardian_id";
  if (r.status != ConsentRequestStatus::open)
    return Error{"request_closed", "this request has been answered or withdrawn already", ""};
  if (r.valid_until && a.at >= *r.valid_until)
    return Error{"request_expired", "the period this request asks about has ended", ""};
  if (std::any_of(r.agreements.begin(), r.agreements.end(),
                  [&](const LaterSignature& s) { return same_party(s, a); }))
    return Error{"already_answered", "this party has answered the request already", field};
  ConsentBand band = consent_band_at(p.pupil_date_of_birth, a.at);
  if (a.pupil && band == ConsentBand::guardian)
    return Error{"not_a_required_party",
                 "under 12 the guardians answer; the pupil's own answer counts from 12", field};
  if (!a.pupil && band == ConsentBand::pupil)
    return Error{"not_a_required_party", "from 16 the pupil answers alone", field};
  if (!a.pupil && !has_authority(p, a.guardian_id))
    return Error{"validation_failed", "is not a guardian of this pupil with parental authority",
                 field};
  return ok_status();
}

ConsentRequest answered(ConsentRequest r, const CaseFacts& p, const ConsentAnswer& a) {
  if (!a.agree) {
    r.status = ConsentRequestStatus::declined;
    r.closed_at = a.at;
    r.declined_by_guardian_id = a.pupil ? "" : a.guardian_id;
    r.declined_by_pupil = a.pupil;
    return r;
  }
  r.agreements.push_back(LaterSignature{a.pupil ? "" : a.guardian_id, a.pupil, a.at});
  ConsentBand band = consent_band_at(p.pupil_date_of_birth, a.at);
  if (grant_has_parties_for(parties_of(r), band, p.guardians)) {
    r.status = ConsentRequestStatus::agreed;
    r.closed_at = a.at;
  }
  return r;
}

ConsentGrant grant_from_request(const ConsentRequest& r, Millis at) {
  ConsentGrant g = parties_of(r);
  g.pupil_id = r.pupil_id;
  g.recipient_organisation_ids = r.recipient_organisation_ids;
  g.recipient_roles = r.recipient_roles;
  g.categories = r.categories;
  g.valid_from = std::max(r.valid_from, at);
  g.valid_until = r.valid_until;
  g.obtained_via = ConsentSource::portal;
  return g;
}

}  // namespace samen::domain
