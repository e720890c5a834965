// Invitations for family logins (PostgreSQL).
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {

std::optional<InvitationRecord> PgTx::invitation_by_token_hash(const std::string& token_hash) {
  auto r = conn_.query(
      "SELECT id, pupil_id, guardian_id, for_pupil, email, token_hash, created_by_user_id, "
      "created_at, expires_at, accepted_at, accepted_user_id FROM invitations "
      "WHERE token_hash = $1",
      Params().text(token_hash));
  if (r.empty()) return std::nullopt;
  InvitationRecord out;
  out.id = r.id(0, 0);
  out.pupil_id = r.id(0, 1);
  out.guardian_id = r.id(0, 2);
  out.for_pupil = r.boolean(0, 3);
  out.email = r.text(0, 4);
  out.token_hash = r.text(0, 5);
  out.created_by_user_id = r.id(0, 6);
  out.created_at = r.integer(0, 7);
  out.expires_at = r.integer(0, 8);
  if (!r.is_null(0, 9)) out.accepted_at = r.integer(0, 9);
  out.accepted_user_id = r.id(0, 10);
  return out;
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
  return !conn_
              .query(
                  "UPDATE invitations SET accepted_at = $1, accepted_user_id = $2 "
                  "WHERE id = $3 AND accepted_at IS NULL RETURNING id",
                  Params().integer(at).id(user_id).id(id))
              .empty();
}

}  // namespace samen::store::postgres
