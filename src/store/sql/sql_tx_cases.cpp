// Signals, and cases with their team and level history.
#include <algorithm>

#include "store/case_codes.hpp"
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

#define SAMEN_CASE_SELECT                                                               \
  "SELECT id, pupil_id, school_id, lead_membership_id, categories, level, status, "     \
  "coalesce(outcome, ''), coalesce(outcome_note, ''), review_date, opened_by_user_id, " \
  "opened_at, closed_at, version FROM cases "

// The sealed columns as stored: SqlTx::case_from and SqlTx::signals open them.
CaseRecord read_case(const Rows& r) {
  CaseRecord c;
  c.id = r.id(0);
  c.pupil_id = r.id(1);
  c.school_id = r.id(2);
  c.lead_membership_id = r.id(3);
  c.categories = split_categories(r.text(4));
  c.level = static_cast<int>(r.integer(5));
  c.status = r.text(6);
  c.outcome = r.text(7);
  c.outcome_note = r.text(8);
  c.review_date = date(r, 9);
  c.opened_by_user_id = r.id(10);
  c.opened_at = r.integer(11);
  c.closed_at = millis(r, 12);
  c.version = r.integer(13);
  return c;
}

#define SAMEN_SIGNAL_SELECT                                                                   \
  "SELECT id, pupil_id, school_id, author_user_id, author_membership_id, "                    \
  "author_organisation_id, author_role, categories, urgency, text, created_at, status, "      \
  "triaged_by_user_id, triaged_by_membership_id, triaged_at, coalesce(advice, ''), case_id, " \
  "version FROM signals "

std::vector<SignalRecord> read_signals(std::unique_ptr<Rows> rows) {
  std::vector<SignalRecord> out;
  while (rows->next()) {
    const Rows& r = *rows;
    SignalRecord s;
    s.id = r.id(0);
    s.pupil_id = r.id(1);
    s.school_id = r.id(2);
    s.author_user_id = r.id(3);
    s.author_membership_id = r.id(4);
    s.author_organisation_id = r.id(5);
    s.author_role = domain::parse_role(r.text(6)).value_or(domain::Role::teacher);
    s.categories = split_categories(r.text(7));
    s.urgency = r.text(8);
    s.text = r.text(9);
    s.created_at = r.integer(10);
    s.status = r.text(11);
    s.triaged_by_user_id = r.id(12);
    s.triaged_by_membership_id = r.id(13);
    s.triaged_at = millis(r, 14);
    s.advice = r.text(15);
    s.case_id = r.id(16);
    s.version = r.integer(17);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

CaseRecord SqlTx::case_from(const Rows& r) const {
  auto c = read_case(r);
  c.outcome_note = open("cases", "outcome_note", c.id, std::move(c.outcome_note));
  return c;
}

std::vector<CaseRecord> SqlTx::cases_from(std::unique_ptr<Rows> r) const {
  std::vector<CaseRecord> out;
  while (r->next()) out.push_back(case_from(*r));
  return out;
}

std::vector<SignalRecord> SqlTx::signals_from(std::unique_ptr<Rows> r) const {
  auto out = read_signals(std::move(r));
  for (auto& s : out) {
    s.text = open("signals", "text", s.id, std::move(s.text));
    s.advice = open("signals", "advice", s.id, std::move(s.advice));
  }
  return out;
}

// --- signals -------------------------------------------------------------------------

std::optional<SignalRecord> SqlTx::signal(const std::string& id) {
  auto rows = signals_from(db().query(SAMEN_SIGNAL_SELECT "WHERE id = ?", Params().id(id)));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<SignalRecord> SqlTx::open_signals(const std::string& school_id) {
  return signals_from(db().query(SAMEN_SIGNAL_SELECT
                                 "WHERE school_id = ? AND status = 'open' ORDER BY id",
                                 Params().id(school_id)));
}

std::vector<SignalRecord> SqlTx::signals_of_pupil(const std::string& pupil_id) {
  return signals_from(
      db().query(SAMEN_SIGNAL_SELECT "WHERE pupil_id = ? ORDER BY id", Params().id(pupil_id)));
}

std::string SqlTx::insert_signal(const SignalRecord& s) {
  require_write();
  auto id = reserve_id("signals");
  Params p;
  p.id(id).id(s.pupil_id).id(s.school_id).id(s.author_user_id).id(s.author_membership_id);
  p.id(s.author_organisation_id).text(domain::to_string(s.author_role));
  p.text(join_categories(s.categories)).text(s.urgency).text(seal("signals", "text", id, s.text));
  p.integer(s.created_at);
  db().run(
      "INSERT INTO signals(id, pupil_id, school_id, author_user_id, author_membership_id, "
      "author_organisation_id, author_role, categories, urgency, text, created_at, status) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,'open')",
      p);
  return id;
}

bool SqlTx::triage_signal(const std::string& signal_id, const SignalTriage& t,
                          std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(t.decision).id(t.by_user_id).id(t.by_membership_id).integer(t.at);
  p.optional(seal("signals", "advice", signal_id, t.advice));
  p.id(t.case_id).id(signal_id).integer(expected_version);
  return db().run(
             "UPDATE signals SET status = ?, triaged_by_user_id = ?, "
             "triaged_by_membership_id = ?, triaged_at = ?, advice = ?, case_id = ?, "
             "version = version + 1 WHERE id = ? AND version = ? AND status = 'open'",
             p) == 1;
}

// --- cases ---------------------------------------------------------------------------

std::optional<CaseRecord> SqlTx::case_record(const std::string& id) {
  std::optional<CaseRecord> found;
  {
    auto r = db().query(SAMEN_CASE_SELECT "WHERE id = ?", Params().id(id));
    if (!r->next()) return std::nullopt;
    found = case_from(*r);
  }
  CaseRecord& c = *found;
  auto t = db().query(
      "SELECT t.id, t.membership_id, t.reason, t.added_by_user_id, t.added_at, t.removed_at, "
      "t.removed_by_user_id, m.user_id, m.organisation_id, m.role FROM case_team t "
      "JOIN memberships m ON m.id = t.membership_id WHERE t.case_id = ? ORDER BY t.id",
      Params().id(c.id));
  while (t->next())
    c.team.push_back({t->id(0), c.id, t->id(1), open("case_team", "reason", t->id(0), t->text(2)),
                      t->id(3), t->integer(4), millis(*t, 5), t->id(6), t->id(7), t->id(8),
                      domain::parse_role(t->text(9)).value_or(domain::Role::teacher)});
  auto l = db().query(
      "SELECT id, from_level, to_level, reason, changed_by_user_id, changed_by_membership_id, "
      "changed_at FROM case_level_changes WHERE case_id = ? ORDER BY id",
      Params().id(c.id));
  while (l->next()) {
    LevelChange ch{l->id(0),
                   c.id,
                   std::nullopt,
                   static_cast<int>(l->integer(2)),
                   open("case_level_changes", "reason", l->id(0), l->text(3)),
                   l->id(4),
                   l->id(5),
                   l->integer(6)};
    if (!l->is_null(1)) ch.from_level = static_cast<int>(l->integer(1));
    c.level_changes.push_back(std::move(ch));
  }
  return found;
}

std::vector<CaseRecord> SqlTx::cases_of_school(const std::string& school_id, bool open_only) {
  return cases_from(db().query(
      SAMEN_CASE_SELECT "WHERE school_id = ? AND (? = FALSE OR status = 'open') ORDER BY id DESC",
      Params().id(school_id).boolean(open_only)));
}

std::vector<CaseRecord> SqlTx::cases_of_pupil(const std::string& pupil_id) {
  return cases_from(
      db().query(SAMEN_CASE_SELECT "WHERE pupil_id = ? ORDER BY id DESC", Params().id(pupil_id)));
}

std::vector<CaseRecord> SqlTx::cases_of_memberships(const std::vector<std::string>& ids) {
  std::vector<CaseRecord> out;
  for (const auto& id : ids)
    for (auto& c : cases_from(db().query(
             SAMEN_CASE_SELECT
             "WHERE id IN (SELECT id FROM cases WHERE lead_membership_id = ?1 UNION "
             "SELECT case_id FROM case_team WHERE membership_id = ?1 AND removed_at IS NULL) "
             "ORDER BY id DESC",
             Params().id(id)))) {
      bool seen = false;
      for (const auto& o : out) seen = seen || o.id == c.id;
      if (!seen) out.push_back(std::move(c));
    }
  std::sort(out.begin(), out.end(), [](const CaseRecord& a, const CaseRecord& b) {
    return parse_id(a.id) > parse_id(b.id);
  });
  return out;
}

std::string SqlTx::insert_case(const CaseRecord& c, const std::string& opening_reason) {
  require_write();
  Params p;
  p.id(c.pupil_id).id(c.school_id).id(c.lead_membership_id).text(join_categories(c.categories));
  p.integer(c.level);
  date(p, c.review_date).id(c.opened_by_user_id).integer(c.opened_at);
  std::string id = inserted_id(
      "INSERT INTO cases(pupil_id, school_id, lead_membership_id, categories, level, status, "
      "review_date, opened_by_user_id, opened_at) VALUES (?,?,?,?,?,'open',?,?,?) RETURNING id",
      p);
  LevelChange opening{{}, id,         std::nullopt, c.level, opening_reason, c.opened_by_user_id,
                      {}, c.opened_at};
  insert_level_change(opening);
  return id;
}

bool SqlTx::update_case(const CaseRecord& c, std::int64_t expected_version) {
  require_write();
  Params p;
  p.id(c.lead_membership_id).text(join_categories(c.categories));
  date(p, c.review_date).id(c.id).integer(expected_version);
  return db().run(
             "UPDATE cases SET lead_membership_id = ?, categories = ?, review_date = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             p) == 1;
}

bool SqlTx::close_case(const std::string& case_id, const std::string& outcome,
                       const std::string& outcome_note, domain::Millis at,
                       std::int64_t expected_version) {
  require_write();
  return db().run(
             "UPDATE cases SET status = 'closed', outcome = ?, outcome_note = ?, "
             "closed_at = ?, version = version + 1 WHERE id = ? AND version = ? "
             "AND status = 'open'",
             Params()
                 .text(outcome)
                 .optional(seal("cases", "outcome_note", case_id, outcome_note))
                 .integer(at)
                 .id(case_id)
                 .integer(expected_version)) == 1;
}

std::optional<std::string> SqlTx::add_team_member(const TeamMember& m) {
  require_write();
  {
    auto existing = db().query(
        "SELECT 1 FROM case_team WHERE case_id = ? AND membership_id = ? AND removed_at IS NULL",
        Params().id(m.case_id).id(m.membership_id));
    if (existing->next()) return std::nullopt;
  }
  auto id = reserve_id("case_team");
  db().run(
      "INSERT INTO case_team(id, case_id, membership_id, reason, added_by_user_id, added_at) "
      "VALUES (?,?,?,?,?,?)",
      Params()
          .id(id)
          .id(m.case_id)
          .id(m.membership_id)
          .text(seal("case_team", "reason", id, m.reason))
          .id(m.added_by_user_id)
          .integer(m.added_at));
  return id;
}

bool SqlTx::remove_team_member(const std::string& case_id, const std::string& membership_id,
                               const std::string& by_user_id, domain::Millis at) {
  require_write();
  return db().run(
             "UPDATE case_team SET removed_at = ?, removed_by_user_id = ? "
             "WHERE case_id = ? AND membership_id = ? AND removed_at IS NULL",
             Params().integer(at).id(by_user_id).id(case_id).id(membership_id)) == 1;
}

bool SqlTx::change_level(const LevelChange& change, std::int64_t expected_version) {
  require_write();
  // Every level change bumps the version, so the level read at expected_version is the
  // one the guarded update below replaces (or the update changes nothing).
  std::int64_t from = 0;
  {
    auto current = db().query("SELECT level FROM cases WHERE id = ? AND version = ?",
                              Params().id(change.case_id).integer(expected_version));
    if (!current->next()) return false;
    from = current->integer(0);
  }
  if (db().run("UPDATE cases SET level = ?, version = version + 1 WHERE id = ? AND version = ?",
               Params().integer(change.to_level).id(change.case_id).integer(expected_version)) != 1)
    return false;
  LevelChange recorded = change;
  recorded.from_level = static_cast<int>(from);
  insert_level_change(recorded);
  return true;
}

void SqlTx::insert_level_change(const LevelChange& change) {
  auto id = reserve_id("case_level_changes");
  Params p;
  p.id(id).id(change.case_id);
  if (change.from_level)
    p.integer(*change.from_level);
  else
    p.null();
  p.integer(change.to_level).text(seal("case_level_changes", "reason", id, change.reason));
  p.id(change.changed_by_user_id).id(change.changed_by_membership_id).integer(change.changed_at);
  db().run(
      "INSERT INTO case_level_changes(id, case_id, from_level, to_level, reason, "
      "changed_by_user_id, changed_by_membership_id, changed_at) VALUES (?,?,?,?,?,?,?,?)",
      p);
}

}  // namespace samen::store::sql
