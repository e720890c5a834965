// The users' draft keys (web form drafts are encrypted with them in the browser).
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {

std::optional<std::string> PgTx::draft_key(const std::string& user_id) {
  auto r = conn_.query("SELECT draft_key FROM draft_keys WHERE user_id = $1", Params().id(user_id));
  if (r.empty()) return std::nullopt;
  return r.text(0, 0);
}

std::string PgTx::ensure_draft_key(const std::string& user_id, const std::string& candidate,
                                   domain::Millis at) {
  require_write();
  conn_.query(
      "INSERT INTO draft_keys(user_id, draft_key, created_at) VALUES ($1,$2,$3) "
      "ON CONFLICT (user_id) DO NOTHING",
      Params().id(user_id).text(candidate).integer(at));
  auto kept = draft_key(user_id);
  if (!kept) throw StoreError("draft key of user " + user_id + " was not stored");
  return *kept;
}

}  // namespace samen::store::postgres
