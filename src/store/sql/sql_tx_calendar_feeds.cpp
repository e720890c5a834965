// Personal calendar feeds: the keyed hash of each user's secret link.
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

std::optional<CalendarFeedRecord> read_feed(Rows& r) {
  if (!r.next()) return std::nullopt;
  return CalendarFeedRecord{r.id(0), r.text(1), r.integer(2)};
}

}  // namespace

std::optional<CalendarFeedRecord> SqlTx::calendar_feed_of_user(const std::string& user_id) {
  auto r =
      db().query("SELECT user_id, token_hash, created_at FROM calendar_feeds WHERE user_id = ?",
                 Params().id(user_id));
  return read_feed(*r);
}

std::optional<CalendarFeedRecord> SqlTx::calendar_feed_by_token_hash(
    const std::string& token_hash) {
  auto r =
      db().query("SELECT user_id, token_hash, created_at FROM calendar_feeds WHERE token_hash = ?",
                 Params().text(token_hash));
  return read_feed(*r);
}

void SqlTx::replace_calendar_feed(const CalendarFeedRecord& feed) {
  require_write();
  db().run("DELETE FROM calendar_feeds WHERE user_id = ?", Params().id(feed.user_id));
  db().run("INSERT INTO calendar_feeds(user_id, token_hash, created_at) VALUES (?,?,?)",
           Params().id(feed.user_id).text(feed.token_hash).integer(feed.created_at));
}

bool SqlTx::remove_calendar_feed(const std::string& user_id) {
  require_write();
  return db().run("DELETE FROM calendar_feeds WHERE user_id = ?", Params().id(user_id)) == 1;
}

}  // namespace samen::store::sql
