// Regions, organisations, users, memberships, sessions and login failures.
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {
namespace {

Organisation read_organisation(Statement& s) {
  Organisation o;
  o.id = s.id(0);
  o.region_id = s.id(1);
  o.name = s.text(2);
  o.type = domain::parse_org_type(s.text(3)).value_or(domain::OrgType::school);
  if (!s.is_null(4)) o.school_type = domain::parse_school_type(s.text(4));
  o.active = s.integer(5) != 0;
  o.version = s.integer(6);
  return o;
}

User read_user(Statement& s) {
  return User{s.id(0), s.text(1), s.text(2), s.text(3), s.integer(4) != 0, s.integer(5)};
}

Membership read_membership(Statement& s) {
  Membership m;
  m.id = s.id(0);
  m.user_id = s.id(1);
  m.organisation_id = s.id(2);
  m.role = domain::parse_role(s.text(3)).value_or(domain::Role::teacher);
  m.active = s.integer(4) != 0;
  m.organisation_name = s.text(5);
  m.region_id = s.id(6);
  return m;
}

constexpr const char* kOrgColumns =
    "SELECT id, region_id, name, type, school_type, active, version FROM organisations ";

}  // namespace

std::optional<Region> SqliteTx::region(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  auto s = conn_.prepare("SELECT id, name FROM regions WHERE id = ?");
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  return Region{s.id(0), s.text(1)};
}

std::vector<Region> SqliteTx::regions() {
  auto s = conn_.prepare("SELECT id, name FROM regions ORDER BY id");
  std::vector<Region> out;
  while (s.step()) out.push_back(Region{s.id(0), s.text(1)});
  return out;
}

std::optional<Organisation> SqliteTx::organisation(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  static const std::string sql = std::string(kOrgColumns) + "WHERE id = ?";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  return read_organisation(s);
}

std::vector<Organisation> SqliteTx::organisations(const std::string& region_id) {
  auto key = parse_id(region_id);
  if (!key) return {};
  static const std::string sql = std::string(kOrgColumns) + "WHERE region_id = ? ORDER BY name";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, *key);
  std::vector<Organisation> out;
  while (s.step()) out.push_back(read_organisation(s));
  return out;
}

std::optional<User> SqliteTx::user(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  auto s = conn_.prepare(
      "SELECT id, email, name, password_hash, active, version FROM users WHERE id = ?");
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::optional<User> SqliteTx::user_by_email(const std::string& email) {
  auto s = conn_.prepare(
      "SELECT id, email, name, password_hash, active, version FROM users WHERE email = ?");
  s.bind(1, email);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

std::vector<User> SqliteTx::users_in_region(const std::string& region_id) {
  auto key = parse_id(region_id);
  if (!key) return {};
  auto s = conn_.prepare(
      "SELECT DISTINCT u.id, u.email, u.name, u.password_hash, u.active, u.version FROM users u "
      "JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.organisation_id "
      "WHERE o.region_id = ? ORDER BY u.name");
  s.bind(1, *key);
  std::vector<User> out;
  while (s.step()) out.push_back(read_user(s));
  return out;
}

std::vector<Membership> SqliteTx::memberships_of(const std::string& user_id) {
  auto key = parse_id(user_id);
  if (!key) return {};
  auto s = conn_.prepare(
      "SELECT m.id, m.user_id, m.organisation_id, m.role, m.active AND o.active, o.name, "
      "o.region_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id "
      "WHERE m.user_id = ? ORDER BY m.id");
  s.bind(1, *key);
  std::vector<Membership> out;
  while (s.step()) out.push_back(read_membership(s));
  return out;
}

std::optional<Membership> SqliteTx::membership(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  auto s = conn_.prepare(
      "SELECT m.id, m.user_id, m.organisation_id, m.role, m.active AND o.active, o.name, "
      "o.region_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id "
      "WHERE m.id = ?");
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  return read_membership(s);
}

std::optional<Session> SqliteTx::session(const std::string& token_hash) {
  auto s = conn_.prepare(
      "SELECT token_hash, user_id, membership_id, created_at, last_seen_at, revoked FROM sessions "
      "WHERE token_hash = ?");
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  return Session{s.text(0), s.id(1), s.id(2), s.integer(3), s.integer(4), s.integer(5) != 0};
}

std::optional<SessionPrincipal> SqliteTx::session_principal(const std::string& token_hash) {
  auto s = conn_.prepare(
      "SELECT s.token_hash, s.user_id, s.membership_id, s.created_at, s.last_seen_at, s.revoked, "
      "u.email, u.name, u.password_hash, u.active, u.version, m.organisation_id, m.role, "
      "m.active AND o.active, o.name, o.region_id FROM sessions s JOIN users u ON u.id = s.user_id "
      "JOIN memberships m ON m.id = s.membership_id JOIN organisations o ON o.id = "
      "m.organisation_id "
      "WHERE s.token_hash = ?");
  s.bind(1, token_hash);
  if (!s.step()) return std::nullopt;
  SessionPrincipal p;
  p.session = Session{s.text(0), s.id(1), s.id(2), s.integer(3), s.integer(4), s.integer(5) != 0};
  p.user = User{s.id(1), s.text(6), s.text(7), s.text(8), s.integer(9) != 0, s.integer(10)};
  p.membership.id = s.id(2);
  p.membership.user_id = s.id(1);
  p.membership.organisation_id = s.id(11);
  p.membership.role = domain::parse_role(s.text(12)).value_or(domain::Role::teacher);
  p.membership.active = s.integer(13) != 0;
  p.membership.organisation_name = s.text(14);
  p.membership.region_id = s.id(15);
  return p;
}

LoginFailureCounts SqliteTx::login_failures(const std::string& account_key,
                                            const std::string& address, domain::Millis since) {
  LoginFailureCounts out;
  auto a = conn_.prepare(
      "SELECT count(*), coalesce(min(at), 0) FROM login_failures WHERE account_key = ? AND at >= "
      "?");
  a.bind_all(account_key, since);
  if (a.step()) {
    out.by_account = static_cast<int>(a.integer(0));
    out.oldest_by_account = a.integer(1);
  }
  auto b = conn_.prepare(
      "SELECT count(*), coalesce(min(at), 0) FROM login_failures WHERE address = ? AND at >= ?");
  b.bind_all(address, since);
  if (b.step()) {
    out.by_address = static_cast<int>(b.integer(0));
    out.oldest_by_address = b.integer(1);
  }
  auto c = conn_.prepare(
      "SELECT count(*), coalesce(min(at), 0) FROM login_failures WHERE account_key = ? AND "
      "address = ? AND at >= ?");
  c.bind_all(account_key, address, since);
  if (c.step()) {
    out.by_account_address = static_cast<int>(c.integer(0));
    out.oldest_by_account_address = c.integer(1);
  }
  return out;
}

std::string SqliteTx::insert_region(const Region& r) {
  require_write();
  conn_.prepare("INSERT INTO regions(name) VALUES (?)").bind_all(r.name).run();
  return std::to_string(conn_.last_insert_id());
}

std::string SqliteTx::insert_organisation(const Organisation& o) {
  require_write();
  auto s = conn_.prepare(
      "INSERT INTO organisations(region_id, name, type, school_type, active) VALUES (?,?,?,?,?)");
  s.bind(1, parse_id(o.region_id).value_or(0)).bind(2, o.name).bind(3, domain::to_string(o.type));
  if (o.school_type)
    s.bind(4, domain::to_string(*o.school_type));
  else
    s.bind_null(4);
  s.bind(5, o.active).run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::set_organisation_active(const std::string& id, bool active, std::int64_t expected) {
  require_write();
  conn_
      .prepare(
          "UPDATE organisations SET active = ?, version = version + 1 WHERE id = ? AND version = ?")
      .bind_all(active, parse_id(id).value_or(0), expected)
      .run();
  return conn_.changes() == 1;
}

std::string SqliteTx::insert_user(const User& u) {
  require_write();
  conn_.prepare("INSERT INTO users(email, name, password_hash, active) VALUES (?,?,?,?)")
      .bind_all(u.email, u.name, u.password_hash, u.active)
      .run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::set_user_active(const std::string& id, bool active, std::int64_t expected) {
  require_write();
  conn_.prepare("UPDATE users SET active = ?, version = version + 1 WHERE id = ? AND version = ?")
      .bind_all(active, parse_id(id).value_or(0), expected)
      .run();
  return conn_.changes() == 1;
}

bool SqliteTx::set_user_password(const std::string& id, const std::string& hash) {
  require_write();
  conn_.prepare("UPDATE users SET password_hash = ?, version = version + 1 WHERE id = ?")
      .bind_all(hash, parse_id(id).value_or(0))
      .run();
  return conn_.changes() == 1;
}

std::string SqliteTx::insert_membership(const Membership& m) {
  require_write();
  conn_.prepare("INSERT INTO memberships(user_id, organisation_id, role, active) VALUES (?,?,?,?)")
      .bind_all(parse_id(m.user_id).value_or(0), parse_id(m.organisation_id).value_or(0),
                domain::to_string(m.role), m.active)
      .run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::set_membership_active(const std::string& id, bool active) {
  require_write();
  conn_.prepare("UPDATE memberships SET active = ? WHERE id = ?")
      .bind_all(active, parse_id(id).value_or(0))
      .run();
  return conn_.changes() == 1;
}

void SqliteTx::insert_session(const Session& s) {
  require_write();
  conn_
      .prepare(
          "INSERT INTO sessions(token_hash, user_id, membership_id, created_at, last_seen_at) "
          "VALUES (?,?,?,?,?)")
      .bind_all(s.token_hash, parse_id(s.user_id).value_or(0),
                parse_id(s.membership_id).value_or(0), s.created_at, s.last_seen_at)
      .run();
}

void SqliteTx::touch_session(const std::string& token_hash, domain::Millis at) {
  require_write();
  conn_.prepare("UPDATE sessions SET last_seen_at = max(last_seen_at, ?) WHERE token_hash = ?")
      .bind_all(at, token_hash)
      .run();
}

void SqliteTx::set_session_membership(const std::string& token_hash,
                                      const std::string& membership_id) {
  require_write();
  conn_.prepare("UPDATE sessions SET membership_id = ? WHERE token_hash = ?")
      .bind_all(parse_id(membership_id).value_or(0), token_hash)
      .run();
}

void SqliteTx::revoke_session(const std::string& token_hash) {
  require_write();
  conn_.prepare("UPDATE sessions SET revoked = 1 WHERE token_hash = ?").bind_all(token_hash).run();
}

void SqliteTx::revoke_sessions_of_user(const std::string& user_id) {
  require_write();
  conn_.prepare("UPDATE sessions SET revoked = 1 WHERE user_id = ?")
      .bind_all(parse_id(user_id).value_or(0))
      .run();
}

std::string SqliteTx::record_login_failure(const std::string& account_key,
                                           const std::string& address, domain::Millis at) {
  require_write();
  conn_.prepare("INSERT INTO login_failures(account_key, address, at) VALUES (?,?,?)")
      .bind_all(account_key, address, at)
      .run();
  return std::to_string(conn_.last_insert_id());
}

void SqliteTx::clear_login_failure(const std::string& id) {
  require_write();
  conn_.prepare("DELETE FROM login_failures WHERE id = ?").bind_all(parse_id(id).value_or(0)).run();
}

}  // namespace samen::store::sqlite
