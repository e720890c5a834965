// Invitations for family logins.
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

#define SAMEN_INVITATION_SELECT                                                            \
  "SELECT id, pupil_id, guardian_id, for_pupil, email, token_hash, created_by_user_id, "   \
  "created_at, expires_at, accepted_at, accepted_user_id, revoked_at, revoked_by_user_id " \
  "FROM invitations "

std::vector<InvitationRecord> read_invitations(std::unique_ptr<Rows> rows) {
  auto& r = *rows;
  std::vector<InvitationRecord> out;
  while (r.next()) {
    InvitationRecord inv;
    inv.id = r.id(0);
    inv.pupil_id = r.id(1);
    inv.guardian_id = r.id(2);
    inv.for_pupil = r.boolean(3);
    inv.email = r.text(4);
    inv.token_hash = r.text(5);
    inv.created_by_user_id = r.id(6);
    inv.created_at = r.integer(7);
    inv.expires_at = r.integer(8);
    if (!r.is_null(9)) inv.accepted_at = r.integer(9);
    inv.accepted_user_id = r.id(10);
    if (!r.is_null(11)) inv.revoked_at = r.integer(11);
    inv.revoked_by_user_id = r.id(12);
    out.push_back(std::move(inv));
  }
  return out;
}

std::optional<InvitationRecord> first(std::vector<InvitationRecord> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

// An invitation ends once, used or revoked: `sql` sets (at, user) where neither happened yet.
bool close_invitation(Connection& conn, const char* sql, const std::string& id,
                      const std::string& user_id, domain::Millis at) {
  return conn.run(sql, Params().integer(at).id(user_id).id(id)) == 1;
}

}  // namespace

std::optional<InvitationRecord> SqlTx::invitation_by_token_hash(const std::string& token_hash) {
  return first(read_invitations(
      db().query(SAMEN_INVITATION_SELECT "WHERE token_hash = ?", Params().text(token_hash))));
}

std::optional<InvitationRecord> SqlTx::invitation(const std::string& id) {
  return first(
      read_invitations(db().query(SAMEN_INVITATION_SELECT "WHERE id = ?", Params().id(id))));
}

std::vector<InvitationRecord> SqlTx::invitations_of_pupil(const std::string& pupil_id) {
  return read_invitations(
      db().query(SAMEN_INVITATION_SELECT "WHERE pupil_id = ? ORDER BY id", Params().id(pupil_id)));
}

std::string SqlTx::insert_invitation(const InvitationRecord& i) {
  require_write();
  Params p;
  p.id(i.pupil_id).id(i.guardian_id).boolean(i.for_pupil).text(i.email).text(i.token_hash);
  p.id(i.created_by_user_id).integer(i.created_at).integer(i.expires_at);
  return inserted_id(
      "INSERT INTO invitations(pupil_id, guardian_id, for_pupil, email, token_hash, "
      "created_by_user_id, created_at, expires_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8) "
      "RETURNING id",
      p);
}

bool SqlTx::accept_invitation(const std::string& id, const std::string& user_id,
                              domain::Millis at) {
  require_write();
  return close_invitation(db(),
                          "UPDATE invitations SET accepted_at = ?1, accepted_user_id = ?2 "
                          "WHERE id = ?3 AND accepted_at IS NULL AND revoked_at IS NULL ",
                          id, user_id, at);
}

bool SqlTx::revoke_invitation(const std::string& id, const std::string& user_id,
                              domain::Millis at) {
  require_write();
  return close_invitation(db(),
                          "UPDATE invitations SET revoked_at = ?1, revoked_by_user_id = ?2 "
                          "WHERE id = ?3 AND accepted_at IS NULL AND revoked_at IS NULL ",
                          id, user_id, at);
}

}  // namespace samen::store::sql
