// A user's notifications (issue 14): the list with its unread count, marking read, and the
// choice of e-mail (at once, a daily digest, none). A notification names a kind and a
// path in the app, nothing about a pupil, so reading the list is not access to pupil data
// and is not audited; what the path leads to is, when it is opened.
#include <boost/json.hpp>

#include "api/handler.hpp"
#include "api/handler_support.hpp"
#include "api/json_body.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"
#include "domain/notifications.hpp"

namespace samen::api {
namespace {

using http::Reply;
using http::Request;
using http::Response;
namespace json = boost::json;

constexpr std::size_t kListed = 100;

json::object list_json(store::ReadTx& tx, const std::string& user_id) {
  json::array out;
  for (const auto& n : tx.notifications_of(user_id, kListed))
    out.push_back(json::object{{"id", n.id},
                               {"kind", n.kind},
                               {"link", n.link},
                               {"created_at", domain::format_instant(n.created_at)},
                               {"read", n.read_at.has_value()}});
  return {{"notifications", std::move(out)}, {"unread", tx.unread_notifications(user_id)}};
}

json::object settings_json(const store::NotificationSettingsRecord& s, bool mail_enabled) {
  return {{"email", s.email}, {"mail_enabled", mail_enabled}, {"version", s.version}};
}

Reply list(AppContext&, Request&, store::ReadTx& tx, const Actor& actor) {
  return Reply::of(json_response(200, list_json(tx, actor.user.id)));
}

Reply mark_read(AppContext&, Request& req, store::ReadTx&, const Actor& actor) {
  return Reply::writing(
      [user_id = actor.user.id, id = req.params.at("id")](store::WriteTx& w, Response& out) {
        // Someone else's notification is as missing as one that never was.
        if (!w.mark_notification_read(user_id, id, domain::now_millis()))
          out = http::error_response("not_found", "no such notification");
        else
          out = json_response(200, list_json(w, user_id));
        return audit::JobOutcome{true, {}};
      });
}

Reply mark_all_read(AppContext&, Request&, store::ReadTx&, const Actor& actor) {
  return Reply::writing([user_id = actor.user.id](store::WriteTx& w, Response& out) {
    w.mark_all_notifications_read(user_id, domain::now_millis());
    out = json_response(200, list_json(w, user_id));
    return audit::JobOutcome{true, {}};
  });
}

Reply get_settings(AppContext& ctx, Request&, store::ReadTx& tx, const Actor& actor) {
  return Reply::of(json_response(
      200, settings_json(tx.notification_settings(actor.user.id), ctx.settings.mail_enabled)));
}

Reply put_settings(AppContext& ctx, Request& req, store::ReadTx&, const Actor& actor) {
  auto body = parse_json_object(req);
  if (!body) return fail(body.error());
  JsonReader in(*body);
  in.allow_only({"email", "version"});
  std::string email = in.text("email", true);
  if (!in.ok()) return fail(in.error());
  auto version = read_version(req, in);
  if (!version) return fail_version(version.error());
  if (!domain::parse_mail_choice(email))
    return fail("validation_failed", "email is immediate, digest or none", "email");
  return Reply::writing([user_id = actor.user.id, email, version = *version,
                         enabled = ctx.settings.mail_enabled](store::WriteTx& w, Response& out) {
    store::NotificationSettingsRecord s;
    s.user_id = user_id;
    s.email = email;
    if (!w.save_notification_settings(s, version)) {
      out = version_conflict();
      return audit::JobOutcome{false, {}};
    }
    out = json_response(200, settings_json(w.notification_settings(user_id), enabled));
    return audit::JobOutcome{true, {}};
  });
}

}  // namespace

void register_notification_routes(http::Router& router, AppContext& ctx) {
  router.add("GET", "/api/notifications", authenticated(ctx, list));
  router.add("POST", "/api/notifications/read-all", authenticated(ctx, mark_all_read));
  router.add("POST", "/api/notifications/{id}/read", authenticated(ctx, mark_read));
  router.add("GET", "/api/me/notification-settings", authenticated(ctx, get_settings));
  router.add("PUT", "/api/me/notification-settings", authenticated(ctx, put_settings));
}

}  // namespace samen::api
