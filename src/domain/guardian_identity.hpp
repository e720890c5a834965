#pragma once
// A guardian is a person, never a place in a list (domain.md, "Beyond entries"). When a
// pupil's guardians are written again — an update through the API, a row of an import —
// each incoming guardian either is one of the current guardians (and keeps their id, login,
// invitations and consents) or is new; a current guardian who is not among them is ended:
// parental authority gets an end (`until`), the login loses the child at once, the record
// stays so that consents keep naming who gave them.
//
// Who is who: through the API the body names the `id` of each guardian it keeps; in an
// import the school system's guardian number decides where the file has one, else the
// same name together with the same e-mail address or phone number (or, for a guardian
// recorded without either on both sides, the same relation). Pure functions.
#include <string>
#include <vector>

#include "domain/pupil.hpp"
#include "domain/result.hpp"

namespace samen::domain {

// The API: every id in `incoming` must be one of `current` (the pupil's current guardians),
// at most once. An id of anyone else — an ended guardian, another pupil's, a made-up one —
// is refused the same way, naming the field (guardians[1].id), so it reveals nothing.
Status check_kept_guardian_ids(const std::vector<Guardian>& current,
                               const std::vector<Guardian>& incoming);

// The import: gives each incoming guardian the id of the current guardian they are, or
// leaves it empty (a new guardian). Each current guardian is matched at most once.
void match_import_guardians(const std::vector<Guardian>& current, std::vector<Guardian>& incoming);

// A kept guardian whose incoming record leaves the number out keeps the stored one (an
// export without the column, a form that does not show it).
void keep_unstated_numbers(const std::vector<Guardian>& current, std::vector<Guardian>& incoming);

// What writing `incoming` (ids as above) over `current` does, guardian by guardian.
struct GuardianChange {
  enum class Kind { added, ended, changed };
  Kind kind = Kind::added;
  std::string guardian_id;  // empty for an added one (not stored yet)
  std::string name;
};
std::vector<GuardianChange> guardian_changes(const std::vector<Guardian>& current,
                                             const std::vector<Guardian>& incoming);
std::string_view to_string(GuardianChange::Kind kind);

// The current guardians that `incoming` no longer names: those to end.
std::vector<std::string> guardians_to_end(const std::vector<Guardian>& current,
                                          const std::vector<Guardian>& incoming);

}  // namespace samen::domain
