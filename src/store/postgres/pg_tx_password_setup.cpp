// One-time links to set a password (PostgreSQL).
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {

std::optional<PasswordSetupRecord> PgTx::password_setup_by_token_hash(
    const std::string& token_hash) {
  auto r = conn_.query(
      "SELECT id, user_id, token_hash, created_at, expires_at, used_at FROM password_setups "
      "WHERE token_hash = $1",
      Params().text(token_hash));
  if (r.empty()) return std::nullopt;
  PasswordSetupRecord p;
  p.id = r.id(0, 0);
  p.user_id = r.id(0, 1);
  p.token_hash = r.text(0, 2);
  p.created_at = r.integer(0, 3);
  p.expires_at = r.integer(0, 4);
  if (!r.is_null(0, 5)) p.used_at = r.integer(0, 5);
  return p;
}

std::string PgTx::insert_password_setup(const PasswordSetupRecord& p) {
  require_write();
  return conn_
      .query(
          "INSERT INTO password_setups(user_id, token_hash, created_at, expires_at) "
          "VALUES ($1,$2,$3,$4) RETURNING id",
          Params().id(p.user_id).text(p.token_hash).integer(p.created_at).integer(p.expires_at))
      .text(0, 0);
}

bool PgTx::use_password_setup(const std::string& id, domain::Millis at) {
  require_write();
  auto used = conn_.query(
      "UPDATE password_setups SET used_at = $1 WHERE id = $2 AND used_at IS NULL "
      "RETURNING user_id",
      Params().integer(at).id(id));
  if (used.empty()) return false;
  conn_.query("UPDATE password_setups SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL",
              Params().integer(at).id(used.id(0, 0)));
  return true;
}

}  // namespace samen::store::postgres
