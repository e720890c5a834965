#include "domain/consent.hpp"

#include <algorithm>
#include <functional>

namespace samen::domain {
namespace {

template <typename T>
bool contains(const std::vector<T>& values, const T& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool has_authority(const std::vector<GuardianFacts>& guardians, const std::string& guardian_id) {
  return std::any_of(guardians.begin(), guardians.end(), [&](const GuardianFacts& g) {
    return !guardian_id.empty() && g.guardian_id == guardian_id && g.parental_authority;
  });
}

// Whether the party (a guardian, or the pupil when guardian_id is empty) had signed by `at`:
// parties who signed at recording count from valid_from, later ones from their signature.
bool signed_by(const ConsentGrant& grant, const std::string& guardian_id, Millis at) {
  return std::none_of(grant.later_signatures.begin(), grant.later_signatures.end(),
                      [&](const LaterSignature& s) {
                        bool same = guardian_id.empty() ? s.pupil : s.guardian_id == guardian_id;
                        return same && s.at > at;
                      });
}

bool given_by_guardian_with_authority(const ConsentGrant& grant,
                                      const std::vector<GuardianFacts>& guardians, Millis at) {
  return std::any_of(grant.given_by_guardian_ids.begin(), grant.given_by_guardian_ids.end(),
                     [&](const std::string& id) {
                       return has_authority(guardians, id) && signed_by(grant, id, at);
                     });
}

std::string describe_missing(const MissingParties& missing) {
  if (missing.guardian && missing.pupil) return "a guardian with parental authority and the pupil";
  if (missing.guardian) return "a guardian with parental authority";
  return "the pupil";
}

ConsentFinding find(const std::vector<ConsentGrant>& grants, const CaseFacts& c, Millis t,
                    const std::function<bool(const ConsentGrant&)>& covers,
                    const std::string& recipient, EntryCategory category) {
  int age = age_at(c.pupil_date_of_birth, t);
  ConsentBand band = consent_band_for_age(age);
  const ConsentGrant* incomplete = nullptr;
  const ConsentGrant* pending = nullptr;
  for (const auto& grant : grants) {
    if (grant.pupil_id != c.pupil_id || !grant_valid_at(grant, t) || !covers(grant)) continue;
    if (grant_counts_at(grant, c, t))
      return {ConsentStatus::valid, grant.id,
              "consent grant " + grant.id + " covers " + recipient + " and category " +
                  std::string(to_string(category)) + ", and was given by " +
                  std::string(describe(band)) + " as the pupil's age (" + std::to_string(age) +
                  ") requires"};
    if (grant_has_parties_for(grant, band, c.guardians, t)) {
      if (pending == nullptr) pending = &grant;
    } else if (incomplete == nullptr) {
      incomplete = &grant;
    }
  }
  if (pending != nullptr)
    return {ConsentStatus::pending, pending->id,
            "consent grant " + pending->id + " covers " + recipient + " and category " +
                std::string(to_string(category)) +
                ", but a professional recorded it to their own benefit: it counts only once "
                "the family signs it in the portal or a second professional who is not a "
                "recipient confirms it"};
  if (incomplete != nullptr)
    return {ConsentStatus::incomplete_for_age, incomplete->id,
            "consent grant " + incomplete->id + " covers " + recipient + " and category " +
                std::string(to_string(category)) + ", but at age " + std::to_string(age) +
                " the pupil's consent needs " + std::string(describe(band)) + "; " +
                describe_missing(missing_parties(*incomplete, band, c.guardians, t)) +
                " did not give it"};
  return {ConsentStatus::none, "",
          "no consent grant in force at this moment covers " + recipient + " and category " +
              std::string(to_string(category))};
}

}  // namespace

int age_at(Date date_of_birth, Millis t) { return age_on(date_of_birth, netherlands_date_of(t)); }

ConsentBand consent_band_for_age(int age) {
  if (age < 12) return ConsentBand::guardian;
  if (age < 16) return ConsentBand::guardian_and_pupil;
  return ConsentBand::pupil;
}

ConsentBand consent_band_at(Date date_of_birth, Millis t) {
  return consent_band_for_age(age_at(date_of_birth, t));
}

std::string_view describe(ConsentBand band) {
  switch (band) {
    case ConsentBand::guardian:
      return "a guardian with parental authority";
    case ConsentBand::guardian_and_pupil:
      return "a guardian with parental authority and the pupil";
    case ConsentBand::pupil:
      return "the pupil";
  }
  return "unknown";
}

bool grant_valid_at(const ConsentGrant& grant, Millis t) {
  if (t < grant.valid_from) return false;
  if (grant.valid_until && t >= *grant.valid_until) return false;
  if (grant.withdrawn_at && *grant.withdrawn_at <= t) return false;
  return true;
}

bool grant_pending_at(const ConsentGrant& grant, Millis t) {
  return grant.awaits_confirmation && !(grant.confirmed_at && *grant.confirmed_at <= t);
}

bool grant_counts_at(const ConsentGrant& grant, const CaseFacts& pupil, Millis t) {
  return !grant.pupil_id.empty() && grant.pupil_id == pupil.pupil_id && grant_valid_at(grant, t) &&
         !grant_pending_at(grant, t) &&
         grant_has_parties_for(grant, consent_band_at(pupil.pupil_date_of_birth, t),
                               pupil.guardians, t);
}

bool family_confirmed(const ConsentGrant& grant, ConsentBand band,
                      const std::vector<GuardianFacts>& guardians) {
  const auto& signed_here = grant.family_confirmations;
  bool guardian = std::any_of(signed_here.begin(), signed_here.end(), [&](const LaterSignature& s) {
    return !s.pupil && has_authority(guardians, s.guardian_id);
  });
  bool pupil = std::any_of(signed_here.begin(), signed_here.end(),
                           [](const LaterSignature& s) { return s.pupil; });
  switch (band) {
    case ConsentBand::guardian:
      return guardian;
    case ConsentBand::guardian_and_pupil:
      return guardian && pupil;
    case ConsentBand::pupil:
      return pupil;
  }
  return false;
}

bool grant_covers(const ConsentGrant& grant, const std::string& organisation_id, Role role,
                  EntryCategory category) {
  bool recipient =
      (!organisation_id.empty() && contains(grant.recipient_organisation_ids, organisation_id)) ||
      contains(grant.recipient_roles, role);
  return recipient && contains(grant.categories, category);
}

bool grant_covers_guardians(const ConsentGrant& grant, EntryCategory category) {
  return grant.recipient_guardians && contains(grant.categories, category);
}

MissingParties missing_parties(const ConsentGrant& grant, ConsentBand band,
                               const std::vector<GuardianFacts>& guardians, Millis at) {
  MissingParties out;
  out.guardian =
      band != ConsentBand::pupil && !given_by_guardian_with_authority(grant, guardians, at);
  out.pupil = band != ConsentBand::guardian && !(grant.given_by_pupil && signed_by(grant, "", at));
  return out;
}

bool grant_has_parties_for(const ConsentGrant& grant, ConsentBand band,
                           const std::vector<GuardianFacts>& guardians, Millis at) {
  auto missing = missing_parties(grant, band, guardians, at);
  return !missing.guardian && !missing.pupil;
}

ConsentGrant cosigned(ConsentGrant grant, const LaterSignature& signature) {
  if (signature.pupil)
    grant.given_by_pupil = true;
  else
    grant.given_by_guardian_ids.push_back(signature.guardian_id);
  grant.later_signatures.push_back(signature);
  return grant;
}

bool may_withdraw(const ConsentGrant& grant, const std::string& guardian_id, bool as_pupil) {
  if (as_pupil) return grant.given_by_pupil;
  return !guardian_id.empty() && contains(grant.given_by_guardian_ids, guardian_id);
}

ConsentFinding find_consent(const std::vector<ConsentGrant>& grants, const CaseFacts& c,
                            const std::string& organisation_id, Role role, EntryCategory category,
                            Millis t) {
  return find(
      grants, c, t,
      [&](const ConsentGrant& g) { return grant_covers(g, organisation_id, role, category); },
      "organisation " + organisation_id + " or role " + std::string(to_string(role)), category);
}

ConsentFinding find_guardian_consent(const std::vector<ConsentGrant>& grants, const CaseFacts& c,
                                     EntryCategory category, Millis t) {
  return find(
      grants, c, t, [&](const ConsentGrant& g) { return grant_covers_guardians(g, category); },
      "the guardians", category);
}

}  // namespace samen::domain
