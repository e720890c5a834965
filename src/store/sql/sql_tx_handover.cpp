// What a membership holds, and handing its meeting series to a successor; the cases,
// seats and actions move through their own writes (api/handover_api.cpp).
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

std::vector<std::string> ids(Rows& r) {
  std::vector<std::string> out;
  while (r.next()) out.push_back(r.id(0));
  return out;
}

}  // namespace

MembershipHoldings SqlTx::holdings_of_membership(const std::string& membership_id) {
  MembershipHoldings h;
  auto p = Params().id(membership_id);
  h.cases_led = ids(*db().query(
      "SELECT id FROM cases WHERE lead_membership_id = ? AND status = 'open' ORDER BY id", p));
  h.actions = ids(*db().query(
      "SELECT a.id FROM case_actions a JOIN cases c ON c.id = a.case_id "
      "WHERE a.owner_membership_id = ? AND a.done_at IS NULL AND c.status = 'open' ORDER BY a.id",
      p));
  h.seats =
      ids(*db().query("SELECT t.case_id FROM case_team t JOIN cases c ON c.id = t.case_id "
                      "WHERE t.membership_id = ? AND t.removed_at IS NULL AND c.status = 'open' "
                      "ORDER BY t.case_id",
                      p));
  h.series_chaired = ids(
      *db().query("SELECT id FROM meeting_series WHERE chair_membership_id = ? ORDER BY id", p));
  h.series_member = ids(*db().query(
      "SELECT series_id FROM meeting_series_members WHERE membership_id = ? ORDER BY series_id",
      p));
  return h;
}

void SqlTx::hand_over_series(const std::string& from, const std::string& to) {
  require_write();
  db().run(
      "UPDATE meeting_series SET chair_membership_id = ?, version = version + 1 "
      "WHERE chair_membership_id = ?",
      Params().id(to).id(from));
  db().run(
      "DELETE FROM meeting_series_members WHERE membership_id = ? AND series_id IN "
      "(SELECT series_id FROM meeting_series_members WHERE membership_id = ?)",
      Params().id(from).id(to));
  db().run("UPDATE meeting_series_members SET membership_id = ? WHERE membership_id = ?",
           Params().id(to).id(from));
}

}  // namespace samen::store::sql
