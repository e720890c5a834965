// Invitations for family logins (PostgreSQL).
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {
namespace {

constexpr const char* kInvitationColumns =
    "SELECT id, pupil_id, guardian_id, for_pupil, email, token_hash, created_by_user_id, "
    "created_at, expires_at, accepted_at, accepted_user_id, revoked_at, revoked_by_user_id "
    "FROM invitations ";

std::vector<InvitationRecord> read_invitations(const PgResult& r) {
  std::vector<InvitationRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    InvitationRecord inv;
    inv.id = r.id(i, 0);
    inv.pupil_id = r.id(i, 1);
    inv.guardian_id = r.id(i, 2);
    inv.for_pupil = r.boolean(i, 3);
    inv.email = r.text(i, 4);
    inv.token_hash = r.text(i, 5);
    inv.created_by_user_id = r.id(i, 6);
    inv.created_at = r.integer(i, 7);
    inv.expires_at = r.integer(i, 8);
    if (!r.is_null(i, 9)) inv.accepted_at = r.integer(i, 9);
    inv.accepted_user_id = r.id(i, 10);
    if (!r.is_null(i, 11)) inv.revoked_at = r.integer(i, 11);
    inv.revoked_by_user_id = r.id(i, 12);
    out.push_back(std::move(inv));
  }
  return out;
}

std::optional<InvitationRecord> first(std::vector<InvitationRecord> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

// An invitation ends once, used or revoked: `sql` sets (at, user) where neither happened yet.
bool close_invitation(PgConnection& conn, const char* sql, const std::string& id,
                      const std::string& user_id, domain::Millis at) {
  return !conn.query(sql, Params().integer(at).id(user_id).id(id)).empty();
}

}  // namespace

std::optional<InvitationRecord> PgTx::invitation_by_token_hash(const std::string& token_hash) {
  static const std::string sql = std::string(kInvitationColumns) + "WHERE token_hash = $1";
  return first(read_invitations(conn_.query(sql.c_str(), Params().text(token_hash))));
}

std::optional<InvitationRecord> PgTx::invitation(const std::string& id) {
  static const std::string sql = std::string(kInvitationColumns) + "WHERE id = $1";
  return first(read_invitations(conn_.query(sql.c_str(), Params().id(id))));
}

std::vector<InvitationRecord> PgTx::invitations_of_pupil(const std::string& pupil_id) {
  static const std::string sql =
      std::string(kInvitationColumns) + "WHERE pupil_id = $1 ORDER BY id";
  return read_invitations(conn_.query(sql.c_str(), Params().id(pupil_id)));
}

std::string PgTx::insert_invitation(const InvitationRecord& i) {
  require_write();
  Params p;
  p.id(i.pupil_id).id(i.guardian_id).boolean(i.for_pupil).text(i.email).text(i.token_hash);
  p.id(i.created_by_user_id).integer(i.created_at).integer(i.expires_at);
  return conn_
      .query(
          "INSERT INTO invitations(pupil_id, guardian_id, for_pupil, email, token_hash, "
          "created_by_user_id, created_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) "
          "RETURNING id",
          p)
      .text(0, 0);
}

bool PgTx::accept_invitation(const std::string& id, const std::string& user_id, domain::Millis at) {
  require_write();
  return close_invitation(conn_,
                          "UPDATE invitations SET accepted_at = $1, accepted_user_id = $2 "
                          "WHERE id = $3 AND accepted_at IS NULL AND revoked_at IS NULL "
                          "RETURNING id",
                          id, user_id, at);
}

bool PgTx::revoke_invitation(const std::string& id, const std::string& user_id, domain::Millis at) {
  require_write();
  return close_invitation(conn_,
                          "UPDATE invitations SET revoked_at = $1, revoked_by_user_id = $2 "
                          "WHERE id = $3 AND accepted_at IS NULL AND revoked_at IS NULL "
                          "RETURNING id",
                          id, user_id, at);
}

}  // namespace samen::store::postgres
