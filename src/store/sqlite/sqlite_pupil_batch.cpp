// The import's batch lookup of pupils by number, SQLite's way (PostgreSQL has its own,
// pg_pupil_batch.cpp): the planners need different shapes to stay fast.
#include <algorithm>
#include <unordered_set>

#include "store/sql/pupil_rows.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {

std::vector<domain::Pupil> SqliteTx::pupils_by_number(const std::string& school_id,
                                                      const std::vector<std::string>& numbers) {
  std::vector<domain::Pupil> out;
  if (numbers.empty()) return out;
  // Exports are mostly sorted by number, so a batch tends to cover a narrow stretch of the
  // (school_id, pupil_number) index: one scan of that stretch says which numbers exist,
  // and only those are read in full. A first import then costs one index probe per batch
  // instead of one per row. When the stretch holds many more pupils than the batch (an
  // unsorted file), every number is looked up instead.
  auto [lo, hi] = std::minmax_element(numbers.begin(), numbers.end());
  auto limit = static_cast<std::int64_t>(2 * numbers.size());
  std::vector<std::string> present;
  {
    auto range = db().query(
        "SELECT pupil_number FROM pupils WHERE school_id = ? AND pupil_number BETWEEN ? AND ? "
        "LIMIT ?",
        sql::Params().id(school_id).text(*lo).text(*hi).integer(limit + 1));
    while (range->next()) present.push_back(range->text(0));
  }
  if (static_cast<std::int64_t>(present.size()) > limit) {
    present = numbers;
  } else {
    std::unordered_set<std::string_view> wanted(numbers.begin(), numbers.end());
    std::erase_if(present, [&](const std::string& n) { return !wanted.contains(n); });
  }
  for (const auto& number : present) {
    {
      auto r = db().query(SAMEN_PUPIL_COLUMNS "FROM pupils p" SAMEN_PUPIL_MENTOR_JOIN
                                              "WHERE p.school_id = ? AND p.pupil_number = ?",
                          sql::Params().id(school_id).text(number));
      if (!r->next()) continue;
      out.push_back(read_pupil(*r));
    }
    out.back().guardians = guardians_of(out.back().id);
  }
  return out;
}

}  // namespace samen::store::sqlite
