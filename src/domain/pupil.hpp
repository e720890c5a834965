#pragma once
// A pupil as the school administration knows them, with the guardians who speak for them.
// Validation here is the one place that decides what a well-formed pupil is; the API, the
// CSV import and the demo generator all go through it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "domain/result.hpp"

namespace samen::domain {

struct Guardian {
  std::string id;
  std::string name;
  std::string relation;  // free text as the school records it: moeder, vader, voogd, ...
  std::string email;
  std::string phone;
  bool parental_authority = true;  // gezag: decides whether their consent counts (WGBO)
  std::string user_id;             // the guardian's own login, when they have one
  std::string number;              // the school system's guardian number, when its export has one
  // Parental authority's history: from when the guardian stood on the record (unknown for
  // guardians recorded before the history was kept) until they were ended. An ended
  // guardian keeps their id, so consents still name who gave them, but nothing counts.
  std::optional<Millis> from;
  std::optional<Millis> until;
  bool operator==(const Guardian&) const = default;
};

struct Pupil {
  std::string id;
  std::string school_id;
  std::string pupil_number;
  std::string given_name;
  std::string name_prefix;  // tussenvoegsel: "van", "de", "van der"
  std::string family_name;
  Date date_of_birth;
  std::string bsn;  // optional; when present it passes the eleven-test
  std::string class_name;
  std::string mentor_user_id;
  std::optional<Date> enrolment_start;
  std::optional<Date> enrolment_end;
  std::vector<Guardian> guardians;        // current: they speak for the pupil
  std::vector<Guardian> ended_guardians;  // history only (Store::pupil fills it)
  std::string user_id;                    // the pupil's own login, when they have one
  std::int64_t version = 0;
};

// The display name the Dutch way: "Sanne van der Berg".
std::string full_name(const Pupil& pupil);

// Checks every field the domain constrains; the first problem wins, naming its field
// (guardians as "guardians[1].email").
Status validate_pupil(const Pupil& pupil);

// True when the master data a school manages is the same; ids, logins, history and version
// are ignored, and so are ended guardians. The import uses it to tell "updated" from
// "unchanged" once the file's guardians are matched (domain/guardian_identity.hpp).
bool same_master_data(const Pupil& a, const Pupil& b);

}  // namespace samen::domain
