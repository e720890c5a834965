#pragma once
// A case put forward for the case consultation ("to discuss", with a question; issue 14):
// finding the open one, showing it on the case, and the school's next consultation it goes
// to. A case put forward after that meeting's agenda was proposed is added to it at once —
// the chair still reorders or removes it — and withdrawn, an item that was there for that
// alone leaves it again; whom the change concerns is told (api/meeting_invites.hpp).
#include <boost/json.hpp>
#include <optional>
#include <string>

#include "api/auth.hpp"
#include "api/context.hpp"
#include "store/store.hpp"

namespace samen::api {

std::optional<store::PutForwardRecord> open_put_forward(store::ReadTx& tx,
                                                        const std::string& case_id);

// For the case page: who put it forward, when, the question (`with_question`: for a viewer
// with a legal basis for the pupil, like the plan) and whether the viewer may withdraw it;
// null when the case is not put forward, or for whom it is not (may_see_put_forward).
boost::json::value put_forward_json(store::ReadTx& tx,
                                    const std::optional<store::PutForwardRecord>& p,
                                    const domain::Viewer& viewer, const domain::CaseFacts& facts,
                                    bool with_question);

// The school's next case consultation whose agenda can still change (planned, not begun,
// minutes open), with its items.
std::optional<store::MeetingRecord> next_consultation(store::ReadTx& tx,
                                                      const std::string& school_id,
                                                      domain::Millis now);

// The next consultation a change concerns: its id ("" when there is none) and whether its
// agenda changed.
struct AgendaTouch {
  std::string meeting_id;
  bool changed = false;
};

// Puts the case on the next consultation's agenda (unchanged when it is on it already), or
// takes an item there for the put forward alone off it.
AgendaTouch put_on_next_consultation(store::WriteTx& w, const Settings& settings,
                                     const store::CaseRecord& c, const Actor& actor,
                                     domain::Millis now);
AgendaTouch take_off_next_consultation(store::WriteTx& w, const Settings& settings,
                                       const store::CaseRecord& c, const Actor& actor,
                                       domain::Millis now);

}  // namespace samen::api
