// One-time links to set a password (SQLite).
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {

std::optional<PasswordSetupRecord> SqliteTx::password_setup_by_token_hash(
    const std::string& token_hash) {
  auto s = conn_.prepare(
      "SELECT id, user_id, token_hash, created_at, expires_at, used_at FROM password_setups "
      "WHERE token_hash = ?");
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  PasswordSetupRecord r;
  r.id = s.id(0);
  r.user_id = s.id(1);
  r.token_hash = s.text(2);
  r.created_at = s.integer(3);
  r.expires_at = s.integer(4);
  if (!s.is_null(5)) r.used_at = s.integer(5);
  return r;
}

std::string SqliteTx::insert_password_setup(const PasswordSetupRecord& p) {
  require_write();
  conn_
      .prepare(
          "INSERT INTO password_setups(user_id, token_hash, created_at, expires_at) "
          "VALUES (?,?,?,?)")
      .bind_all(parse_id(p.user_id).value_or(0), p.token_hash, p.created_at, p.expires_at)
      .run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::use_password_setup(const std::string& id, domain::Millis at) {
  require_write();
  auto key = parse_id(id).value_or(0);
  conn_.prepare("UPDATE password_setups SET used_at = ? WHERE id = ? AND used_at IS NULL")
      .bind_all(at, key)
      .run();
  if (conn_.changes() != 1) return false;
  conn_
      .prepare(
          "UPDATE password_setups SET used_at = ? WHERE used_at IS NULL AND user_id = "
          "(SELECT user_id FROM password_setups WHERE id = ?)")
      .bind_all(at, key)
      .run();
  return true;
}

}  // namespace samen::store::sqlite
