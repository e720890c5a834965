// The users' draft keys (web form drafts are encrypted with them in the browser).
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {

std::optional<std::string> SqliteTx::draft_key(const std::string& user_id) {
  auto key = parse_id(user_id);
  if (!key) return std::nullopt;
  auto s = conn_.prepare("SELECT draft_key FROM draft_keys WHERE user_id = ?");
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::string SqliteTx::ensure_draft_key(const std::string& user_id, const std::string& candidate,
                                       domain::Millis at) {
  require_write();
  conn_
      .prepare(
          "INSERT INTO draft_keys(user_id, draft_key, created_at) VALUES (?,?,?) "
          "ON CONFLICT(user_id) DO NOTHING")
      .bind_all(parse_id(user_id).value_or(0), candidate, at)
      .run();
  auto kept = draft_key(user_id);
  if (!kept) throw StoreError("draft key of user " + user_id + " was not stored");
  return *kept;
}

}  // namespace samen::store::sqlite
