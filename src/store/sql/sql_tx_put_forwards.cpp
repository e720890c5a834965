// Cases put forward for the case consultation, with their question (sealed).
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

constexpr const char* kColumns =
    "id, case_id, school_id, membership_id, user_id, question, created_at, settled_at, "
    "settled_how, settled_meeting_id, settled_by_user_id";

}  // namespace

std::vector<PutForwardRecord> SqlTx::put_forwards_where(const char* where, const Params& params) {
  auto r = db().query_built(
      std::string("SELECT ") + kColumns + " FROM case_put_forwards WHERE " + where + " ORDER BY id",
      params);
  std::vector<PutForwardRecord> out;
  while (r->next()) {
    PutForwardRecord p{r->id(0),      r->id(1),      r->id(2),   r->id(3), r->id(4), "",
                       r->integer(6), millis(*r, 7), r->text(8), r->id(9), r->id(10)};
    p.question = open("case_put_forwards", "question", p.id, r->text(5));
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<PutForwardRecord> SqlTx::open_put_forwards_of_school(const std::string& school_id) {
  return put_forwards_where("school_id = ? AND settled_at IS NULL", Params().id(school_id));
}

std::vector<PutForwardRecord> SqlTx::put_forwards_of_case(const std::string& case_id) {
  return put_forwards_where("case_id = ?", Params().id(case_id));
}

std::vector<PutForwardRecord> SqlTx::put_forwards_of_meeting(const std::string& meeting_id) {
  return put_forwards_where("settled_meeting_id = ? AND settled_how = 'discussed'",
                            Params().id(meeting_id));
}

std::string SqlTx::insert_put_forward(const PutForwardRecord& p) {
  require_write();
  std::string id = reserve_id("case_put_forwards");
  db().run(
      "INSERT INTO case_put_forwards(id, case_id, school_id, membership_id, user_id, question, "
      "created_at) VALUES (?,?,?,?,?,?,?)",
      Params()
          .id(id)
          .id(p.case_id)
          .id(p.school_id)
          .id(p.membership_id)
          .id(p.user_id)
          .text(seal("case_put_forwards", "question", id, p.question))
          .integer(p.created_at));
  return id;
}

bool SqlTx::settle_put_forward(const PutForwardRecord& p) {
  require_write();
  Params params;
  millis(params, p.settled_at).text(p.settled_how).id(p.settled_meeting_id);
  params.id(p.settled_by_user_id).id(p.id);
  return db().run(
             "UPDATE case_put_forwards SET settled_at = ?, settled_how = ?, "
             "settled_meeting_id = ?, settled_by_user_id = ? WHERE id = ? AND settled_at IS NULL",
             params) == 1;
}

}  // namespace samen::store::sql
