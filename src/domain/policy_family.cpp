#include "domain/policy_family.hpp"

#include <algorithm>

#include "domain/consent.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_entries.hpp"

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

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The guardian record a guardian login acts as, for P (with parental authority).
std::string guardian_id_of(const Viewer& v, const CaseFacts& c) {
  for (const auto& g : c.guardians)
    if (!g.user_id.empty() && g.user_id == v.user_id && g.parental_authority) return g.guardian_id;
  return {};
}

bool has_parental_authority(const CaseFacts& p, const std::string& guardian_id) {
  return std::any_of(p.guardians.begin(), p.guardians.end(), [&](const GuardianFacts& g) {
    return g.guardian_id == guardian_id && g.parental_authority;
  });
}

Status field_error(std::string field, std::string message) {
  return Error{"validation_failed", std::move(message), std::move(field)};
}

}  // namespace

Decision decide_consent_read(const Viewer& v, const CaseFacts& p,
                             const std::vector<CaseFacts>& cases, const ConsentGrant* grant,
                             Millis t) {
  const char* rule = "family.consent_read";
  if (is_role_without_case_access(v.role))
    return deny(rule, "role_without_case_access",
                std::string(to_string(v.role)) + " does not read consent records");
  if (is_family_role(v.role)) {
    auto tie = family_tie(v, p);
    if (tie == FamilyTie::pupil) return allow(rule, "family", "the pupil reads their own consents");
    if (tie == FamilyTie::guardian) {
      if (age_at(p.pupil_date_of_birth, t) < 16)
        return allow(rule, "family", "a guardian with parental authority of a pupil under 16");
      if (!grant)
        return allow(rule, "family",
                     "a guardian of a pupil of 16+ sees the grants they are a party to or that "
                     "name guardians");
      if (contains(grant->given_by_guardian_ids, guardian_id_of(v, p)) ||
          grant->recipient_guardians)
        return allow(rule, "family", "the guardian is a party to the grant or a recipient");
      return deny(rule, "not_for_family",
                  "from 16 the pupil decides alone; this grant is not the guardian's");
    }
    return deny(rule, "not_for_family", "family logins read only their own or their child's");
  }
  for (const auto& c : cases) {
    std::string seat = seat_at_table(v, c);
    if (!seat.empty()) return allow(rule, "need_to_know", "the viewer is " + seat);
  }
  auto recording = decide_consent_recording_any(v, p, cases, {}, false, t);
  if (recording.allowed)
    return allow(rule, recording.legal_basis, "the viewer records consent for this pupil");
  return deny(rule, "not_on_case_team",
              "consent records are read by the family, the care coordinator and the case team");
}

Decision decide_consent_recording_any(const Viewer& v, const CaseFacts& p,
                                      const std::vector<CaseFacts>& cases,
                                      const std::vector<std::string>& as_guardian_ids,
                                      bool as_pupil, Millis t) {
  auto first = decide_consent_recording(v, p, as_guardian_ids, as_pupil, t);
  if (first.allowed || is_family_role(v.role)) return first;
  for (const auto& c : cases) {
    auto d = decide_consent_recording(v, c, as_guardian_ids, as_pupil, t);
    if (d.allowed) return d;
  }
  return first;
}

Decision decide_family_invitation(const Viewer& v, const std::string& school_id) {
  const char* rule = "family.invitation";
  bool role = v.role == Role::care_coordinator || v.role == Role::admin;
  if (role && !school_id.empty() && v.organisation_id == school_id)
    return allow(rule, "school_administration",
                 "the care coordinator or admin of the pupil's school invites its families");
  return deny(rule, "not_school_administration",
              "only the care coordinator or admin of the pupil's school invites family logins");
}

Decision decide_family_pupils_listing(const Viewer& v) {
  if (!is_family_role(v.role))
    return deny("family.pupils_listing", "not_for_professionals",
                "this is the family's own view; use /api/pupils");
  return allow("family.pupils_listing", "family",
               "a family login lists the pupils it is linked to");
}

Decision decide_invitation_link(const Viewer& v, const std::vector<Role>& login_roles,
                                const std::string& login_email,
                                const std::string& invitation_email) {
  const char* rule = "family.invitation_link";
  bool guardian_only = std::all_of(login_roles.begin(), login_roles.end(),
                                   [](Role r) { return r == Role::guardian; });
  if (v.role != Role::guardian || !guardian_only)
    return deny(rule, "not_guardian_login",
                "only a guardian login adds a child; ask the school to invite another address");
  if (login_email.empty() || login_email != invitation_email)
    return deny(rule, "other_address",
                "this invitation was sent to another e-mail address; ask the school to invite "
                "the address you log in with");
  return allow(rule, "invitation",
               "the guardian, logged in with the invited address, adds this child to their "
               "login");
}

Decision decide_family_view(const Viewer& v, const CaseFacts& c, EntryCategory category,
                            const std::vector<ConsentGrant>& grants, Millis t) {
  const char* rule = "family.view";
  if (!is_family_role(v.role))
    return deny(rule, "not_for_family",
                "the family's view is the family's own; professionals write in the chronology");
  // A draft by nobody in particular, marked for the family: rule 1 cannot decide, so rule 3
  // does, on the same facts and grants a read of the finished entry will meet.
  EntryFacts draft;
  draft.case_id = c.case_id;
  draft.pupil_id = c.pupil_id;
  draft.audience = Audience::case_team;
  draft.category = category;
  draft.family_visible = true;
  Decision read = decide_entry_access(v, draft, c, grants, {}, t);
  Decision d = read.allowed ? allow(rule, "family", read.reasons.back())
                            : deny(rule, read.reason, read.reasons.back());
  d.reasons.insert(d.reasons.begin(),
                   "a family member writes their view where rule 3 lets them read the family's "
                   "entries of its category");
  d.consent_id = read.consent_id;
  return d;
}

Decision decide_access_log_read(const Viewer& v, const CaseFacts& p,
                                const std::vector<ConsentGrant>& grants, Millis t) {
  const char* rule = "family.access_log";
  if (!is_family_role(v.role))
    return deny(rule, "not_for_family",
                "this is the family's own view; professionals use the audit log");
  auto tie = family_tie(v, p);
  if (tie == FamilyTie::pupil) return allow(rule, "family", "the pupil sees who read their file");
  if (tie == FamilyTie::guardian) {
    if (age_at(p.pupil_date_of_birth, t) < 16)
      return allow(rule, "family", "a guardian with parental authority of a pupil under 16");
    for (auto category : all_entry_categories()) {
      auto found = find_guardian_consent(grants, p, category, t);
      if (found.status == ConsentStatus::valid) {
        auto d = allow(rule, "family", "the pupil of 16+ lets the guardians see their file");
        d.consent_id = found.grant_id;
        return d;
      }
    }
    return deny(rule, "not_for_family",
                "from 16 the pupil decides alone; the guardians need the pupil's consent");
  }
  return deny(rule, "not_for_family", "family logins see only their own or their child's file");
}

Status check_grant_parties(const ConsentGrant& g, const CaseFacts& p, bool awaiting_signature) {
  for (std::size_t i = 0; i < g.given_by_guardian_ids.size(); ++i) {
    if (!has_parental_authority(p, g.given_by_guardian_ids[i]))
      return field_error("given_by.guardian_ids[" + std::to_string(i) + "]",
                         "is not a guardian of this pupil with parental authority");
  }
  if (g.valid_until && *g.valid_until <= g.valid_from)
    return field_error("valid_until", "valid_until must be after valid_from");
  if (g.given_by_guardian_ids.empty() && !g.given_by_pupil)
    return field_error("given_by", "a grant needs at least one party");
  if (g.recipient_guardians && !g.given_by_pupil)
    return field_error("recipients.guardians",
                       "only the pupil lets the guardians see their file (from 16); the pupil "
                       "must be a party");
  if (awaiting_signature) return ok_status();
  switch (consent_band_at(p.pupil_date_of_birth, g.valid_from)) {
    case ConsentBand::guardian:
      if (g.given_by_guardian_ids.empty())
        return field_error("given_by.guardian_ids",
                           "under 12 a guardian with parental authority gives consent");
      break;
    case ConsentBand::guardian_and_pupil:
      if (g.given_by_guardian_ids.empty())
        return field_error("given_by.guardian_ids",
                           "from 12 to 15 a guardian with parental authority and the pupil both "
                           "give consent");
      if (!g.given_by_pupil)
        return field_error("given_by.pupil",
                           "from 12 to 15 the pupil gives consent as well as a guardian");
      break;
    case ConsentBand::pupil:
      if (!g.given_by_pupil)
        return field_error("given_by.pupil", "from 16 the pupil alone gives consent");
      break;
  }
  return ok_status();
}

Status check_cosignature(const ConsentGrant& g, const CaseFacts& p, const LaterSignature& s) {
  std::string field = s.pupil ? "by.pupil" : "by.guardian_id";
  if (g.withdrawn_at)
    return Error{"already_withdrawn", "this grant was withdrawn; it can no longer be signed", ""};
  if (g.valid_until && s.at >= *g.valid_until)
    return Error{"grant_expired", "this grant has ended; record a new one", ""};
  bool party = s.pupil ? g.given_by_pupil : contains(g.given_by_guardian_ids, s.guardian_id);
  if (party) return Error{"already_signed", "this party has signed the grant already", field};
  if (!s.pupil && !has_parental_authority(p, s.guardian_id))
    return field_error(field, "is not a guardian of this pupil with parental authority");
  return ok_status();
}

}  // namespace samen::domain
