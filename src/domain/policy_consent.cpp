#include "domain/policy_consent.hpp"

#include <algorithm>

#include "domain/consent.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_entries.hpp"
#include "domain/policy_family.hpp"

namespace samen::domain {
namespace {

Decision allow(std::string rule, std::string basis, std::string why) {
  Decision d;
  d.allowed = true;
  d.rule = std::move(rule);
  d.legal_basis = std::move(basis);
  d.reasons = {std::move(why)};
  return d;
}

Decision deny(std::string rule, std::string reason, std::string why) {
  Decision d;
  d.rule = std::move(rule);
  d.reason = std::move(reason);
  d.reasons = {std::move(why)};
  return d;
}

bool is_professional(const Viewer& v) {
  return !is_family_role(v.role) && !is_role_without_case_access(v.role);
}

bool names(const ConsentGrant& g, const Viewer& m) {
  bool org = !m.organisation_id.empty() &&
             std::find(g.recipient_organisation_ids.begin(), g.recipient_organisation_ids.end(),
                       m.organisation_id) != g.recipient_organisation_ids.end();
  bool role = std::find(g.recipient_roles.begin(), g.recipient_roles.end(), m.role) !=
              g.recipient_roles.end();
  return org || role;
}

// The viewer's seat at a table of one of the pupil's cases (the care coordinator of the
// pupil's school has one on every case), empty when none.
std::string seat_at_any_table(const Viewer& v, const CaseFacts& p,
                              const std::vector<CaseFacts>& cases) {
  for (const auto& c : cases)
    if (auto seat = seat_at_table(v, c); !seat.empty()) return seat;
  return seat_at_table(v, p);
}

}  // namespace

bool grant_widens_access_of(const ConsentGrant& g, const std::vector<Viewer>& memberships) {
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const Viewer& m) { return !is_family_role(m.role) && names(g, m); });
}

Decision decide_grant_confirmation(const Viewer& v, const std::vector<Viewer>& memberships,
                                   const CaseFacts& p, const std::vector<CaseFacts>& cases,
                                   const ConsentGrant& g, const std::string& recorded_by_user_id) {
  const char* rule = "consent.confirm";
  if (!is_professional(v))
    return deny(rule, "not_professional",
                "a grant is confirmed by a professional of the pupil's school; the family signs "
                "it in the portal instead");
  if (v.organisation_id.empty() || v.organisation_id != p.school_id)
    return deny(rule, "not_school_team",
                "a grant is confirmed by a professional acting for the pupil's school");
  std::string seat = seat_at_any_table(v, p, cases);
  if (seat.empty())
    return deny(rule, "not_school_team",
                "a grant is confirmed by the care coordinator or a professional at the table of "
                "a case of the pupil");
  if (!recorded_by_user_id.empty() && v.user_id == recorded_by_user_id)
    return deny(rule, "own_grant", "nobody confirms a grant they recorded themself");
  std::vector<Viewer> all = memberships;
  all.push_back(v);
  if (grant_widens_access_of(g, all))
    return deny(rule, "recipient",
                "the grant names one of the viewer's organisations or roles: a recipient does "
                "not confirm consent that benefits them");
  return allow(rule, "second_professional",
               "the viewer is " + seat +
                   ", acts for the pupil's school, did not record the grant "
                   "and is not among its recipients");
}

Status check_family_signature(const ConsentGrant& g, const CaseFacts& p, const LaterSignature& s) {
  bool confirming = g.awaits_confirmation && !g.confirmed_at;
  bool party = s.pupil ? g.given_by_pupil
                       : std::find(g.given_by_guardian_ids.begin(), g.given_by_guardian_ids.end(),
                                   s.guardian_id) != g.given_by_guardian_ids.end();
  if (!confirming || !party) return check_cosignature(g, p, s);
  bool confirmed_already = std::any_of(
      g.family_confirmations.begin(), g.family_confirmations.end(), [&](const LaterSignature& c) {
        return s.pupil ? c.pupil : (!c.pupil && c.guardian_id == s.guardian_id);
      });
  if (confirmed_already)
    return Error{"already_signed", "this party has signed the grant already",
                 s.pupil ? "by.pupil" : "by.guardian_id"};
  // Everything else check_cosignature asks of a new party still holds.
  LaterSignature as_new = s;
  ConsentGrant without = g;
  if (s.pupil)
    without.given_by_pupil = false;
  else
    without.given_by_guardian_ids.clear();
  return check_cosignature(without, p, as_new);
}

ConsentGrant signed_in_portal(ConsentGrant g, const CaseFacts& p, const LaterSignature& s) {
  bool party = s.pupil ? g.given_by_pupil
                       : std::find(g.given_by_guardian_ids.begin(), g.given_by_guardian_ids.end(),
                                   s.guardian_id) != g.given_by_guardian_ids.end();
  if (!party) g = cosigned(std::move(g), s);
  if (g.awaits_confirmation && !g.confirmed_at) {
    g.family_confirmations.push_back(s);
    if (family_confirmed(g, consent_band_at(p.pupil_date_of_birth, s.at), p.guardians))
      g.confirmed_at = s.at;
  }
  return g;
}

Decision decide_consent_request_send(const Viewer& v, const CaseFacts& p,
                                     const std::vector<CaseFacts>& cases, Millis t) {
  const char* rule = "consent.request_send";
  if (!is_professional(v))
    return deny(rule, "not_professional",
                "consent requests are sent by the professionals around "
                "the pupil; the family answers them");
  std::string seat = seat_at_any_table(v, p, cases);
  if (!seat.empty()) return allow(rule, "need_to_know", "the viewer is " + seat);
  auto recording = decide_consent_recording_any(v, p, cases, {}, false, t);
  if (recording.allowed)
    return allow(rule, recording.legal_basis, "the viewer records consent for this pupil");
  return deny(rule, "not_on_case_team",
              "consent requests are sent by the care coordinator and the case team");
}

Decision decide_consent_request_read(const Viewer& v, const CaseFacts& p,
                                     const std::vector<CaseFacts>& cases,
                                     const ConsentRequest* request, Millis t) {
  const char* rule = "consent.request_read";
  auto read = decide_consent_read(v, p, cases, nullptr, t);
  if (!read.allowed) return deny(rule, read.reason, read.reasons.front());
  if (request && family_tie(v, p) == FamilyTie::guardian && age_at(p.pupil_date_of_birth, t) >= 16)
    return deny(rule, "not_for_family", "from 16 the pupil answers consent requests alone");
  return allow(rule, read.legal_basis, read.reasons.front());
}

Decision decide_consent_request_answer(const Viewer& v, const CaseFacts& p,
                                       const std::string& as_guardian_id, bool as_pupil) {
  const char* rule = "consent.request_answer";
  if (!is_family_role(v.role))
    return deny(rule, "not_own_consent",
                "the family answers a consent request in the portal, each for themself");
  auto tie = family_tie(v, p);
  if (tie == FamilyTie::pupil && as_pupil && as_guardian_id.empty())
    return allow(rule, "family", "the pupil answers for themself");
  if (tie == FamilyTie::guardian && !as_pupil)
    for (const auto& g : p.guardians)
      if (g.guardian_id == as_guardian_id && g.user_id == v.user_id && g.parental_authority)
        return allow(rule, "family", "a guardian with parental authority answers for themself");
  return deny(rule, "not_own_consent",
              "a family member answers only for themself, as a guardian with parental authority "
              "or as the pupil");
}

Decision decide_consent_request_withdraw(const Viewer& v, const ConsentRequest& r) {
  const char* rule = "consent.request_withdraw";
  if (!v.user_id.empty() && v.user_id == r.sent_by_user_id)
    return allow(rule, "sender", "the sender withdraws their own request");
  return deny(rule, "not_sender", "only the professional who sent a request withdraws it");
}

}  // namespace samen::domain
