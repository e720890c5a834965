// The chair's changes to a planned meeting (issue 14): moving it (time, duration, place,
// link), cancelling it, and setting its agenda — the proposed items reordered, removed,
// given a time slot, and cases of the school added. Each needs the version the chair read
// (a stale one is 409, never a silent overwrite). Only whoever plans the series' meetings
// (the chair, the school's care coordinator) may; anyone else invited gets 403, anyone
// else the 404 of a missing meeting.
#include <boost/json.hpp>

#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/meeting_invites.hpp"
#include "api/meeting_support.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kMaxItems = 60;

// After a write: the meeting as the chair sees it now, with its ETag and audit events; whom
// the change concerns is told, with their calendar event (api/meeting_invites.hpp).
audit::JobOutcome answer(store::WriteTx& w, const Actor& a, const Request& req,
                         const domain::Decision& decision, const std::string& id,
                         const std::string& action, Response& out, const Settings& settings,
                         const LoadedMeeting& before) {
  auto loaded = load_meeting(w, std::move(*w.meeting(id)));
  tell_meeting_change(w, settings, &before, *loaded, domain::now_millis(), a.user.id);
  std::vector<audit::Event> events{decision_event(a, req, decision, action, "meeting", id)};
  out = json_response(200, meeting_json(w, *loaded, a, req, events, domain::now_millis()));
  out.set_header("ETag", "\"" + std::to_string(loaded->meeting.version) + "\"");
  return audit::JobOutcome{true, std::move(events)};
}

Reply move_meeting(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_meeting_change(tx, actor, req);
  if (change.denied) return std::move(*change.denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"starts_at", "duration_minutes", "place", "video_link", "version"});
  auto m = change.meeting->meeting;
  std::string at = in.text("starts_at", true);
  m.duration_minutes = static_cast<int>(in.integer("duration_minutes", false, m.duration_minutes));
  if (in.has("place")) m.place = in.text("place", false);
  if (in.has("video_link")) m.video_link = in.text("video_link", false);
  if (!in.ok()) return fail(in.error());
  auto version = read_version(req, in);
  if (!version) return fail_version(version.error());
  auto starts = domain::parse_moment(at);
  if (!starts) return fail("validation_failed", "starts_at is an ISO 8601 instant", "starts_at");
  m.starts_at = *starts;
  if (m.duration_minutes < 10 || m.duration_minutes > 480)
    return fail("validation_failed", "duration_minutes is 10 to 480", "duration_minutes");
  if (m.place.empty() && m.video_link.empty())
    return fail("validation_failed", "give a place or a video link", "place");
  if (!m.video_link.empty() && m.video_link.rfind("https://", 0) != 0)
    return fail("validation_failed", "a video link starts with https://", "video_link");
  // Time slots of items move with the meeting.
  std::vector<store::MeetingItemRecord> items = m.items;
  for (auto& i : items)
    if (i.starts_at) *i.starts_at += m.starts_at - change.meeting->meeting.starts_at;
  return Reply::writing([req, a = actor, m, items, version = *version, decision = change.decision,
                         told = &ctx.settings,
                         before = *change.meeting](store::WriteTx& w, Response& out) {
    if (!w.update_meeting(m, version) || !w.replace_agenda(m.id, items, version + 1)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    return answer(w, a, req, decision, m.id, "update", out, *told, before);
  });
}

Reply cancel_meeting(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_meeting_change(tx, actor, req);
  if (change.denied) return std::move(*change.denied);
  auto version = read_version_body(req);
  if (!version) return fail_version(version.error());
  auto m = change.meeting->meeting;
  m.status = "cancelled";
  return Reply::writing([req, a = actor, m, version = *version, decision = change.decision,
                         told = &ctx.settings,
                         before = *change.meeting](store::WriteTx& w, Response& out) {
    if (!w.update_meeting(m, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    return answer(w, a, req, decision, m.id, "cancel", out, *told, before);
  });
}

// One item of the new agenda: an item of this meeting by id, or an open case of the school
// by case_id (added by the chair); an optional time slot within the meeting.
Result<store::MeetingItemRecord> read_item(store::ReadTx& tx, const LoadedMeeting& m,
                                           const json::value& value, const std::string& field) {
  const auto* o = value.if_object();
  if (!o) return Error{"validation_failed", "an item is an object", field};
  JsonReader in(*o, field + ".");
  in.allow_only({"id", "case_id", "starts_at"});
  std::string id = in.text("id", false);
  std::string case_id = in.text("case_id", false);
  std::string at = in.text("starts_at", false);
  if (!in.ok()) return in.error();
  store::MeetingItemRecord item;
  if (!id.empty()) {
    const auto& items = m.meeting.items;
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.id == id; });
    if (it == items.end())
      return Error{"validation_failed", "no such item on this agenda", field + ".id"};
    item = *it;
  } else {
    auto c = case_id.empty() ? std::nullopt : tx.case_record(case_id);
    if (!c || c->school_id != m.meeting.school_id || c->status != "open")
      return Error{"validation_failed", "no such open case of the school", field + ".case_id"};
    item.case_id = c->id;
    item.pupil_id = c->pupil_id;
    item.reason = "added";
    item.reasons = {"added"};
    item.categories = c->categories;
  }
  item.starts_at.reset();
  if (!at.empty()) {
    auto slot = domain::parse_instant(at);
    domain::Millis end = m.meeting.starts_at + m.meeting.duration_minutes * 60'000LL;
    if (!slot || *slot < m.meeting.starts_at || *slot >= end)
      return Error{"validation_failed", "a time slot lies within the meeting",
                   field + ".starts_at"};
    item.starts_at = slot;
  }
  return item;
}

Reply set_agenda(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto change = begin_meeting_change(tx, actor, req);
  if (change.denied) return std::move(*change.denied);
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"items", "version"});
  const json::array* given = in.array("items", true);
  if (!in.ok()) return fail(in.error());
  auto version = read_version(req, in);
  if (!version) return fail_version(version.error());
  if (given->size() > kMaxItems) return fail("validation_failed", "at most 60 items", "items");
  std::vector<store::MeetingItemRecord> items;
  for (std::size_t i = 0; i < given->size(); ++i) {
    std::string field = "items[" + std::to_string(i) + "]";
    auto item = read_item(tx, *change.meeting, (*given)[i], field);
    if (!item) return fail(item.error());
    for (const auto& other : items)
      if ((!item->id.empty() && other.id == item->id) ||
          (!item->case_id.empty() && other.case_id == item->case_id))
        return fail("validation_failed", "an item or case is on the agenda once", field);
    items.push_back(std::move(*item));
  }
  // What was noted at an item stays with the meeting (it becomes the case's entry).
  for (const auto& noted : tx.meeting_minutes(change.meeting->meeting.id))
    if (std::none_of(items.begin(), items.end(),
                     [&](const auto& i) { return i.id == noted.item_id; }))
      return fail("validation_failed", "an item with minutes stays on the agenda", "items");
  return Reply::writing([req, a = actor, id = change.meeting->meeting.id, items, version = *version,
                         decision = change.decision, told = &ctx.settings,
                         before = *change.meeting](store::WriteTx& w, Response& out) {
    if (!w.replace_agenda(id, items, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    return answer(w, a, req, decision, id, "update_agenda", out, *told, before);
  });
}

}  // namespace

void register_meeting_change_routes(http::Router& router, AppContext& ctx) {
  router.add("PUT", "/api/meetings/{id}", authenticated(ctx, move_meeting));
  router.add("POST", "/api/meetings/{id}/cancel", authenticated(ctx, cancel_meeting));
  router.add("PUT", "/api/meetings/{id}/agenda", authenticated(ctx, set_agenda));
}

}  // namespace samen::api
