// The import's batch lookup of pupils by number, PostgreSQL's way (SQLite has its own,
// sqlite_pupil_batch.cpp): the planners need different shapes to stay fast.
#include <unordered_map>

#include "store/postgres/pg_tx.hpp"
#include "store/sql/pupil_rows.hpp"

namespace samen::store::postgres {

std::vector<domain::Pupil> PgTx::pupils_by_number(const std::string& school_id,
                                                  const std::vector<std::string>& numbers) {
  // Two round trips per batch (pupils, then their guardians) instead of one per row. Each
  // number is its own index probe (a LATERAL subquery with LIMIT, which the planner cannot
  // turn into a join): an import grows the school inside its transaction, unseen by the
  // statistics, and with `= ANY(array)` the planner scanned the whole school for every
  // batch, filtering each pupil against the thousand numbers. Planned afresh each time
  // (query_built), since a plan cached while the tables were tiny may scan them.
  std::vector<domain::Pupil> out;
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::size_t> index;
  {
    auto r = db().query_built(
        SAMEN_PUPIL_COLUMNS
        "FROM unnest(?2::text[]) AS n(number) CROSS JOIN LATERAL (SELECT x.* FROM pupils x "
        "WHERE x.school_id = ?1 AND x.pupil_number = n.number LIMIT 1) p" SAMEN_PUPIL_MENTOR_JOIN,
        sql::Params().id(school_id).texts(numbers));
    while (r->next()) {
      index.emplace(r->id(0), out.size());
      ids.push_back(r->id(0));
      out.push_back(read_pupil(*r));
    }
  }
  if (out.empty()) return out;
  auto g = db().query_built(
      "SELECT g.pupil_id, " SAMEN_GUARDIAN_COLUMNS
      " FROM unnest(?1::bigint[]) AS k(id) CROSS JOIN LATERAL "
      "(SELECT * FROM guardians x WHERE x.pupil_id = k.id AND x.authority_until IS NULL "
      "OFFSET 0) g ORDER BY g.pupil_id, g.id",
      sql::Params().ids(ids));
  while (g->next())
    if (auto it = index.find(g->id(0)); it != index.end())
      out[it->second].guardians.push_back(sql::read_guardian(*g, 1));
  return out;
}

}  // namespace samen::store::postgres
