// Regions, organisations, users, memberships, sessions, login failures and draft keys.
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

Organisation read_organisation(const Rows& r) {
  Organisation o;
  o.id = r.id(0);
  o.region_id = r.id(1);
  o.name = r.text(2);
  o.type = domain::parse_org_type(r.text(3)).value_or(domain::OrgType::school);
  if (!r.is_null(4)) o.school_type = domain::parse_school_type(r.text(4));
  o.active = r.boolean(5);
  o.version = r.integer(6);
  return o;
}

User read_user(const Rows& r) {
  return User{r.id(0), r.text(1), r.text(2), r.text(3), r.boolean(4), r.integer(5)};
}

Membership read_membership(const Rows& r) {
  Membership m;
  m.id = r.id(0);
  m.user_id = r.id(1);
  m.organisation_id = r.id(2);
  m.role = domain::parse_role(r.text(3)).value_or(domain::Role::teacher);
  m.active = r.boolean(4);
  m.organisation_name = r.text(5);
  m.region_id = r.id(6);
  return m;
}

Session read_session(const Rows& r) {
  return Session{r.text(0), r.id(1), r.id(2), r.integer(3), r.integer(4), r.boolean(5)};
}

#define SAMEN_ORG_SELECT \
  "SELECT id, region_id, name, type, school_type, active, version FROM organisations "
#define SAMEN_USER_SELECT "SELECT id, email, name, password_hash, active, version FROM users "
#define SAMEN_MEMBERSHIP_SELECT                                                        \
  "SELECT m.id, m.user_id, m.organisation_id, m.role, m.active AND o.active, o.name, " \
  "o.region_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id "

}  // namespace

std::string SqlTx::inserted_id(const char* sql, const Params& params) {
  auto r = db().query(sql, params);
  if (!r->next()) throw StoreError("insert returned no id");
  return r->id(0);
}

std::optional<Region> SqlTx::region(const std::string& id) {
  auto r = db().query("SELECT id, name FROM regions WHERE id = ?", Params().id(id));
  if (!r->next()) return std::nullopt;
  return Region{r->id(0), r->text(1)};
}

std::vector<Region> SqlTx::regions() {
  auto r = db().query("SELECT id, name FROM regions ORDER BY id");
  std::vector<Region> out;
  while (r->next()) out.push_back(Region{r->id(0), r->text(1)});
  return out;
}

std::optional<Organisation> SqlTx::organisation(const std::string& id) {
  auto r = db().query(SAMEN_ORG_SELECT "WHERE id = ?", Params().id(id));
  if (!r->next()) return std::nullopt;
  return read_organisation(*r);
}

std::vector<Organisation> SqlTx::organisations(const std::string& region_id) {
  auto r = db().query(SAMEN_ORG_SELECT "WHERE region_id = ? ORDER BY name", Params().id(region_id));
  std::vector<Organisation> out;
  while (r->next()) out.push_back(read_organisation(*r));
  return out;
}

std::optional<User> SqlTx::user(const std::string& id) {
  auto r = db().query(SAMEN_USER_SELECT "WHERE id = ?", Params().id(id));
  if (!r->next()) return std::nullopt;
  return read_user(*r);
}

std::optional<User> SqlTx::user_by_email(const std::string& email) {
  auto r = db().query(SAMEN_USER_SELECT "WHERE email = ?", Params().text(email));
  if (!r->next()) return std::nullopt;
  return read_user(*r);
}

std::vector<User> SqlTx::users_in_region(const std::string& region_id) {
  auto r = db().query(
      "SELECT DISTINCT u.id, u.email, u.name, u.password_hash, u.active, u.version FROM users u "
      "JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.organisation_id "
      "WHERE o.region_id = ? ORDER BY u.name, u.id",
      Params().id(region_id));
  std::vector<User> out;
  while (r->next()) out.push_back(read_user(*r));
  return out;
}

std::vector<Membership> SqlTx::memberships_of(const std::string& user_id) {
  auto r =
      db().query(SAMEN_MEMBERSHIP_SELECT "WHERE m.user_id = ? ORDER BY m.id", Params().id(user_id));
  std::vector<Membership> out;
  while (r->next()) out.push_back(read_membership(*r));
  return out;
}

std::optional<Membership> SqlTx::membership(const std::string& id) {
  auto r = db().query(SAMEN_MEMBERSHIP_SELECT "WHERE m.id = ?", Params().id(id));
  if (!r->next()) return std::nullopt;
  return read_membership(*r);
}

std::optional<Session> SqlTx::session(const std::string& token_hash) {
  auto r = db().query(
      "SELECT token_hash, user_id, membership_id, created_at, last_seen_at, revoked FROM sessions "
      "WHERE token_hash = ?",
      Params().text(token_hash));
  if (!r->next()) return std::nullopt;
  return read_session(*r);
}

std::optional<SessionPrincipal> SqlTx::session_principal(const std::string& token_hash) {
  auto r = db().query(
      "SELECT s.token_hash, s.user_id, s.membership_id, s.created_at, s.last_seen_at, s.revoked, "
      "u.email, u.name, u.password_hash, u.active, u.version, m.organisation_id, m.role, "
      "m.active AND o.active, o.name, o.region_id FROM sessions s JOIN users u ON u.id = s.user_id "
      "JOIN memberships m ON m.id = s.membership_id "
      "JOIN organisations o ON o.id = m.organisation_id WHERE s.token_hash = ?",
      Params().text(token_hash));
  if (!r->next()) return std::nullopt;
  SessionPrincipal p;
  p.session = read_session(*r);
  p.user = User{r->id(1), r->text(6), r->text(7), r->text(8), r->boolean(9), r->integer(10)};
  p.membership.id = r->id(2);
  p.membership.user_id = r->id(1);
  p.membership.organisation_id = r->id(11);
  p.membership.role = domain::parse_role(r->text(12)).value_or(domain::Role::teacher);
  p.membership.active = r->boolean(13);
  p.membership.organisation_name = r->text(14);
  p.membership.region_id = r->id(15);
  return p;
}

LoginFailureCounts SqlTx::login_failures(const std::string& account_key, const std::string& address,
                                         domain::Millis since) {
  // One statement for the three windows: one round trip on PostgreSQL.
  auto r = db().query(
      "SELECT (SELECT count(*) FROM login_failures WHERE account_key = ?1 AND at >= ?3), "
      "(SELECT coalesce(min(at), 0) FROM login_failures WHERE account_key = ?1 AND at >= ?3), "
      "(SELECT count(*) FROM login_failures WHERE address = ?2 AND at >= ?3), "
      "(SELECT coalesce(min(at), 0) FROM login_failures WHERE address = ?2 AND at >= ?3), "
      "(SELECT count(*) FROM login_failures WHERE account_key = ?1 AND address = ?2 "
      "AND at >= ?3), "
      "(SELECT coalesce(min(at), 0) FROM login_failures WHERE account_key = ?1 AND address = ?2 "
      "AND at >= ?3)",
      Params().text(account_key).text(address).integer(since));
  LoginFailureCounts out;
  if (!r->next()) return out;
  out.by_account = static_cast<int>(r->integer(0));
  out.oldest_by_account = r->integer(1);
  out.by_address = static_cast<int>(r->integer(2));
  out.oldest_by_address = r->integer(3);
  out.by_account_address = static_cast<int>(r->integer(4));
  out.oldest_by_account_address = r->integer(5);
  return out;
}

std::optional<std::string> SqlTx::draft_key(const std::string& user_id) {
  auto r = db().query("SELECT draft_key FROM draft_keys WHERE user_id = ?", Params().id(user_id));
  if (!r->next()) return std::nullopt;
  return open("draft_keys", "draft_key", user_id, r->text(0));
}

std::string SqlTx::insert_region(const Region& r) {
  require_write();
  return inserted_id("INSERT INTO regions(name) VALUES (?) RETURNING id", Params().text(r.name));
}

std::string SqlTx::insert_organisation(const Organisation& o) {
  require_write();
  Params p;
  p.id(o.region_id).text(o.name).text(domain::to_string(o.type));
  if (o.school_type)
    p.text(domain::to_string(*o.school_type));
  else
    p.null();
  p.boolean(o.active);
  return inserted_id(
      "INSERT INTO organisations(region_id, name, type, school_type, active) "
      "VALUES (?,?,?,?,?) RETURNING id",
      p);
}

bool SqlTx::set_organisation_active(const std::string& id, bool active, std::int64_t expected) {
  require_write();
  return db().run(
             "UPDATE organisations SET active = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             Params().boolean(active).id(id).integer(expected)) == 1;
}

std::string SqlTx::insert_user(const User& u) {
  require_write();
  return inserted_id(
      "INSERT INTO users(email, name, password_hash, active) VALUES (?,?,?,?) RETURNING id",
      Params().text(u.email).text(u.name).text(u.password_hash).boolean(u.active));
}

bool SqlTx::set_user_active(const std::string& id, bool active, std::int64_t expected) {
  require_write();
  return db().run("UPDATE users SET active = ?, version = version + 1 WHERE id = ? AND version = ?",
                  Params().boolean(active).id(id).integer(expected)) == 1;
}

bool SqlTx::set_user_password(const std::string& id, const std::string& hash) {
  require_write();
  return db().run("UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?",
                  Params().text(hash).id(id)) == 1;
}

std::string SqlTx::insert_membership(const Membership& m) {
  require_write();
  return inserted_id(
      "INSERT INTO memberships(user_id, organisation_id, role, active) VALUES (?,?,?,?) "
      "RETURNING id",
      Params()
          .id(m.user_id)
          .id(m.organisation_id)
          .text(domain::to_string(m.role))
          .boolean(m.active));
}

bool SqlTx::set_membership_active(const std::string& id, bool active) {
  require_write();
  return db().run("UPDATE memberships SET active = ? WHERE id = ?",
                  Params().boolean(active).id(id)) == 1;
}

void SqlTx::insert_session(const Session& s) {
  require_write();
  db().run(
      "INSERT INTO sessions(token_hash, user_id, membership_id, created_at, last_seen_at) "
      "VALUES (?,?,?,?,?)",
      Params()
          .text(s.token_hash)
          .id(s.user_id)
          .id(s.membership_id)
          .integer(s.created_at)
          .integer(s.last_seen_at));
}

void SqlTx::touch_session(const std::string& token_hash, domain::Millis at) {
  require_write();
  db().run("UPDATE sessions SET last_seen_at = GREATEST(last_seen_at, ?) WHERE token_hash = ?",
           Params().integer(at).text(token_hash));
}

void SqlTx::set_session_membership(const std::string& token_hash,
                                   const std::string& membership_id) {
  require_write();
  db().run("UPDATE sessions SET membership_id = ? WHERE token_hash = ?",
           Params().id(membership_id).text(token_hash));
}

void SqlTx::revoke_session(const std::string& token_hash) {
  require_write();
  db().run("UPDATE sessions SET revoked = TRUE WHERE token_hash = ?", Params().text(token_hash));
}

void SqlTx::revoke_sessions_of_user(const std::string& user_id) {
  require_write();
  db().run("UPDATE sessions SET revoked = TRUE WHERE user_id = ?", Params().id(user_id));
}

std::string SqlTx::ensure_draft_key(const std::string& user_id, const std::string& candidate,
                                    domain::Millis at) {
  require_write();
  db().run(
      "INSERT INTO draft_keys(user_id, draft_key, created_at) VALUES (?,?,?) "
      "ON CONFLICT (user_id) DO NOTHING",
      Params().id(user_id).text(seal("draft_keys", "draft_key", user_id, candidate)).integer(at));
  auto kept = draft_key(user_id);
  if (!kept) throw StoreError("draft key of user " + user_id + " was not stored");
  return *kept;
}

std::string SqlTx::record_login_failure(const std::string& account_key, const std::string& address,
                                        domain::Millis at) {
  require_write();
  return inserted_id(
      "INSERT INTO login_failures(account_key, address, at) VALUES (?,?,?) RETURNING id",
      Params().text(account_key).text(address).integer(at));
}

void SqlTx::clear_login_failure(const std::string& id) {
  require_write();
  db().run("DELETE FROM login_failures WHERE id = ?", Params().id(id));
}

}  // namespace samen::store::sql
