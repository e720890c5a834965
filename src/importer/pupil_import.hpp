#pragma once
// Turning a parsed pupil CSV into changes: mentors are resolved by e-mail, each row is
// matched to an existing pupil of the school by pupil number and classified as created,
// updated or unchanged. apply_import writes the plan inside the caller's transaction, so
// the import is all or nothing. Used by the API upload and by `samen import pupils`.
#include <functional>
#include <string>
#include <vector>

#include "domain/pupil_csv.hpp"
#include "store/store.hpp"

namespace samen::importer {

struct ImportPlan {
  std::vector<domain::Pupil> creates;
  std::vector<domain::Pupil> updates;  // id and version of the pupil they replace
  int unchanged = 0;
  std::vector<domain::CsvError> errors;
  bool truncated_errors = false;
  std::vector<std::string> ignored_columns;
};

ImportPlan plan_import(store::ReadTx& tx, const domain::CsvParseResult& parsed,
                       const std::string& school_id);

struct AppliedChange {
  std::string pupil_id;
  bool created;
};

// Writes creates and updates; `progress` gets (done, total). Throws StoreError on failure
// (the caller's transaction then rolls back as a whole).
std::vector<AppliedChange> apply_import(
    store::WriteTx& tx, const ImportPlan& plan,
    const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace samen::importer
