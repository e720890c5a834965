// A case's plan: goals and actions.
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

#define SAMEN_GOAL_SELECT                                                                \
  "SELECT id, case_id, text, created_by_user_id, created_at, achieved_at, version FROM " \
  "case_goals "
#define SAMEN_ACTION_SELECT                                                                   \
  "SELECT id, case_id, text, owner_membership_id, due_date, created_by_user_id, created_at, " \
  "done_at, version FROM case_actions "

// The texts as stored: SqlTx::goal_from and action_from open them.
GoalRecord read_goal(const Rows& r) {
  return {r.id(0), r.id(1), r.text(2), r.id(3), r.integer(4), millis(r, 5), r.integer(6)};
}

ActionRecord read_action(const Rows& r) {
  return {r.id(0), r.id(1),      r.text(2),    r.id(3),     date(r, 4),
          r.id(5), r.integer(6), millis(r, 7), r.integer(8)};
}

}  // namespace

GoalRecord SqlTx::goal_from(const Rows& r) const {
  auto g = read_goal(r);
  g.text = open("case_goals", "text", g.id, std::move(g.text));
  return g;
}

ActionRecord SqlTx::action_from(const Rows& r) const {
  auto a = read_action(r);
  a.text = open("case_actions", "text", a.id, std::move(a.text));
  return a;
}

std::vector<GoalRecord> SqlTx::goals_of_case(const std::string& case_id) {
  auto r = db().query(SAMEN_GOAL_SELECT "WHERE case_id = ? ORDER BY id", Params().id(case_id));
  std::vector<GoalRecord> out;
  while (r->next()) out.push_back(goal_from(*r));
  return out;
}

std::vector<ActionRecord> SqlTx::actions_of_case(const std::string& case_id) {
  auto r = db().query(SAMEN_ACTION_SELECT "WHERE case_id = ? ORDER BY id", Params().id(case_id));
  std::vector<ActionRecord> out;
  while (r->next()) out.push_back(action_from(*r));
  return out;
}

std::optional<GoalRecord> SqlTx::goal(const std::string& id) {
  auto r = db().query(SAMEN_GOAL_SELECT "WHERE id = ?", Params().id(id));
  if (!r->next()) return std::nullopt;
  return goal_from(*r);
}

std::optional<ActionRecord> SqlTx::action(const std::string& id) {
  auto r = db().query(SAMEN_ACTION_SELECT "WHERE id = ?", Params().id(id));
  if (!r->next()) return std::nullopt;
  return action_from(*r);
}

std::string SqlTx::insert_goal(const GoalRecord& g) {
  require_write();
  auto id = reserve_id("case_goals");
  Params p;
  p.id(id).id(g.case_id).text(seal("case_goals", "text", id, g.text));
  p.id(g.created_by_user_id).integer(g.created_at);
  millis(p, g.achieved_at);
  db().run(
      "INSERT INTO case_goals(id, case_id, text, created_by_user_id, created_at, achieved_at) "
      "VALUES (?,?,?,?,?,?)",
      p);
  return id;
}

bool SqlTx::update_goal(const GoalRecord& g, std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(seal("case_goals", "text", g.id, g.text));
  millis(p, g.achieved_at).id(g.id).integer(expected_version);
  return db().run(
             "UPDATE case_goals SET text = ?, achieved_at = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             p) == 1;
}

std::string SqlTx::insert_action(const ActionRecord& a) {
  require_write();
  auto id = reserve_id("case_actions");
  Params p;
  p.id(id).id(a.case_id).text(seal("case_actions", "text", id, a.text)).id(a.owner_membership_id);
  date(p, a.due_date).id(a.created_by_user_id).integer(a.created_at);
  millis(p, a.done_at);
  db().run(
      "INSERT INTO case_actions(id, case_id, text, owner_membership_id, due_date, "
      "created_by_user_id, created_at, done_at) VALUES (?,?,?,?,?,?,?,?)",
      p);
  return id;
}

bool SqlTx::update_action(const ActionRecord& a, std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(seal("case_actions", "text", a.id, a.text)).id(a.owner_membership_id);
  date(p, a.due_date);
  millis(p, a.done_at).id(a.id).integer(expected_version);
  return db().run(
             "UPDATE case_actions SET text = ?, owner_membership_id = ?, due_date = ?, "
             "done_at = ?, version = version + 1 WHERE id = ? AND version = ?",
             p) == 1;
}

}  // namespace samen::store::sql
