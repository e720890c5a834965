// A personal calendar feed (issue 14): a secret link a user subscribes to in their own
// calendar, with every meeting they are expected at — their own part of it, the same
// event (UID, SEQUENCE) as the invitation e-mail — for those who chose no e-mail or use a
// calendar without invitations. The link is shown once when made; only its keyed hash is
// stored, a new one replaces it, and it can be withdrawn. Fetching it needs no session (a
// calendar client has none): the link is the key, like a password. The feed says when,
// where and which meeting, never a pupil, so fetching it is not access to pupil data.
#include <algorithm>
#include <boost/json.hpp>

#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/meeting_invites.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "security/crypto.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr domain::Millis kDay = 24LL * 3600 * 1000;
constexpr const char* kFeedPath = "/api/calendar/";

std::string feed_token_hash(const std::string& token) {
  return security::keyed_hash_hex("samen-calendar-feed", token);
}

json::object feed_json(const std::optional<store::CalendarFeedRecord>& feed) {
  json::object o{{"active", feed.has_value()}};
  o["created_at"] = feed ? json::value(domain::format_instant(feed->created_at)) : nullptr;
  return o;
}

Reply show_feed(AppContext&, Request&, store::ReadTx& tx, const Actor& actor) {
  return Reply::of(json_response(200, feed_json(tx.calendar_feed_of_user(actor.user.id))));
}

Reply make_feed(AppContext& ctx, Request&, store::ReadTx&, const Actor& actor) {
  std::string token = security::random_token();
  std::string url = ctx.settings.public_url + kFeedPath + token;
  return Reply::writing([user_id = actor.user.id, hash = feed_token_hash(token), url](
                            store::WriteTx& w, Response& out) {
    store::CalendarFeedRecord feed{user_id, hash, domain::now_millis()};
    w.replace_calendar_feed(feed);
    auto body = feed_json(feed);
    body["url"] = url;  // the only time the link is told
    out = json_response(201, body);
    return audit::JobOutcome{true, {}};
  });
}

Reply remove_feed(AppContext&, Request&, store::ReadTx&, const Actor& actor) {
  return Reply::writing([user_id = actor.user.id](store::WriteTx& w, Response& out) {
    if (!w.remove_calendar_feed(user_id))
      out = http::error_response("not_found", "you have no calendar link");
    else
      out = json_response(200, feed_json(std::nullopt));
    return audit::JobOutcome{true, {}};
  });
}

// The meetings of the last month and the coming year that one of the user's active
// memberships may open (decide_meeting_access) and is expected at.
std::vector<notify::CalendarEvent> events_of(store::ReadTx& tx, const Settings& settings,
                                             const store::User& user, domain::Millis now) {
  std::vector<notify::CalendarEvent> out;
  std::vector<domain::Viewer> viewers;
  std::vector<std::string> regions;
  for (const auto& m : tx.memberships_of(user.id)) {
    if (!m.active) continue;
    viewers.push_back(viewer_of(user, m));
    if (std::find(regions.begin(), regions.end(), m.region_id) == regions.end())
      regions.push_back(m.region_id);
  }
  for (const auto& region : regions)
    for (const auto& school : schools_to_list(tx, "", region))
      for (auto& record : tx.meetings_of_school(school, now - 31 * kDay, now + 366 * kDay)) {
        auto loaded = load_meeting(tx, std::move(record));
        if (!loaded) continue;
        bool may = std::any_of(viewers.begin(), viewers.end(), [&](const domain::Viewer& v) {
          return domain::decide_meeting_access(v, loaded->facts).allowed;
        });
        auto windows = attendance_windows(tx, *loaded);
        auto mine = windows.find(user.id);
        if (!may || mine == windows.end()) continue;
        out.push_back(meeting_event(tx, settings, *loaded, user, mine->second,
                                    loaded->meeting.status == "cancelled"));
      }
  return out;
}

Reply fetch_feed(AppContext& ctx, Request& req) {
  auto tx = ctx.store.begin_read();
  auto feed = tx->calendar_feed_by_token_hash(feed_token_hash(req.params.at("token")));
  auto user = feed ? tx->user(feed->user_id) : std::nullopt;
  // A withdrawn, replaced or made-up link, and an account that was closed: all alike.
  if (!user || !user->active) return fail("not_found", "no such calendar");
  auto now = domain::now_millis();
  Reply reply;
  reply.response->content_type = "text/calendar; charset=utf-8";
  reply.response->body = notify::calendar_feed(events_of(*tx, ctx.settings, *user, now), now);
  return reply;
}

}  // namespace

void register_calendar_feed_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/me/calendar-feed", authenticated(ctx, show_feed));
  router.add("POST", "/api/me/calendar-feed", authenticated(ctx, make_feed));
  router.add("DELETE", "/api/me/calendar-feed", authenticated(ctx, remove_feed));
  router.add("GET", "/api/calendar/{token}", [&ctx](Request& r) { return fetch_feed(ctx, r); });
}

}  // namespace samen::api
