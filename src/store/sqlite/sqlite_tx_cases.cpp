// Cases, their team, level history, goals and actions, and signals (SQLite).
#include <algorithm>

#include "store/case_codes.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {
namespace {

void bind_id(Statement& s, int index, const std::string& id) {
  if (auto key = parse_id(id))
    s.bind(index, *key);
  else
    s.bind_null(index);
}

void bind_millis(Statement& s, int index, const std::optional<domain::Millis>& at) {
  if (at)
    s.bind(index, *at);
  else
    s.bind_null(index);
}

void bind_date(Statement& s, int index, const std::optional<domain::Date>& d) {
  if (d)
    s.bind(index, domain::to_iso(*d));
  else
    s.bind_null(index);
}

std::optional<domain::Millis> millis(const Statement& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return s.integer(col);
}

std::optional<domain::Date> date(const Statement& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return domain::parse_iso_date(s.text(col));
}

constexpr const char* kCaseColumns =
    "SELECT id, pupil_id, school_id, lead_membership_id, categories, level, status, "
    "coalesce(outcome, ''), coalesce(outcome_note, ''), review_date, opened_by_user_id, "
    "opened_at, closed_at, version FROM cases ";

CaseRecord read_case(const Statement& s) {
  CaseRecord c;
  c.id = s.id(0);
  c.pupil_id = s.id(1);
  c.school_id = s.id(2);
  c.lead_membership_id = s.id(3);
  c.categories = split_categories(s.text(4));
  c.level = static_cast<int>(s.integer(5));
  c.status = s.text(6);
  c.outcome = s.text(7);
  c.outcome_note = s.text(8);
  c.review_date = date(s, 9);
  c.opened_by_user_id = s.id(10);
  c.opened_at = s.integer(11);
  c.closed_at = millis(s, 12);
  c.version = s.integer(13);
  return c;
}

constexpr const char* kSignalColumns =
    "SELECT id, pupil_id, school_id, author_user_id, author_membership_id, "
    "author_organisation_id, author_role, categories, urgency, text, created_at, status, "
    "triaged_by_user_id, triaged_by_membership_id, triaged_at, coalesce(advice, ''), case_id, "
    "version FROM signals ";

SignalRecord read_signal(const Statement& s) {
  SignalRecord r;
  r.id = s.id(0);
  r.pupil_id = s.id(1);
  r.school_id = s.id(2);
  r.author_user_id = s.id(3);
  r.author_membership_id = s.id(4);
  r.author_organisation_id = s.id(5);
  r.author_role = domain::parse_role(s.text(6)).value_or(domain::Role::teacher);
  r.categories = split_categories(s.text(7));
  r.urgency = s.text(8);
  r.text = s.text(9);
  r.created_at = s.integer(10);
  r.status = s.text(11);
  r.triaged_by_user_id = s.id(12);
  r.triaged_by_membership_id = s.id(13);
  r.triaged_at = millis(s, 14);
  r.advice = s.text(15);
  r.case_id = s.id(16);
  r.version = s.integer(17);
  return r;
}

}  // namespace

// --- signals -------------------------------------------------------------------------

std::optional<SignalRecord> SqliteTx::signal(const std::string& id) {
  static const std::string sql = std::string(kSignalColumns) + "WHERE id = ?";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(id).value_or(0));
  if (!s.step()) return std::nullopt;
  return read_signal(s);
}

std::vector<SignalRecord> SqliteTx::open_signals(const std::string& school_id) {
  static const std::string sql =
      std::string(kSignalColumns) + "WHERE school_id = ? AND status = 'open' ORDER BY id";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(school_id).value_or(0));
  std::vector<SignalRecord> out;
  while (s.step()) out.push_back(read_signal(s));
  return out;
}

std::vector<SignalRecord> SqliteTx::signals_of_pupil(const std::string& pupil_id) {
  static const std::string sql = std::string(kSignalColumns) + "WHERE pupil_id = ? ORDER BY id";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(pupil_id).value_or(0));
  std::vector<SignalRecord> out;
  while (s.step()) out.push_back(read_signal(s));
  return out;
}

std::string SqliteTx::insert_signal(const SignalRecord& r) {
  require_write();
  auto s = conn_.prepare(
      "INSERT INTO signals(pupil_id, school_id, author_user_id, author_membership_id, "
      "author_organisation_id, author_role, categories, urgency, text, created_at, status) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,'open')");
  bind_id(s, 1, r.pupil_id);
  bind_id(s, 2, r.school_id);
  bind_id(s, 3, r.author_user_id);
  bind_id(s, 4, r.author_membership_id);
  bind_id(s, 5, r.author_organisation_id);
  s.bind(6, domain::to_string(r.author_role)).bind(7, join_categories(r.categories));
  s.bind(8, r.urgency).bind(9, r.text).bind(10, r.created_at);
  s.run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::triage_signal(const std::string& signal_id, const SignalTriage& t,
                             std::int64_t expected_version) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE signals SET status = ?, triaged_by_user_id = ?, triaged_by_membership_id = ?, "
      "triaged_at = ?, advice = ?, case_id = ?, version = version + 1 "
      "WHERE id = ? AND version = ? AND status = 'open'");
  s.bind(1, t.decision);
  bind_id(s, 2, t.by_user_id);
  bind_id(s, 3, t.by_membership_id);
  s.bind(4, t.at).bind_optional(5, t.advice);
  bind_id(s, 6, t.case_id);
  s.bind(7, parse_id(signal_id).value_or(0)).bind(8, expected_version);
  s.run();
  return conn_.changes() == 1;
}

// --- cases ---------------------------------------------------------------------------

std::optional<CaseRecord> SqliteTx::case_record(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  static const std::string sql = std::string(kCaseColumns) + "WHERE id = ?";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  CaseRecord c = read_case(s);
  s.run();
  auto t = conn_.prepare(
      "SELECT t.id, t.membership_id, t.reason, t.added_by_user_id, t.added_at, t.removed_at, "
      "t.removed_by_user_id, m.user_id, m.organisation_id, m.role FROM case_team t "
      "JOIN memberships m ON m.id = t.membership_id WHERE t.case_id = ? ORDER BY t.id");
  t.bind(1, *key);
  while (t.step()) {
    TeamMember m{t.id(0),
                 c.id,
                 t.id(1),
                 t.text(2),
                 t.id(3),
                 t.integer(4),
                 millis(t, 5),
                 t.id(6),
                 t.id(7),
                 t.id(8),
                 domain::parse_role(t.text(9)).value_or(domain::Role::teacher)};
    c.team.push_back(std::move(m));
  }
  auto l = conn_.prepare(
      "SELECT id, from_level, to_level, reason, changed_by_user_id, changed_by_membership_id, "
      "changed_at FROM case_level_changes WHERE case_id = ? ORDER BY id");
  l.bind(1, *key);
  while (l.step()) {
    LevelChange ch{l.id(0),   c.id,    std::nullopt, static_cast<int>(l.integer(2)),
                   l.text(3), l.id(4), l.id(5),      l.integer(6)};
    if (!l.is_null(1)) ch.from_level = static_cast<int>(l.integer(1));
    c.level_changes.push_back(std::move(ch));
  }
  return c;
}

std::vector<CaseRecord> SqliteTx::cases_of_school(const std::string& school_id, bool open_only) {
  static const std::string sql = std::string(kCaseColumns) +
                                 "WHERE school_id = ? AND (? = 0 OR status = 'open') "
                                 "ORDER BY id DESC";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(school_id).value_or(0)).bind(2, open_only);
  std::vector<CaseRecord> out;
  while (s.step()) out.push_back(read_case(s));
  return out;
}

std::vector<CaseRecord> SqliteTx::cases_of_pupil(const std::string& pupil_id) {
  static const std::string sql = std::string(kCaseColumns) + "WHERE pupil_id = ? ORDER BY id DESC";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(pupil_id).value_or(0));
  std::vector<CaseRecord> out;
  while (s.step()) out.push_back(read_case(s));
  return out;
}

std::vector<CaseRecord> SqliteTx::cases_of_memberships(const std::vector<std::string>& ids) {
  static const std::string sql =
      std::string(kCaseColumns) +
      "WHERE id IN (SELECT id FROM cases WHERE lead_membership_id = ?1 UNION "
      "SELECT case_id FROM case_team WHERE membership_id = ?1 AND removed_at IS NULL) "
      "ORDER BY id DESC";
  std::vector<CaseRecord> out;
  for (const auto& id : ids) {
    auto s = conn_.prepare(sql.c_str());
    s.bind(1, parse_id(id).value_or(0));
    while (s.step()) {
      CaseRecord c = read_case(s);
      bool seen = false;
      for (const auto& o : out) seen = seen || o.id == c.id;
      if (!seen) out.push_back(std::move(c));
    }
  }
  std::sort(out.begin(), out.end(), [](const CaseRecord& a, const CaseRecord& b) {
    return parse_id(a.id) > parse_id(b.id);
  });
  return out;
}

std::string SqliteTx::insert_case(const CaseRecord& c, const std::string& opening_reason) {
  require_write();
  auto s = conn_.prepare(
      "INSERT INTO cases(pupil_id, school_id, lead_membership_id, categories, level, status, "
      "review_date, opened_by_user_id, opened_at) VALUES (?,?,?,?,?,'open',?,?,?)");
  bind_id(s, 1, c.pupil_id);
  bind_id(s, 2, c.school_id);
  bind_id(s, 3, c.lead_membership_id);
  s.bind(4, join_categories(c.categories)).bind(5, c.level);
  bind_date(s, 6, c.review_date);
  bind_id(s, 7, c.opened_by_user_id);
  s.bind(8, c.opened_at);
  s.run();
  std::int64_t id = conn_.last_insert_id();
  auto l = conn_.prepare(
      "INSERT INTO case_level_changes(case_id, from_level, to_level, reason, "
      "changed_by_user_id, changed_by_membership_id, changed_at) VALUES (?,NULL,?,?,?,NULL,?)");
  l.bind(1, id).bind(2, c.level).bind(3, opening_reason);
  bind_id(l, 4, c.opened_by_user_id);
  l.bind(5, c.opened_at);
  l.run();
  return std::to_string(id);
}

bool SqliteTx::update_case(const CaseRecord& c, std::int64_t expected_version) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE cases SET lead_membership_id = ?, categories = ?, review_date = ?, "
      "version = version + 1 WHERE id = ? AND version = ?");
  bind_id(s, 1, c.lead_membership_id);
  s.bind(2, join_categories(c.categories));
  bind_date(s, 3, c.review_date);
  s.bind(4, parse_id(c.id).value_or(0)).bind(5, expected_version);
  s.run();
  return conn_.changes() == 1;
}

bool SqliteTx::close_case(const std::string& case_id, const std::string& outcome,
                          const std::string& outcome_note, domain::Millis at,
                          std::int64_t expected_version) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE cases SET status = 'closed', outcome = ?, outcome_note = ?, closed_at = ?, "
      "version = version + 1 WHERE id = ? AND version = ? AND status = 'open'");
  s.bind(1, outcome).bind_optional(2, outcome_note).bind(3, at);
  s.bind(4, parse_id(case_id).value_or(0)).bind(5, expected_version);
  s.run();
  return conn_.changes() == 1;
}

std::optional<std::string> SqliteTx::add_team_member(const TeamMember& m) {
  require_write();
  auto existing = conn_.prepare(
      "SELECT 1 FROM case_team WHERE case_id = ? AND membership_id = ? AND removed_at IS NULL");
  existing.bind(1, parse_id(m.case_id).value_or(0)).bind(2, parse_id(m.membership_id).value_or(0));
  if (existing.step()) return std::nullopt;
  existing.run();
  auto s = conn_.prepare(
      "INSERT INTO case_team(case_id, membership_id, reason, added_by_user_id, added_at) "
      "VALUES (?,?,?,?,?)");
  bind_id(s, 1, m.case_id);
  bind_id(s, 2, m.membership_id);
  s.bind(3, m.reason);
  bind_id(s, 4, m.added_by_user_id);
  s.bind(5, m.added_at);
  s.run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::remove_team_member(const std::string& case_id, const std::string& membership_id,
                                  const std::string& by_user_id, domain::Millis at) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE case_team SET removed_at = ?, removed_by_user_id = ? "
      "WHERE case_id = ? AND membership_id = ? AND removed_at IS NULL");
  s.bind(1, at);
  bind_id(s, 2, by_user_id);
  s.bind(3, parse_id(case_id).value_or(0)).bind(4, parse_id(membership_id).value_or(0));
  s.run();
  return conn_.changes() == 1;
}

bool SqliteTx::change_level(const LevelChange& change, std::int64_t expected_version) {
  require_write();
  auto key = parse_id(change.case_id).value_or(0);
  auto current = conn_.prepare("SELECT level FROM cases WHERE id = ? AND version = ?");
  current.bind(1, key).bind(2, expected_version);
  if (!current.step()) return false;
  std::int64_t from = current.integer(0);
  current.run();
  auto s = conn_.prepare(
      "UPDATE cases SET level = ?, version = version + 1 WHERE id = ? AND version = ?");
  s.bind(1, change.to_level).bind(2, key).bind(3, expected_version);
  s.run();
  if (conn_.changes() != 1) return false;
  auto l = conn_.prepare(
      "INSERT INTO case_level_changes(case_id, from_level, to_level, reason, "
      "changed_by_user_id, changed_by_membership_id, changed_at) VALUES (?,?,?,?,?,?,?)");
  l.bind(1, key).bind(2, from).bind(3, change.to_level).bind(4, change.reason);
  bind_id(l, 5, change.changed_by_user_id);
  bind_id(l, 6, change.changed_by_membership_id);
  l.bind(7, change.changed_at);
  l.run();
  return true;
}

// --- goals and actions ---------------------------------------------------------------

std::vector<GoalRecord> SqliteTx::goals_of_case(const std::string& case_id) {
  auto s = conn_.prepare(
      "SELECT id, case_id, text, created_by_user_id, created_at, achieved_at, version "
      "FROM case_goals WHERE case_id = ? ORDER BY id");
  s.bind(1, parse_id(case_id).value_or(0));
  std::vector<GoalRecord> out;
  while (s.step())
    out.push_back({s.id(0), s.id(1), s.text(2), s.id(3), s.integer(4), millis(s, 5), s.integer(6)});
  return out;
}

std::vector<ActionRecord> SqliteTx::actions_of_case(const std::string& case_id) {
  auto s = conn_.prepare(
      "SELECT id, case_id, text, owner_membership_id, due_date, created_by_user_id, created_at, "
      "done_at, version FROM case_actions WHERE case_id = ? ORDER BY id");
  s.bind(1, parse_id(case_id).value_or(0));
  std::vector<ActionRecord> out;
  while (s.step())
    out.push_back({s.id(0), s.id(1), s.text(2), s.id(3), date(s, 4), s.id(5), s.integer(6),
                   millis(s, 7), s.integer(8)});
  return out;
}

std::optional<GoalRecord> SqliteTx::goal(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  auto s = conn_.prepare(
      "SELECT id, case_id, text, created_by_user_id, created_at, achieved_at, version "
      "FROM case_goals WHERE id = ?");
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  GoalRecord g{s.id(0), s.id(1), s.text(2), s.id(3), s.integer(4), millis(s, 5), s.integer(6)};
  s.run();
  return g;
}

std::optional<ActionRecord> SqliteTx::action(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  auto s = conn_.prepare(
      "SELECT id, case_id, text, owner_membership_id, due_date, created_by_user_id, created_at, "
      "done_at, version FROM case_actions WHERE id = ?");
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  ActionRecord a{s.id(0), s.id(1),      s.text(2),    s.id(3),     date(s, 4),
                 s.id(5), s.integer(6), millis(s, 7), s.integer(8)};
  s.run();
  return a;
}

std::string SqliteTx::insert_goal(const GoalRecord& g) {
  require_write();
  auto s = conn_.prepare(
      "INSERT INTO case_goals(case_id, text, created_by_user_id, created_at, achieved_at) "
      "VALUES (?,?,?,?,?)");
  bind_id(s, 1, g.case_id);
  s.bind(2, g.text);
  bind_id(s, 3, g.created_by_user_id);
  s.bind(4, g.created_at);
  bind_millis(s, 5, g.achieved_at);
  s.run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::update_goal(const GoalRecord& g, std::int64_t expected_version) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE case_goals SET text = ?, achieved_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ?");
  s.bind(1, g.text);
  bind_millis(s, 2, g.achieved_at);
  s.bind(3, parse_id(g.id).value_or(0)).bind(4, expected_version);
  s.run();
  return conn_.changes() == 1;
}

std::string SqliteTx::insert_action(const ActionRecord& a) {
  require_write();
  auto s = conn_.prepare(
      "INSERT INTO case_actions(case_id, text, owner_membership_id, due_date, "
      "created_by_user_id, created_at, done_at) VALUES (?,?,?,?,?,?,?)");
  bind_id(s, 1, a.case_id);
  s.bind(2, a.text);
  bind_id(s, 3, a.owner_membership_id);
  bind_date(s, 4, a.due_date);
  bind_id(s, 5, a.created_by_user_id);
  s.bind(6, a.created_at);
  bind_millis(s, 7, a.done_at);
  s.run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::update_action(const ActionRecord& a, std::int64_t expected_version) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE case_actions SET text = ?, owner_membership_id = ?, due_date = ?, done_at = ?, "
      "version = version + 1 WHERE id = ? AND version = ?");
  s.bind(1, a.text);
  bind_id(s, 2, a.owner_membership_id);
  bind_date(s, 3, a.due_date);
  bind_millis(s, 4, a.done_at);
  s.bind(5, parse_id(a.id).value_or(0)).bind(6, expected_version);
  s.run();
  return conn_.changes() == 1;
}

}  // namespace samen::store::sqlite
