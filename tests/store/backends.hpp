#pragma once
// The store backends the contract suite runs against. Every store test is written once as
// a TEST_P over these; a new backend adds itself here and inherits the whole suite.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "domain/policy.hpp"
#include "store/store.hpp"

namespace samen::testing {

struct Backend {
  std::string name;
  // A fresh, migrated, empty store; the deleter removes what it created.
  std::function<std::shared_ptr<store::Store>()> open;
};

// Each opened with test_field_keys(), so every contract test runs with sealing on.
std::vector<Backend> store_backends();
// One ring for the whole test run: its current key and a standby key (keys()[1]).
std::shared_ptr<const security::FieldKeys> test_field_keys();
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// The listing scope of a school's administrator: every pupil of the school, in full.
domain::PupilScope full_school_scope(const std::string& school_id);

// What many store tests start from: a region with one secondary school, the user of its
// care coordinator (no membership) and one pupil, Sanne Dijk, born 2013-03-01 (13 in 2026),
// with these guardians.
struct SchoolWithPupil {
  std::string region, school, coordinator, pupil;
  std::vector<std::string> guardian_ids;  // in the order given
};
SchoolWithPupil insert_school_with_pupil(store::WriteTx& tx,
                                         std::vector<domain::Guardian> guardians = {});
// Another pupil of that school, without guardians.
std::string insert_pupil(store::WriteTx& tx, const std::string& school_id,
                         const std::string& number);

// A chronology entry by `author` on a case of `pupil_id` (kind note, text "text", not
// family-visible), for the case and entry tests.
store::EntryRecord an_entry(const std::string& case_id, const std::string& pupil_id,
                            const domain::Viewer& author, domain::EntryCategory category,
                            domain::Audience audience, domain::Millis at);
// Gives a membership a seat at a case's table, added by `by_user_id` at `at`.
void seat_at_table(store::WriteTx& tx, const std::string& case_id, const std::string& membership_id,
                   const std::string& by_user_id, domain::Millis at);

// A temporary directory removed at destruction.
struct TempDir {
  TempDir();
  ~TempDir();
  std::filesystem::path path;
};

}  // namespace samen::testing
