#pragma once
// Importing a school's pupil export, all or nothing, in memory that does not grow with the
// file: the file is streamed, never held, and read twice.
//
//  1. check_pupil_import, on a read transaction: every row is parsed and validated, pupil
//     numbers that occur twice are found (DuplicateFinder) and mentors are resolved by
//     e-mail. Nothing is written. With `count` the rows are also matched to the school's
//     pupils, a batch at a time, to say what would be created, updated or unchanged: the
//     dry run.
//  2. write_pupil_import, inside the write transaction: the same again (the file may have
//     changed in between, and what it is compared with may have too), now writing each
//     batch of rows as it is matched and reporting every change as it is written, so the
//     caller can append its audit event at once instead of collecting them. Any error
//     means the caller must roll the transaction back.
//
// Rows are matched on pupil number within the school. A file without a mentor column
// keeps the mentor set in Samen; a row without guardians, the guardians. A row's guardians
// are matched to the pupil's current ones by identity (domain/guardian_identity.hpp: the
// guardian number, else name and e-mail or phone): unmatched ones are added, current ones
// the row no longer names are ended, never overwritten. Used by the API
// upload and by `samen import pupils`.
#include <functional>
#include <string>
#include <vector>

#include "domain/guardian_identity.hpp"
#include "domain/pupil_csv.hpp"
#include "importer/byte_source.hpp"
#include "store/store.hpp"

namespace samen::importer {

// One guardian the import adds, ends or changes, on the row (line) of the pupil.
struct GuardianChangeRow {
  int line = 0;
  std::string pupil_number;
  domain::GuardianChange change;
};
// The first ones are listed; the counts are complete.
constexpr std::size_t kMaxListedGuardianChanges = 100;

struct ImportSummary {
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t guardians_added = 0;
  std::size_t guardians_ended = 0;
  std::size_t guardians_changed = 0;
  std::vector<GuardianChangeRow> guardian_changes;
  domain::CsvErrors errors;
  std::vector<std::string> ignored_columns;
};

struct AppliedChange {
  std::string pupil_id;
  bool created;
};

// Told how many bytes of the file have been read so far.
using Progress = std::function<void(std::size_t bytes_read)>;
using OnChange = std::function<void(const AppliedChange&)>;

ImportSummary check_pupil_import(store::ReadTx& tx, const std::string& school_id,
                                 const ByteSource& bytes, bool count,
                                 const Progress& progress = {});

// Throws StoreError when the store fails (the caller's transaction then rolls back too).
ImportSummary write_pupil_import(store::WriteTx& tx, const std::string& school_id,
                                 const ByteSource& bytes, const OnChange& on_change,
                                 const Progress& progress = {});

}  // namespace samen::importer
