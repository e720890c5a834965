#pragma once
// The cases of the demo region: the seeds' stories, so that a newcomer finds every state a
// case can be in — an untriaged signal in the care coordinator's queue, a signal closed
// with advice, an attendance case whose team holds the attendance officer (legal duty) and
// the family worker (with the consent of the parents and the 13-year-old pupil), a youth
// nurse's discipline note, a case opened to the neighbourhood team by a safety decision, a
// primary-school case with a guardian's consent, a withdrawn consent, a closed case, and a
// pupil whose father's parental authority ended (a guardian history).
// Fixed instants in the autumn of 2026, so the region is the same whatever day it is made.
#include <optional>
#include <string>
#include <vector>

#include "domain/pupil.hpp"
#include "store/store.hpp"

namespace samen::demo {

// The professionals of the region the stories need (membership ids, with their users).
struct DemoPeople {
  struct Person {
    std::string user_id;
    std::string membership_id;
    std::string organisation_id;
  };
  Person mentor, teacher, care_coordinator, primary_care_coordinator, school_care_worker,
      attendance_officer, youth_nurse, family_worker, inclusion_counsellor;
};

// Pupils to build the stories on, as stored (with guardian ids). Stories without a pupil
// are left out, so a small region (--pupils 20) still works.
struct DemoCasePupils {
  std::optional<domain::Pupil> guardian_child;  // the demo guardian's child (class 2A)
  std::optional<domain::Pupil> pupil_login;     // the demo pupil (year 5, 16 or older)
  std::vector<domain::Pupil> secondary;         // more pupils of Het Baken College
  std::vector<domain::Pupil> primary;           // pupils of OBS De Wilgenhoek
};

// Returns how many cases it wrote.
int add_demo_cases(store::WriteTx& tx, const DemoPeople& people, const DemoCasePupils& pupils);

}  // namespace samen::demo
