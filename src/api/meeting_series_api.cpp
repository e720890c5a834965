// A school's meeting series and the planning of their meetings (issue 14): the care
// coordinator sets up the weekly case consultation, the core-partner meeting every five
// weeks and other care meetings, with a chair and standing members; planning the next
// meeting of a case consultation proposes its agenda (domain/agenda.hpp) from the school's
// open signals and cases as they are at that moment.
#include <boost/json.hpp>

#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/meeting_invites.hpp"
#include "api/meeting_support.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/meeting_schedule.hpp"
#include "domain/policy_workspace.hpp"
#include "domain/vocabulary.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr int kMaxMembers = 40;
const std::vector<std::string> kSeriesKinds{"case_consultation", "core_partner_meeting",
                                            "care_meeting"};

Result<int> read_start_time(JsonReader& in) {
  std::string text = in.text("start_time", true);
  if (!in.ok()) return in.error();
  auto minute = domain::parse_clock_minute(text);
  if (!minute) return Error{"validation_failed", "start_time is HH:MM", "start_time"};
  return *minute;
}

// Standing members: active memberships of the school's region in a role that works on cases.
Result<std::vector<store::SeriesMemberRecord>> read_members(JsonReader& in, store::ReadTx& tx,
                                                            const std::string& region_id) {
  std::vector<store::SeriesMemberRecord> out;
  const json::array* ids = in.array("member_ids", false);
  if (!in.ok()) return in.error();
  if (!ids) return out;
  if (ids->size() > kMaxMembers)
    return Error{"validation_failed", "at most 40 standing members", "member_ids"};
  for (std::size_t i = 0; i < ids->size(); ++i) {
    std::string field = "member_ids[" + std::to_string(i) + "]";
    const auto* id = (*ids)[i].if_string();
    auto m = id ? tx.membership(std::string(*id)) : std::nullopt;
    if (!m || !m->active || m->region_id != region_id || !domain::works_on_cases(m->role))
      return Error{"validation_failed", "no such colleague who works on cases in this region",
                   field};
    bool again = false;
    for (const auto& o : out) again = again || o.membership_id == m->id;
    if (!again) out.push_back({m->id, m->user_id, m->organisation_id, m->role});
  }
  return out;
}

Result<std::vector<domain::Date>> read_skipped(JsonReader& in) {
  std::vector<domain::Date> out;
  const json::array* weeks = in.array("skipped_weeks", false);
  if (!in.ok()) return in.error();
  if (!weeks) return out;
  for (std::size_t i = 0; i < weeks->size(); ++i) {
    const auto* text = (*weeks)[i].if_string();
    auto d = text ? domain::parse_iso_date(std::string(*text)) : std::nullopt;
    if (!d)
      return Error{"validation_failed", "a week is given by a date (yyyy-mm-dd) in it",
                   "skipped_weeks[" + std::to_string(i) + "]"};
    out.push_back(domain::monday_of(*d));
  }
  return out;
}

Reply create_series(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"school_id", "kind", "title", "weekday", "start_time", "duration_minutes",
                 "interval_weeks", "place", "video_link", "member_ids", "skipped_weeks"});
  std::string school_id = in.text("school_id", true);
  if (!in.ok()) return fail(in.error());
  // The access answer comes before the rest of the body is looked at.
  auto decision = domain::decide_meeting_planning(actor.viewer, school_id, {});
  if (!decision.allowed)
    return refuse(actor, req, decision, {"meeting_series", "", ""},
                  Refusal::forbidden("school_id"));
  auto school = tx.organisation(school_id);
  if (!school) return fail("validation_failed", "no such school", "school_id");
  store::MeetingSeriesRecord s;
  s.school_id = school_id;
  s.kind = in.text("kind", true);
  s.title = in.text("title", true);
  s.weekday = static_cast<int>(in.integer("weekday", true));
  s.duration_minutes = static_cast<int>(in.integer("duration_minutes", false, 60));
  s.interval_weeks = static_cast<int>(
      in.integer("interval_weeks", false, s.kind == "core_partner_meeting" ? 5 : 1));
  s.place = in.text("place", false);
  s.video_link = in.text("video_link", false);
  if (!in.ok()) return fail(in.error());
  if (std::find(kSeriesKinds.begin(), kSeriesKinds.end(), s.kind) == kSeriesKinds.end())
    return fail("validation_failed",
                "kind is case_consultation, core_partner_meeting or care_meeting", "kind");
  if (s.title.empty() || s.title.size() > 200)
    return fail("validation_failed", "a title of at most 200 characters", "title");
  if (s.weekday < 1 || s.weekday > 7)
    return fail("validation_failed", "weekday is 1 (Monday) to 7 (Sunday)", "weekday");
  if (s.duration_minutes < 10 || s.duration_minutes > 480)
    return fail("validation_failed", "duration_minutes is 10 to 480", "duration_minutes");
  if (s.interval_weeks < 1 || s.interval_weeks > 26)
    return fail("validation_failed", "interval_weeks is 1 to 26", "interval_weeks");
  if (s.place.empty() && s.video_link.empty())
    return fail("validation_failed", "give a place or a video link", "place");
  if (!s.video_link.empty() && s.video_link.rfind("https://", 0) != 0)
    return fail("validation_failed", "a video link starts with https://", "video_link");
  auto start = read_start_time(in);
  if (!start) return fail(start.error());
  s.start_minute = *start;
  auto members = read_members(in, tx, school->region_id);
  if (!members) return fail(members.error());
  s.members = std::move(*members);
  auto skipped = read_skipped(in);
  if (!skipped) return fail(skipped.error());
  s.skipped_weeks = std::move(*skipped);
  s.chair_membership_id = actor.membership.id;
  s.created_by_user_id = actor.user.id;
  return Reply::writing([req, a = actor, s, decision](store::WriteTx& w, Response& out) mutable {
    s.created_at = domain::now_millis();
    s.id = w.insert_meeting_series(s);
    out = json_response(201, series_json(s, true));
    return audit::JobOutcome{true,
                             {decision_event(a, req, decision, "create", "meeting_series", s.id)}};
  });
}

// The series the viewer takes part in (chair or member), or all of the school's for its
// care coordinator. Series hold no pupil data: no audit event per row.
Reply list_series(AppContext&, Request& req, store::ReadTx& tx, const Actor& actor) {
  if (auto listing = domain::decide_meeting_listing(actor.viewer); !listing.allowed)
    return refuse(actor, req, listing, {"meeting_series", "", ""}, Refusal::forbidden());
  const std::string school_id = req.query_value("school_id");
  json::array out;
  std::vector<store::MeetingSeriesRecord> all;
  for (const auto& school : schools_to_list(tx, school_id, actor.viewer.region_id)) {
    auto some = tx.meeting_series_of_school(school);
    all.insert(all.end(), some.begin(), some.end());
  }
  for (const auto& s : all) {
    if (!domain::decide_meeting_access(actor.viewer, series_facts(s)).allowed) continue;
    bool may_plan =
        domain::decide_meeting_planning(actor.viewer, s.school_id, s.chair_membership_id).allowed;
    out.push_back(series_json(s, may_plan));
  }
  Reply reply;
  reply.audit.push_back(actor_event(actor, req, "list", "meeting_series", school_id));
  *reply.response = json_response(200, json::object{{"series", std::move(out)}});
  return reply;
}

// Plans the series' next meeting (or one at `starts_at`) and, for a case consultation,
// proposes its agenda; whom it concerns is invited, with a calendar event each.
Reply plan_meeting(AppContext& ctx, Request& req, store::ReadTx& tx, const Actor& actor) {
  auto s = tx.meeting_series(req.params["id"]);
  auto sees =
      s ? domain::decide_meeting_access(actor.viewer, series_facts(*s)) : domain::Decision{};
  auto decision =
      s ? domain::decide_meeting_planning(actor.viewer, s->school_id, s->chair_membership_id)
        : sees;
  if (!s || !decision.allowed)
    return refuse(actor, req, decision, {"meeting_series", req.params["id"], ""}, sees.allowed,
                  "no such meeting series");
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"starts_at"});
  std::string at_text = in.text("starts_at", false);
  if (!in.ok()) return fail(in.error());
  std::optional<domain::Millis> at;
  if (!at_text.empty()) {
    at = domain::parse_instant(at_text);
    if (!at) return fail("validation_failed", "starts_at is an ISO 8601 instant", "starts_at");
  }
  auto m = plan_meeting_of(tx, *s, at, domain::now_millis());
  return Reply::writing([req, a = actor, m, decision, told = &ctx.settings](store::WriteTx& w,
                                                                            Response& out) mutable {
    m.created_at = domain::now_millis();
    m.id = w.insert_meeting(m);
    auto stored = w.meeting(m.id);
    auto loaded = load_meeting(w, std::move(*stored));
    tell_meeting_change(w, *told, nullptr, *loaded, m.created_at, a.user.id);
    std::vector<audit::Event> events{decision_event(a, req, decision, "create", "meeting", m.id)};
    out = json_response(201, meeting_json(w, *loaded, a, req, events, m.created_at));
    return audit::JobOutcome{true, std::move(events)};
  });
}

}  // namespace

void register_meeting_series_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/meeting-series", authenticated(ctx, list_series));
  router.add("POST", "/api/meeting-series", authenticated(ctx, create_series));
  router.add("POST", "/api/meeting-series/{id}/meetings", authenticated(ctx, plan_meeting));
}

}  // namespace samen::api
