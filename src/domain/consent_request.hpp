#pragma once
// A consent request: the normal, digital way consent comes about (issue 11). A professional
// around the pupil asks the family, in plain Dutch, whether they agree that named
// organisations or roles receive the pupil's data of some categories for a period; the
// parties the pupil's age requires at the moment they answer (WGBO: under 12 a guardian with
// parental authority, 12 to 15 such a guardian and the pupil, 16 and over the pupil alone)
// each agree or decline in the family portal. When all required parties agreed, the
// request becomes a consent grant given by them (obtained_via portal); a decline by any of
// them closes it; the sender may withdraw it while it is open. Pure functions.
#include <optional>
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/consent.hpp"
#include "domain/result.hpp"

namespace samen::domain {

enum class ConsentRequestStatus { open, agreed, declined, withdrawn };
std::string_view to_string(ConsentRequestStatus status);
std::optional<ConsentRequestStatus> parse_consent_request_status(std::string_view code);

struct ConsentRequest {
  std::string id;
  std::string pupil_id;
  std::vector<std::string> recipient_organisation_ids;
  std::vector<Role> recipient_roles;
  std::vector<EntryCategory> categories;
  Millis valid_from = 0;
  std::optional<Millis> valid_until;
  std::string sent_by_user_id;
  std::string sent_by_membership_id;
  Millis sent_at = 0;
  ConsentRequestStatus status = ConsentRequestStatus::open;
  // The parties who agreed so far, each at the moment they answered.
  std::vector<LaterSignature> agreements;
  // How it closed: the party who declined (a guardian id, or the pupil), when; the grant it
  // became.
  std::optional<Millis> closed_at;
  std::string declined_by_guardian_id;
  bool declined_by_pupil = false;
  std::string grant_id;
};

// One party's answer, as the family portal gives it.
struct ConsentAnswer {
  std::string guardian_id;  // a guardian ...
  bool pupil = false;       // ... or the pupil
  bool agree = false;
  Millis at = 0;
};

// Whether the answer can be taken: the request is open (`request_closed`), has not ended
// (`request_expired`), the party has not answered already (`already_answered`), and the
// party is one the pupil's age at `answer.at` requires (`not_a_required_party` on the `by`
// field: the pupil under 12, a guardian of a pupil of 16+), a guardian with parental
// authority.
Status check_consent_answer(const ConsentRequest& request, const CaseFacts& pupil,
                            const ConsentAnswer& answer);

// The request with the answer taken: a decline closes it, an agreement is added and, when
// the parties the age requires at answer.at have all agreed, `status` becomes agreed (the
// caller then records grant_from_request in the same transaction).
ConsentRequest answered(ConsentRequest request, const CaseFacts& pupil,
                        const ConsentAnswer& answer);

// The grant an agreed request becomes at `at`: given by the parties who agreed, for the
// request's recipients, categories and period, from `at` at the earliest (consent never
// counts before it was given), obtained in the portal, not awaiting confirmation.
ConsentGrant grant_from_request(const ConsentRequest& request, Millis at);

}  // namespace samen::domain
