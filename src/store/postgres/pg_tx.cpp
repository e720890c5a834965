// Transaction control, regions, organisations, users, memberships, sessions, login limits.
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {
namespace {

Organisation read_organisation(const PgResult& r, int i) {
  Organisation o;
  o.id = r.id(i, 0);
  o.region_id = r.id(i, 1);
  o.name = r.text(i, 2);
  o.type = domain::parse_org_type(r.text(i, 3)).value_or(domain::OrgType::school);
  if (!r.is_null(i, 4)) o.school_type = domain::parse_school_type(r.text(i, 4));
  o.active = r.boolean(i, 5);
  o.version = r.integer(i, 6);
  return o;
}

User read_user(const PgResult& r, int i) {
  return User{r.id(i, 0),   r.text(i, 1),    r.text(i, 2),
              r.text(i, 3), r.boolean(i, 4), r.integer(i, 5)};
}

Membership read_membership(const PgResult& r, int i) {
  Membership m;
  m.id = r.id(i, 0);
  m.user_id = r.id(i, 1);
  m.organisation_id = r.id(i, 2);
  m.role = domain::parse_role(r.text(i, 3)).value_or(domain::Role::teacher);
  m.active = r.boolean(i, 4);
  m.organisation_name = r.text(i, 5);
  m.region_id = r.id(i, 6);
  return m;
}

constexpr const char* kMembershipSelect =
    "SELECT m.id, m.user_id, m.organisation_id, m.role, m.active AND o.active, o.name, o.region_id "
    "FROM memberships m JOIN organisations o ON o.id = m.organisation_id ";

}  // namespace

PgTx::PgTx(PgConnection& conn, bool write, std::function<void()> release)
    : conn_(conn), write_(write), release_(std::move(release)) {
  // Readers get one snapshot for all of a request's reads.
  try {
    conn_.begin(write_ ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  } catch (...) {
    release_();  // no destructor runs for a transaction that never began
    throw;
  }
}

PgTx::~PgTx() {
  if (open_) {
    try {
      if (write_)
        conn_.end("ROLLBACK");
      else
        conn_.end_without_waiting("COMMIT");
    } catch (const StoreError&) {
      // The connection may be gone; ensure_connected() repairs it on next use.
    }
  }
  release_();
}

void PgTx::require_write() const {
  if (!write_) throw StoreError("write attempted in a read transaction");
}

// Buffered audit rows go in before a savepoint, so that the buffer afterwards holds only
// rows appended inside it, which a rollback to it must drop with the rest of the job.
void PgTx::savepoint() {
  require_write();
  flush_audit();
  conn_.exec("SAVEPOINT job");
}
void PgTx::release_savepoint() { conn_.exec("RELEASE SAVEPOINT job"); }
void PgTx::rollback_to_savepoint() {
  pending_audit_.clear();
  conn_.exec("ROLLBACK TO SAVEPOINT job");
  conn_.exec("RELEASE SAVEPOINT job");
}
void PgTx::commit() {
  require_write();
  flush_audit();
  conn_.end("COMMIT");
  open_ = false;
}

std::optional<Region> PgTx::region(const std::string& id) {
  auto r = conn_.query("SELECT id, name FROM regions WHERE id = $1", Params().id(id));
  if (r.empty()) return std::nullopt;
  return Region{r.id(0, 0), r.text(0, 1)};
}

std::vector<Region> PgTx::regions() {
  auto r = conn_.query("SELECT id, name FROM regions ORDER BY id");
  std::vector<Region> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(Region{r.id(i, 0), r.text(i, 1)});
  return out;
}

std::optional<Organisation> PgTx::organisation(const std::string& id) {
  auto r = conn_.query(
      "SELECT id, region_id, name, type, school_type, active, version FROM organisations WHERE id "
      "= $1",
      Params().id(id));
  if (r.empty()) return std::nullopt;
  return read_organisation(r, 0);
}

std::vector<Organisation> PgTx::organisations(const std::string& region_id) {
  auto r = conn_.query(
      "SELECT id, region_id, name, type, school_type, active, version FROM organisations "
      "WHERE region_id = $1 ORDER BY name",
      Params().id(region_id));
  std::vector<Organisation> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_organisation(r, i));
  return out;
}

std::optional<User> PgTx::user(const std::string& id) {
  auto r =
      conn_.query("SELECT id, email, name, password_hash, active, version FROM users WHERE id = $1",
                  Params().id(id));
  if (r.empty()) return std::nullopt;
  return read_user(r, 0);
}

std::optional<User> PgTx::user_by_email(const std::string& email) {
  auto r = conn_.query(
      "SELECT id, email, name, password_hash, active, version FROM users WHERE email = $1",
      Params().text(email));
  if (r.empty()) return std::nullopt;
  return read_user(r, 0);
}

std::vector<User> PgTx::users_in_region(const std::string& region_id) {
  auto r = conn_.query(
      "SELECT DISTINCT u.id, u.email, u.name, u.password_hash, u.active, u.version FROM users u "
      "JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.organisation_id "
      "WHERE o.region_id = $1 ORDER BY u.name, u.id",
      Params().id(region_id));
  std::vector<User> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_user(r, i));
  return out;
}

std::vector<Membership> PgTx::memberships_of(const std::string& user_id) {
  static const std::string sql =
      std::string(kMembershipSelect) + "WHERE m.user_id = $1 ORDER BY m.id";
  auto r = conn_.query(sql.c_str(), Params().id(user_id));
  std::vector<Membership> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_membership(r, i));
  return out;
}

std::optional<Membership> PgTx::membership(const std::string& id) {
  static const std::string sql = std::string(kMembershipSelect) + "WHERE m.id = $1";
  auto r = conn_.query(sql.c_str(), Params().id(id));
  if (r.empty()) return std::nullopt;
  return read_membership(r, 0);
}

std::optional<Session> PgTx::session(const std::string& token_hash) {
  auto r = conn_.query(
      "SELECT token_hash, user_id, membership_id, created_at, last_seen_at, revoked FROM sessions "
      "WHERE token_hash = $1",
      Params().text(token_hash));
  if (r.empty()) return std::nullopt;
  return Session{r.text(0, 0),    r.id(0, 1),      r.id(0, 2),
                 r.integer(0, 3), r.integer(0, 4), r.boolean(0, 5)};
}

std::optional<SessionPrincipal> PgTx::session_principal(const std::string& token_hash) {
  auto r = conn_.query(
      "SELECT s.token_hash, s.user_id, s.membership_id, s.created_at, s.last_seen_at, s.revoked, "
      "u.email, u.name, u.password_hash, u.active, u.version, m.organisation_id, m.role, "
      "m.active AND o.active, o.name, o.region_id FROM sessions s JOIN users u ON u.id = s.user_id "
      "JOIN memberships m ON m.id = s.membership_id JOIN organisations o ON o.id = "
      "m.organisation_id "
      "WHERE s.token_hash = $1",
      Params().text(token_hash));
  if (r.empty()) return std::nullopt;
  SessionPrincipal p;
  p.session = Session{r.text(0, 0),    r.id(0, 1),      r.id(0, 2),
                      r.integer(0, 3), r.integer(0, 4), r.boolean(0, 5)};
  p.user =
      User{r.id(0, 1), r.text(0, 6), r.text(0, 7), r.text(0, 8), r.boolean(0, 9), r.integer(0, 10)};
  p.membership.id = r.id(0, 2);
  p.membership.user_id = r.id(0, 1);
  p.membership.organisation_id = r.id(0, 11);
  p.membership.role = domain::parse_role(r.text(0, 12)).value_or(domain::Role::teacher);
  p.membership.active = r.boolean(0, 13);
  p.membership.organisation_name = r.text(0, 14);
  p.membership.region_id = r.id(0, 15);
  return p;
}

LoginFailureCounts PgTx::login_failures(const std::string& account_key, const std::string& address,
                                        domain::Millis since) {
  auto r = conn_.query(
      "SELECT (SELECT count(*) FROM login_failures WHERE account_key = $1 AND at >= $3), "
      "(SELECT coalesce(min(at), 0) FROM login_failures WHERE account_key = $1 AND at >= $3), "
      "(SELECT count(*) FROM login_failures WHERE address = $2 AND at >= $3), "
      "(SELECT coalesce(min(at), 0) FROM login_failures WHERE address = $2 AND at >= $3), "
      "(SELECT count(*) FROM login_failures WHERE account_key = $1 AND address = $2 AND at >= "
      "$3), "
      "(SELECT coalesce(min(at), 0) FROM login_failures WHERE account_key = $1 AND address = $2 "
      "AND at >= $3)",
      Params().text(account_key).text(address).integer(since));
  LoginFailureCounts out;
  out.by_account = static_cast<int>(r.integer(0, 0));
  out.oldest_by_account = r.integer(0, 1);
  out.by_address = static_cast<int>(r.integer(0, 2));
  out.oldest_by_address = r.integer(0, 3);
  out.by_account_address = static_cast<int>(r.integer(0, 4));
  out.oldest_by_account_address = r.integer(0, 5);
  return out;
}

std::string PgTx::insert_region(const Region& r) {
  require_write();
  return conn_.query("INSERT INTO regions(name) VALUES ($1) RETURNING id", Params().text(r.name))
      .id(0, 0);
}

std::string PgTx::insert_organisation(const Organisation& o) {
  require_write();
  Params p;
  p.id(o.region_id).text(o.name).text(domain::to_string(o.type));
  if (o.school_type)
    p.text(domain::to_string(*o.school_type));
  else
    p.null();
  p.boolean(o.active);
  return conn_
      .query(
          "INSERT INTO organisations(region_id, name, type, school_type, active) VALUES "
          "($1,$2,$3,$4,$5) "
          "RETURNING id",
          p)
      .id(0, 0);
}

bool PgTx::set_organisation_active(const std::string& id, bool active, std::int64_t expected) {
  require_write();
  auto r = conn_.query(
      "UPDATE organisations SET active = $1, version = version + 1 WHERE id = $2 AND version = $3 "
      "RETURNING id",
      Params().boolean(active).id(id).integer(expected));
  return r.rows() == 1;
}

std::string PgTx::insert_user(const User& u) {
  require_write();
  return conn_
      .query(
          "INSERT INTO users(email, name, password_hash, active) VALUES ($1,$2,$3,$4) RETURNING id",
          Params().text(u.email).text(u.name).text(u.password_hash).boolean(u.active))
      .id(0, 0);
}

bool PgTx::set_user_active(const std::string& id, bool active, std::int64_t expected) {
  require_write();
  return conn_
             .query(
                 "UPDATE users SET active = $1, version = version + 1 WHERE id = $2 AND version = "
                 "$3 RETURNING id",
                 Params().boolean(active).id(id).integer(expected))
             .rows() == 1;
}

bool PgTx::set_user_password(const std::string& id, const std::string& hash) {
  require_write();
  return conn_
             .query(
                 "UPDATE users SET password_hash = $1, version = version + 1 WHERE id = $2 "
                 "RETURNING id",
                 Params().text(hash).id(id))
             .rows() == 1;
}

std::string PgTx::insert_membership(const Membership& m) {
  require_write();
  return conn_
      .query(
          "INSERT INTO memberships(user_id, organisation_id, role, active) VALUES ($1,$2,$3,$4) "
          "RETURNING id",
          Params()
              .id(m.user_id)
              .id(m.organisation_id)
              .text(domain::to_string(m.role))
              .boolean(m.active))
      .id(0, 0);
}

bool PgTx::set_membership_active(const std::string& id, bool active) {
  require_write();
  return conn_
             .query("UPDATE memberships SET active = $1 WHERE id = $2 RETURNING id",
                    Params().boolean(active).id(id))
             .rows() == 1;
}

void PgTx::insert_session(const Session& s) {
  require_write();
  conn_.query(
      "INSERT INTO sessions(token_hash, user_id, membership_id, created_at, last_seen_at) VALUES "
      "($1,$2,$3,$4,$5)",
      Params()
          .text(s.token_hash)
          .id(s.user_id)
          .id(s.membership_id)
          .integer(s.created_at)
          .integer(s.last_seen_at));
}

void PgTx::touch_session(const std::string& token_hash, domain::Millis at) {
  require_write();
  conn_.query("UPDATE sessions SET last_seen_at = GREATEST(last_seen_at, $1) WHERE token_hash = $2",
              Params().integer(at).text(token_hash));
}

void PgTx::set_session_membership(const std::string& token_hash, const std::string& membership_id) {
  require_write();
  conn_.query("UPDATE sessions SET membership_id = $1 WHERE token_hash = $2",
              Params().id(membership_id).text(token_hash));
}

void PgTx::revoke_session(const std::string& token_hash) {
  require_write();
  conn_.query("UPDATE sessions SET revoked = true WHERE token_hash = $1",
              Params().text(token_hash));
}

void PgTx::revoke_sessions_of_user(const std::string& user_id) {
  require_write();
  conn_.query("UPDATE sessions SET revoked = true WHERE user_id = $1", Params().id(user_id));
}

std::string PgTx::record_login_failure(const std::string& account_key, const std::string& address,
                                       domain::Millis at) {
  require_write();
  return conn_
      .query("INSERT INTO login_failures(account_key, address, at) VALUES ($1,$2,$3) RETURNING id",
             Params().text(account_key).text(address).integer(at))
      .id(0, 0);
}

void PgTx::clear_login_failure(const std::string& id) {
  require_write();
  conn_.query("DELETE FROM login_failures WHERE id = $1", Params().id(id));
}

}  // namespace samen::store::postgres
