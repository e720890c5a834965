// Invitations for family logins (SQLite).
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {
namespace {

constexpr const char* kInvitationColumns =
    "SELECT id, pupil_id, guardian_id, for_pupil, email, token_hash, created_by_user_id, "
    "created_at, expires_at, accepted_at, accepted_user_id, revoked_at, revoked_by_user_id "
    "FROM invitations ";

InvitationRecord read_invitation(const Statement& s) {
  InvitationRecord r;
  r.id = s.id(0);
  r.pupil_id = s.id(1);
  r.guardian_id = s.id(2);
  r.for_pupil = s.integer(3) != 0;
  r.email = s.text(4);
  r.token_hash = s.text(5);
  r.created_by_user_id = s.id(6);
  r.created_at = s.integer(7);
  r.expires_at = s.integer(8);
  if (!s.is_null(9)) r.accepted_at = s.integer(9);
  r.accepted_user_id = s.id(10);
  if (!s.is_null(11)) r.revoked_at = s.integer(11);
  r.revoked_by_user_id = s.id(12);
  return r;
}

// An invitation ends once, used or revoked: `sql` sets (at, user) where neither happened yet.
bool close_invitation(Connection& conn, const char* sql, const std::string& id,
                      const std::string& user_id, domain::Millis at) {
  auto s = conn.prepare(sql);
  s.bind(1, at).bind(2, parse_id(user_id).value_or(0)).bind(3, parse_id(id).value_or(0));
  s.run();
  return conn.changes() == 1;
}

}  // namespace

std::optional<InvitationRecord> SqliteTx::invitation_by_token_hash(const std::string& token_hash) {
  static const std::string sql = std::string(kInvitationColumns) + "WHERE token_hash = ?";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  return read_invitation(s);
}

std::optional<InvitationRecord> SqliteTx::invitation(const std::string& id) {
  static const std::string sql = std::string(kInvitationColumns) + "WHERE id = ?";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(id).value_or(0));
  if (!s.step()) return std::nullopt;
  return read_invitation(s);
}

std::vector<InvitationRecord> SqliteTx::invitations_of_pupil(const std::string& pupil_id) {
  static const std::string sql = std::string(kInvitationColumns) + "WHERE pupil_id = ? ORDER BY id";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(pupil_id).value_or(0));
  std::vector<InvitationRecord> out;
  while (s.step()) out.push_back(read_invitation(s));
  return out;
}

std::string SqliteTx::insert_invitation(const InvitationRecord& r) {
  require_write();
  auto s = conn_.prepare(
      "INSERT INTO invitations(pupil_id, guardian_id, for_pupil, email, token_hash, "
      "created_by_user_id, created_at, expires_at) VALUES (?,?,?,?,?,?,?,?)");
  s.bind(1, parse_id(r.pupil_id).value_or(0));
  if (auto g = parse_id(r.guardian_id))
    s.bind(2, *g);
  else
    s.bind_null(2);
  s.bind(3, r.for_pupil).bind(4, r.email).bind(5, r.token_hash);
  s.bind(6, parse_id(r.created_by_user_id).value_or(0));
  s.bind(7, r.created_at).bind(8, r.expires_at);
  s.run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::accept_invitation(const std::string& id, const std::string& user_id,
                                 domain::Millis at) {
  require_write();
  return close_invitation(conn_,
                          "UPDATE invitations SET accepted_at = ?, accepted_user_id = ? "
                          "WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
                          id, user_id, at);
}

bool SqliteTx::revoke_invitation(const std::string& id, const std::string& user_id,
                                 domain::Millis at) {
  require_write();
  return close_invitation(conn_,
                          "UPDATE invitations SET revoked_at = ?, revoked_by_user_id = ? "
                          "WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
                          id, user_id, at);
}

}  // namespace samen::store::sqlite
