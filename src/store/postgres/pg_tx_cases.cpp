// Cases, their team, level history, goals and actions, and signals (PostgreSQL); the twin
// of sqlite_tx_cases.cpp.
#include <algorithm>

#include "store/case_codes.hpp"
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {
namespace {

Params& millis(Params& p, const std::optional<domain::Millis>& at) {
  return at ? p.integer(*at) : p.null();
}

Params& date(Params& p, const std::optional<domain::Date>& d) {
  return d ? p.text(domain::to_iso(*d)) : p.null();
}

std::optional<domain::Millis> millis(const PgResult& r, int row, int col) {
  if (r.is_null(row, col)) return std::nullopt;
  return r.integer(row, col);
}

std::optional<domain::Date> date(const PgResult& r, int row, int col) {
  if (r.is_null(row, col)) return std::nullopt;
  return domain::parse_iso_date(r.text(row, col));
}

std::int64_t key(const std::string& id) {
  std::int64_t k = 0;
  for (char c : id) k = (c >= '0' && c <= '9') ? k * 10 + (c - '0') : 0;
  return k;
}

constexpr const char* kCaseColumns =
    "SELECT id, pupil_id, school_id, lead_membership_id, categories, level, status, "
    "coalesce(outcome, ''), coalesce(outcome_note, ''), review_date, opened_by_user_id, "
    "opened_at, closed_at, version FROM cases ";

CaseRecord read_case(const PgResult& r, int i) {
  CaseRecord c;
  c.id = r.id(i, 0);
  c.pupil_id = r.id(i, 1);
  c.school_id = r.id(i, 2);
  c.lead_membership_id = r.id(i, 3);
  c.categories = split_categories(r.text(i, 4));
  c.level = static_cast<int>(r.integer(i, 5));
  c.status = r.text(i, 6);
  c.outcome = r.text(i, 7);
  c.outcome_note = r.text(i, 8);
  c.review_date = date(r, i, 9);
  c.opened_by_user_id = r.id(i, 10);
  c.opened_at = r.integer(i, 11);
  c.closed_at = millis(r, i, 12);
  c.version = r.integer(i, 13);
  return c;
}

std::vector<CaseRecord> read_cases(const PgResult& r) {
  std::vector<CaseRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_case(r, i));
  return out;
}

constexpr const char* kSignalColumns =
    "SELECT id, pupil_id, school_id, author_user_id, author_membership_id, "
    "author_organisation_id, author_role, categories, urgency, text, created_at, status, "
    "triaged_by_user_id, triaged_by_membership_id, triaged_at, coalesce(advice, ''), case_id, "
    "version FROM signals ";

std::vector<SignalRecord> read_signals(const PgResult& r) {
  std::vector<SignalRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    SignalRecord s;
    s.id = r.id(i, 0);
    s.pupil_id = r.id(i, 1);
    s.school_id = r.id(i, 2);
    s.author_user_id = r.id(i, 3);
    s.author_membership_id = r.id(i, 4);
    s.author_organisation_id = r.id(i, 5);
    s.author_role = domain::parse_role(r.text(i, 6)).value_or(domain::Role::teacher);
    s.categories = split_categories(r.text(i, 7));
    s.urgency = r.text(i, 8);
    s.text = r.text(i, 9);
    s.created_at = r.integer(i, 10);
    s.status = r.text(i, 11);
    s.triaged_by_user_id = r.id(i, 12);
    s.triaged_by_membership_id = r.id(i, 13);
    s.triaged_at = millis(r, i, 14);
    s.advice = r.text(i, 15);
    s.case_id = r.id(i, 16);
    s.version = r.integer(i, 17);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

// --- signals -------------------------------------------------------------------------

std::optional<SignalRecord> PgTx::signal(const std::string& id) {
  static const std::string sql = std::string(kSignalColumns) + "WHERE id = $1";
  auto rows = read_signals(conn_.query(sql.c_str(), Params().id(id)));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<SignalRecord> PgTx::open_signals(const std::string& school_id) {
  static const std::string sql =
      std::string(kSignalColumns) + "WHERE school_id = $1 AND status = 'open' ORDER BY id";
  return read_signals(conn_.query(sql.c_str(), Params().id(school_id)));
}

std::vector<SignalRecord> PgTx::signals_of_pupil(const std::string& pupil_id) {
  static const std::string sql = std::string(kSignalColumns) + "WHERE pupil_id = $1 ORDER BY id";
  return read_signals(conn_.query(sql.c_str(), Params().id(pupil_id)));
}

std::string PgTx::insert_signal(const SignalRecord& s) {
  require_write();
  Params p;
  p.id(s.pupil_id).id(s.school_id).id(s.author_user_id).id(s.author_membership_id);
  p.id(s.author_organisation_id).text(domain::to_string(s.author_role));
  p.text(join_categories(s.categories)).text(s.urgency).text(s.text).integer(s.created_at);
  return conn_
      .query(
          "INSERT INTO signals(pupil_id, school_id, author_user_id, author_membership_id, "
          "author_organisation_id, author_role, categories, urgency, text, created_at, status) "
          "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'open') RETURNING id",
          p)
      .text(0, 0);
}

bool PgTx::triage_signal(const std::string& signal_id, const SignalTriage& t,
                         std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(t.decision).id(t.by_user_id).id(t.by_membership_id).integer(t.at).optional(t.advice);
  p.id(t.case_id).id(signal_id).integer(expected_version);
  return !conn_
              .query(
                  "UPDATE signals SET status = $1, triaged_by_user_id = $2, "
                  "triaged_by_membership_id = $3, triaged_at = $4, advice = $5, case_id = $6, "
                  "version = version + 1 WHERE id = $7 AND version = $8 AND status = 'open' "
                  "RETURNING id",
                  p)
              .empty();
}

// --- cases ---------------------------------------------------------------------------

std::optional<CaseRecord> PgTx::case_record(const std::string& id) {
  static const std::string sql = std::string(kCaseColumns) + "WHERE id = $1";
  auto r = conn_.query(sql.c_str(), Params().id(id));
  if (r.empty()) return std::nullopt;
  CaseRecord c = read_case(r, 0);
  auto t = conn_.query(
      "SELECT t.id, t.membership_id, t.reason, t.added_by_user_id, t.added_at, t.removed_at, "
      "t.removed_by_user_id, m.user_id, m.organisation_id, m.role FROM case_team t "
      "JOIN memberships m ON m.id = t.membership_id WHERE t.case_id = $1 ORDER BY t.id",
      Params().id(c.id));
  for (int i = 0; i < t.rows(); ++i)
    c.team.push_back({t.id(i, 0), c.id, t.id(i, 1), t.text(i, 2), t.id(i, 3), t.integer(i, 4),
                      millis(t, i, 5), t.id(i, 6), t.id(i, 7), t.id(i, 8),
                      domain::parse_role(t.text(i, 9)).value_or(domain::Role::teacher)});
  auto l = conn_.query(
      "SELECT id, from_level, to_level, reason, changed_by_user_id, changed_by_membership_id, "
      "changed_at FROM case_level_changes WHERE case_id = $1 ORDER BY id",
      Params().id(c.id));
  for (int i = 0; i < l.rows(); ++i) {
    LevelChange ch{l.id(i, 0),   c.id,       std::nullopt, static_cast<int>(l.integer(i, 2)),
                   l.text(i, 3), l.id(i, 4), l.id(i, 5),   l.integer(i, 6)};
    if (!l.is_null(i, 1)) ch.from_level = static_cast<int>(l.integer(i, 1));
    c.level_changes.push_back(std::move(ch));
  }
  return c;
}

std::vector<CaseRecord> PgTx::cases_of_school(const std::string& school_id, bool open_only) {
  static const std::string sql = std::string(kCaseColumns) +
                                 "WHERE school_id = $1 AND (NOT $2 OR status = 'open') "
                                 "ORDER BY id DESC";
  return read_cases(conn_.query(sql.c_str(), Params().id(school_id).boolean(open_only)));
}

std::vector<CaseRecord> PgTx::cases_of_pupil(const std::string& pupil_id) {
  static const std::string sql = std::string(kCaseColumns) + "WHERE pupil_id = $1 ORDER BY id DESC";
  return read_cases(conn_.query(sql.c_str(), Params().id(pupil_id)));
}

std::vector<CaseRecord> PgTx::cases_of_memberships(const std::vector<std::string>& ids) {
  static const std::string sql =
      std::string(kCaseColumns) +
      "WHERE id IN (SELECT id FROM cases WHERE lead_membership_id = $1 UNION "
      "SELECT case_id FROM case_team WHERE membership_id = $1 AND removed_at IS NULL) "
      "ORDER BY id DESC";
  std::vector<CaseRecord> out;
  for (const auto& id : ids)
    for (auto& c : read_cases(conn_.query(sql.c_str(), Params().id(id)))) {
      bool seen = false;
      for (const auto& o : out) seen = seen || o.id == c.id;
      if (!seen) out.push_back(std::move(c));
    }
  std::sort(out.begin(), out.end(),
            [](const CaseRecord& a, const CaseRecord& b) { return key(a.id) > key(b.id); });
  return out;
}

std::string PgTx::insert_case(const CaseRecord& c, const std::string& opening_reason) {
  require_write();
  Params p;
  p.id(c.pupil_id).id(c.school_id).id(c.lead_membership_id).text(join_categories(c.categories));
  p.integer(c.level);
  date(p, c.review_date).id(c.opened_by_user_id).integer(c.opened_at);
  std::string id = conn_
                       .query(
                           "INSERT INTO cases(pupil_id, school_id, lead_membership_id, "
                           "categories, level, status, review_date, opened_by_user_id, "
                           "opened_at) VALUES ($1,$2,$3,$4,$5,'open',$6,$7,$8) RETURNING id",
                           p)
                       .text(0, 0);
  conn_.query(
      "INSERT INTO case_level_changes(case_id, from_level, to_level, reason, "
      "changed_by_user_id, changed_by_membership_id, changed_at) "
      "VALUES ($1,NULL,$2,$3,$4,NULL,$5)",
      Params()
          .id(id)
          .integer(c.level)
          .text(opening_reason)
          .id(c.opened_by_user_id)
          .integer(c.opened_at));
  return id;
}

bool PgTx::update_case(const CaseRecord& c, std::int64_t expected_version) {
  require_write();
  Params p;
  p.id(c.lead_membership_id).text(join_categories(c.categories));
  date(p, c.review_date).id(c.id).integer(expected_version);
  return !conn_
              .query(
                  "UPDATE cases SET lead_membership_id = $1, categories = $2, review_date = $3, "
                  "version = version + 1 WHERE id = $4 AND version = $5 RETURNING id",
                  p)
              .empty();
}

bool PgTx::close_case(const std::string& case_id, const std::string& outcome,
                      const std::string& outcome_note, domain::Millis at,
                      std::int64_t expected_version) {
  require_write();
  return !conn_
              .query(
                  "UPDATE cases SET status = 'closed', outcome = $1, outcome_note = $2, "
                  "closed_at = $3, version = version + 1 WHERE id = $4 AND version = $5 "
                  "AND status = 'open' RETURNING id",
                  Params()
                      .text(outcome)
                      .optional(outcome_note)
                      .integer(at)
                      .id(case_id)
                      .integer(expected_version))
              .empty();
}

std::optional<std::string> PgTx::add_team_member(const TeamMember& m) {
  require_write();
  auto existing = conn_.query(
      "SELECT 1 FROM case_team WHERE case_id = $1 AND membership_id = $2 AND removed_at IS NULL",
      Params().id(m.case_id).id(m.membership_id));
  if (!existing.empty()) return std::nullopt;
  return conn_
      .query(
          "INSERT INTO case_team(case_id, membership_id, reason, added_by_user_id, added_at) "
          "VALUES ($1,$2,$3,$4,$5) RETURNING id",
          Params()
              .id(m.case_id)
              .id(m.membership_id)
              .text(m.reason)
              .id(m.added_by_user_id)
              .integer(m.added_at))
      .text(0, 0);
}

bool PgTx::remove_team_member(const std::string& case_id, const std::string& membership_id,
                              const std::string& by_user_id, domain::Millis at) {
  require_write();
  return !conn_
              .query(
                  "UPDATE case_team SET removed_at = $1, removed_by_user_id = $2 WHERE case_id = "
                  "$3 AND membership_id = $4 AND removed_at IS NULL RETURNING id",
                  Params().integer(at).id(by_user_id).id(case_id).id(membership_id))
              .empty();
}

bool PgTx::change_level(const LevelChange& change, std::int64_t expected_version) {
  require_write();
  // The old level comes from the row as it was before the update (a self-join in FROM).
  auto r = conn_.query(
      "UPDATE cases c SET level = $1, version = c.version + 1 FROM cases old "
      "WHERE old.id = c.id AND c.id = $2 AND c.version = $3 RETURNING old.level",
      Params().integer(change.to_level).id(change.case_id).integer(expected_version));
  if (r.empty()) return false;
  Params p;
  p.id(change.case_id).integer(r.integer(0, 0)).integer(change.to_level).text(change.reason);
  p.id(change.changed_by_user_id).id(change.changed_by_membership_id).integer(change.changed_at);
  conn_.query(
      "INSERT INTO case_level_changes(case_id, from_level, to_level, reason, "
      "changed_by_user_id, changed_by_membership_id, changed_at) VALUES ($1,$2,$3,$4,$5,$6,$7)",
      p);
  return true;
}

// --- goals and actions ---------------------------------------------------------------

std::vector<GoalRecord> PgTx::goals_of_case(const std::string& case_id) {
  auto r = conn_.query(
      "SELECT id, case_id, text, created_by_user_id, created_at, achieved_at, version "
      "FROM case_goals WHERE case_id = $1 ORDER BY id",
      Params().id(case_id));
  std::vector<GoalRecord> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.id(i, 0), r.id(i, 1), r.text(i, 2), r.id(i, 3), r.integer(i, 4),
                   millis(r, i, 5), r.integer(i, 6)});
  return out;
}

std::vector<ActionRecord> PgTx::actions_of_case(const std::string& case_id) {
  auto r = conn_.query(
      "SELECT id, case_id, text, owner_membership_id, due_date, created_by_user_id, created_at, "
      "done_at, version FROM case_actions WHERE case_id = $1 ORDER BY id",
      Params().id(case_id));
  std::vector<ActionRecord> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.id(i, 0), r.id(i, 1), r.text(i, 2), r.id(i, 3), date(r, i, 4), r.id(i, 5),
                   r.integer(i, 6), millis(r, i, 7), r.integer(i, 8)});
  return out;
}

std::optional<GoalRecord> PgTx::goal(const std::string& id) {
  auto r = conn_.query(
      "SELECT id, case_id, text, created_by_user_id, created_at, achieved_at, version "
      "FROM case_goals WHERE id = $1",
      Params().id(id));
  if (r.empty()) return std::nullopt;
  return GoalRecord{r.id(0, 0),      r.id(0, 1),      r.text(0, 2),   r.id(0, 3),
                    r.integer(0, 4), millis(r, 0, 5), r.integer(0, 6)};
}

std::optional<ActionRecord> PgTx::action(const std::string& id) {
  auto r = conn_.query(
      "SELECT id, case_id, text, owner_membership_id, due_date, created_by_user_id, created_at, "
      "done_at, version FROM case_actions WHERE id = $1",
      Params().id(id));
  if (r.empty()) return std::nullopt;
  return ActionRecord{r.id(0, 0), r.id(0, 1),      r.text(0, 2),    r.id(0, 3),     date(r, 0, 4),
                      r.id(0, 5), r.integer(0, 6), millis(r, 0, 7), r.integer(0, 8)};
}

std::string PgTx::insert_goal(const GoalRecord& g) {
  require_write();
  Params p;
  p.id(g.case_id).text(g.text).id(g.created_by_user_id).integer(g.created_at);
  millis(p, g.achieved_at);
  return conn_
      .query(
          "INSERT INTO case_goals(case_id, text, created_by_user_id, created_at, achieved_at) "
          "VALUES ($1,$2,$3,$4,$5) RETURNING id",
          p)
      .text(0, 0);
}

bool PgTx::update_goal(const GoalRecord& g, std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(g.text);
  millis(p, g.achieved_at).id(g.id).integer(expected_version);
  return !conn_
              .query(
                  "UPDATE case_goals SET text = $1, achieved_at = $2, version = version + 1 "
                  "WHERE id = $3 AND version = $4 RETURNING id",
                  p)
              .empty();
}

std::string PgTx::insert_action(const ActionRecord& a) {
  require_write();
  Params p;
  p.id(a.case_id).text(a.text).id(a.owner_membership_id);
  date(p, a.due_date).id(a.created_by_user_id).integer(a.created_at);
  millis(p, a.done_at);
  return conn_
      .query(
          "INSERT INTO case_actions(case_id, text, owner_membership_id, due_date, "
          "created_by_user_id, created_at, done_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
          p)
      .text(0, 0);
}

bool PgTx::update_action(const ActionRecord& a, std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(a.text).id(a.owner_membership_id);
  date(p, a.due_date);
  millis(p, a.done_at).id(a.id).integer(expected_version);
  return !conn_
              .query(
                  "UPDATE case_actions SET text = $1, owner_membership_id = $2, due_date = $3, "
                  "done_at = $4, version = version + 1 WHERE id = $5 AND version = $6 "
                  "RETURNING id",
                  p)
              .empty();
}

}  // namespace samen::store::postgres
