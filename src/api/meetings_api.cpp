// The meetings of a school's care team as each viewer may see them (issue 14, Contract):
// GET /api/meetings?school_id=&from=&to= lists those the viewer takes part in, GET
// /api/meetings/{id} gives one with the agenda items they may see, each named or anonymous
// for them (domain/policy_meetings.hpp). A meeting the viewer is not invited to answers as
// a missing id.
#include <algorithm>
#include <boost/json.hpp>

#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/meeting_support.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
namespace json = boost::json;

constexpr domain::Millis kDay = 24LL * 3600 * 1000;

// `from` and `to` as dates (local midnight) or instants; by default from yesterday to eight
// weeks ahead.
Result<domain::Millis> read_bound(const Request& req, const char* name, domain::Millis fallback) {
  std::string text = req.query_value(name);
  if (text.empty()) return fallback;
  if (auto moment = domain::parse_moment(text)) return *moment;
  return Error{"validation_failed", std::string(name) + " must be a date or an ISO 8601 instant",
               name};
}

Reply list_meetings(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  if (auto listing = domain::decide_meeting_listing(actor.viewer); !listing.allowed)
    return refuse(actor, req, listing, {"meeting", "", ""}, Refusal::forbidden());
  const std::string school_id = req.query_value("school_id");
  auto now = domain::now_millis();
  auto from = read_bound(req, "from", now - kDay);
  if (!from) return fail(from.error());
  auto to = read_bound(req, "to", now + 56 * kDay);
  if (!to) return fail(to.error());
  if (*to <= *from) return fail("validation_failed", "to must be after from", "to");
  if (*to - *from > 400 * kDay)
    return fail("validation_failed", "ask for at most a year of meetings", "to");
  std::vector<store::MeetingRecord> records;
  for (const auto& school : schools_to_list(tx, school_id, actor.viewer.region_id)) {
    auto some = tx.meetings_of_school(school, *from, *to);
    records.insert(records.end(), std::make_move_iterator(some.begin()),
                   std::make_move_iterator(some.end()));
  }
  std::stable_sort(records.begin(), records.end(),
                   [](const auto& a, const auto& b) { return a.starts_at < b.starts_at; });
  json::array out;
  for (auto& record : records) {
    auto m = load_meeting(tx, std::move(record));
    if (!m || !domain::decide_meeting_access(actor.viewer, m->facts).allowed) continue;
    out.push_back(json::object{
        {"id", m->meeting.id},
        {"series_id", m->meeting.series_id},
        {"school_id", m->meeting.school_id},
        {"kind", m->meeting.kind},
        {"title", m->series.title},
        {"starts_at", domain::format_instant(m->meeting.starts_at)},
        {"duration_minutes", m->meeting.duration_minutes},
        {"place", m->meeting.place},
        {"status", m->meeting.status},
        {"items_for_you", static_cast<std::int64_t>(visible_items(*m, actor.viewer).size())},
    });
  }
  Reply reply;
  // A count of items names no pupil; the items themselves are audited when opened.
  reply.audit.push_back(actor_event(actor, req, "list", "meeting", school_id));
  *reply.response = json_response(200, json::object{{"meetings", std::move(out)}});
  return reply;
}

Reply get_meeting(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto record = tx.meeting(req.params["id"]);
  auto m = record ? load_meeting(tx, std::move(*record)) : std::nullopt;
  auto decision = m ? domain::decide_meeting_access(actor.viewer, m->facts) : domain::Decision{};
  if (!m || !decision.allowed)
    return refuse(actor, req, decision, {"meeting", req.params["id"], ""},
                  Refusal::as_missing("no such meeting"));
  Reply reply;
  reply.audit.push_back(decision_event(actor, req, decision, "read", "meeting", m->meeting.id));
  *reply.response =
      json_response(200, meeting_json(tx, *m, actor, req, reply.audit, domain::now_millis()));
  return reply;
}

}  // namespace

void register_meeting_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/meetings", authenticated(ctx, list_meetings));
  router.add("GET", "/api/meetings/{id}", authenticated(ctx, get_meeting));
}

}  // namespace samen::api
