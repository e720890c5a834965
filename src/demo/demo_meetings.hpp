#pragma once
// The demo's team rhythm (issue 14): at Het Baken College a weekly case consultation on
// Tuesdays, chaired by the care coordinator with the core partners as standing members,
// whose next meeting (in the coming week, counted from when the demo is made) has its
// agenda proposed from the demo's cases and signals: the attendance case, the case whose
// consent was withdrawn (anonymous for the family worker), the safety case, the urgent
// signal; a core-partner meeting every five weeks; and a care advisory team that met this
// morning on two of those cases, whose minutes the chair has begun and not yet closed.
#include "demo/demo_cases.hpp"

namespace samen::demo {

// Returns how many meetings it planned.
int add_demo_meetings(store::WriteTx& tx, const DemoPeople& people, const std::string& school_id,
                      domain::Millis now);

}  // namespace samen::demo
