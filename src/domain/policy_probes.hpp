#pragma once
// A listing asked about one pupil (GET /api/cases?pupil_id=, /api/signals?pupil_id=) that
// shows the viewer nothing is still an access attempt on that pupil and is audited like one
// (domain.md: "every read, write, export and denied attempt"). The answer stays the same
// empty list for a pupil the viewer may not see and for one without items, so the audit
// row is the only place the difference shows.
#include "domain/policy.hpp"

namespace samen::domain {

// `pupil` is nullptr for an id that names no pupil; `first_refusal` the first item the
// listing left out because the policy denied it, or nullptr when nothing was denied.
//  1 no such pupil → deny `no_such_pupil`;
//  2 an item was refused → that refusal (its rule and reason);
//  3 V may not read the pupil at all → the pupil decision's refusal;
//  4 otherwise allow `listing.empty` on the pupil decision's basis: nothing to show.
Decision decide_empty_listing(const Viewer& viewer, const PupilFacts* pupil,
                              const Decision* first_refusal);

}  // namespace samen::domain
