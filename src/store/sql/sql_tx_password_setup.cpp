// One-time links to set a password (samen init's first administrator, samen user
// setup-link): only the token's hash is stored.
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {

std::optional<PasswordSetupRecord> SqlTx::password_setup_by_token_hash(
    const std::string& token_hash) {
  auto r = db().query(
      "SELECT id, user_id, token_hash, created_at, expires_at, used_at FROM password_setups "
      "WHERE token_hash = ?",
      Params().text(token_hash));
  if (!r->next()) return std::nullopt;
  PasswordSetupRecord p;
  p.id = r->id(0);
  p.user_id = r->id(1);
  p.token_hash = r->text(2);
  p.created_at = r->integer(3);
  p.expires_at = r->integer(4);
  p.used_at = millis(*r, 5);
  return p;
}

std::string SqlTx::insert_password_setup(const PasswordSetupRecord& p) {
  require_write();
  return inserted_id(
      "INSERT INTO password_setups(user_id, token_hash, created_at, expires_at) "
      "VALUES (?,?,?,?) RETURNING id",
      Params().id(p.user_id).text(p.token_hash).integer(p.created_at).integer(p.expires_at));
}

bool SqlTx::use_password_setup(const std::string& id, domain::Millis at) {
  require_write();
  std::string user_id;
  {
    auto used = db().query(
        "UPDATE password_setups SET used_at = ? WHERE id = ? AND used_at IS NULL "
        "RETURNING user_id",
        Params().integer(at).id(id));
    if (!used->next()) return false;
    user_id = used->id(0);
  }
  // The user's other open links end with it: one link sets the password.
  db().run("UPDATE password_setups SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
           Params().integer(at).id(user_id));
  return true;
}

}  // namespace samen::store::sql
