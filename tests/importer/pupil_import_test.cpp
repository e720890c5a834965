// The streaming import against both backends: batches, repeats far apart, the second pass
// finding what changed after the first.
#include "importer/pupil_import.hpp"

#include <gtest/gtest.h>

#include <set>

#include "store/backends.hpp"

namespace samen::testing {
namespace {

using importer::AppliedChange;

constexpr const char* kHeader =
    "leerlingnummer;roepnaam;achternaam;geboortedatum;klas;mentor;ouder1_naam\n";

// More rows than one batch of the importer (1,000), so batches meet.
constexpr int kRows = 2500;

std::string row(int i, const std::string& klas = "1A", const std::string& mentor = "") {
  return "p" + std::to_string(10000 + i) + ";Kim;Jansen " + std::to_string(i) + ";01-02-2012;" +
         klas + ";" + mentor + ";Ouder " + std::to_string(i) + "\n";
}

class PupilImportTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    auto region = tx->insert_region({"", "R"});
    school = tx->insert_organisation(
        {"", region, "S", domain::OrgType::school, domain::SchoolType::secondary, true, 1});
    auto user = tx->insert_user({"", "mentor@s.example", "M", "hash", true, 1});
    mentor_membership =
        tx->insert_membership({"", user, school, domain::Role::mentor, true, "", ""});
    tx->commit();
  }

  std::string file(const std::function<std::string(int)>& line_of = {}) {
    std::string csv = kHeader;
    for (int i = 0; i < kRows; ++i) csv += line_of ? line_of(i) : row(i);
    return csv;
  }

  importer::ImportSummary check(const std::string& csv, bool count = true) {
    auto tx = store->begin_read();
    return importer::check_pupil_import(*tx, school, importer::bytes_in_memory(csv), count);
  }

  // Writes and commits when there were no errors, as the callers do.
  importer::ImportSummary write(const std::string& csv, std::vector<AppliedChange>* changes = {}) {
    auto tx = store->begin_write();
    auto summary = importer::write_pupil_import(*tx, school, importer::bytes_in_memory(csv),
                                                [&](const AppliedChange& c) {
                                                  if (changes) changes->push_back(c);
                                                });
    if (summary.errors.empty()) tx->commit();
    return summary;
  }

  std::shared_ptr<store::Store> store;
  std::string school, mentor_membership;
};

TEST_P(PupilImportTest, ImportsAcrossBatchesThenChangesNothingThenOnlyWhatChanged) {
  std::string csv = file([](int i) { return row(i, "1A", i % 7 ? "" : "Mentor@S.example"); });
  auto dry = check(csv);
  ASSERT_TRUE(dry.errors.empty()) << dry.errors.list[0].message;
  EXPECT_EQ(dry.created, static_cast<std::size_t>(kRows));
  EXPECT_EQ(check(csv, false).created, 0u) << "without count, the check only checks";

  std::vector<AppliedChange> changes;
  auto done = write(csv, &changes);
  EXPECT_EQ(done.created, static_cast<std::size_t>(kRows));
  ASSERT_EQ(changes.size(), static_cast<std::size_t>(kRows));
  std::set<std::string> ids;
  for (const auto& c : changes) {
    EXPECT_TRUE(c.created);
    ids.insert(c.pupil_id);
  }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kRows));

  auto again = check(csv);
  EXPECT_EQ((std::vector<std::size_t>{again.created, again.updated, again.unchanged}),
            (std::vector<std::size_t>{0, 0, static_cast<std::size_t>(kRows)}));
  // Without the mentor and guardian columns, both stay as they are.
  std::string names_only = "leerlingnummer;roepnaam;achternaam;geboortedatum;klas\n";
  for (int i = 0; i < kRows; ++i)
    names_only +=
        "p" + std::to_string(10000 + i) + ";Kim;Jansen " + std::to_string(i) + ";01-02-2012;1A\n";
  EXPECT_EQ(check(names_only).unchanged, static_cast<std::size_t>(kRows));

  std::string changed = file([](int i) {
    return row(i, i == 5 || i == 2400 ? "2B" : "1A", i % 7 ? "" : "mentor@s.example");
  });
  changes.clear();
  auto update = write(changed, &changes);
  EXPECT_EQ((std::vector<std::size_t>{update.created, update.updated, update.unchanged}),
            (std::vector<std::size_t>{0, 2, static_cast<std::size_t>(kRows - 2)}));
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_FALSE(changes[0].created);
  auto tx = store->begin_read();
  auto id = tx->pupil_id_by_number(school, "p12400");
  ASSERT_TRUE(id);
  EXPECT_EQ(tx->pupil(*id)->pupil.class_name, "2B");
  EXPECT_EQ(tx->pupil(*id)->pupil.version, 2);
}

TEST_P(PupilImportTest, NumbersThatOccurTwiceAreErrorsWhereverTheyAre) {
  std::string csv = file([](int i) { return row(i == 2300 ? 10 : i == 2400 ? 11 : i); });
  auto checked = check(csv);
  ASSERT_EQ(checked.errors.list.size(), 2u);
  EXPECT_EQ(checked.errors.list[0].line, 2302);
  EXPECT_EQ(checked.errors.list[0].column, "leerlingnummer");
  EXPECT_EQ(checked.errors.list[0].message,
            "pupil number p10010 appears more than once in the file");
  EXPECT_EQ(checked.errors.list[1].line, 2402);
  auto written = write(csv);
  EXPECT_EQ(written.errors.list.size(), 2u) << "the write pass repeats every check";
  EXPECT_FALSE(store->begin_read()->pupil_id_by_number(school, "p10000"));
}

TEST_P(PupilImportTest, AMentorGoneBetweenThePassesIsFoundByTheWritePass) {
  std::string csv = file([](int i) { return row(i, "1A", i == 1800 ? "mentor@s.example" : ""); });
  ASSERT_TRUE(check(csv).errors.empty());
  {
    auto tx = store->begin_write();
    tx->set_membership_active(mentor_membership, false);
    tx->commit();
  }
  std::vector<AppliedChange> changes;
  auto written = write(csv, &changes);
  ASSERT_EQ(written.errors.list.size(), 1u);
  EXPECT_EQ(written.errors.list[0].line, 1802);
  EXPECT_EQ(written.errors.list[0].column, "mentor");
  EXPECT_EQ(changes.size(), 1000u) << "the first batch was written before; the caller rolls back";
  EXPECT_FALSE(store->begin_read()->pupil_id_by_number(school, "p10000"));
}

TEST_P(PupilImportTest, ErrorsStopAtAHundredAndNothingIsCounted) {
  std::string csv = file([](int i) { return row(i, i % 2 ? "1A" : std::string(30, 'x')); });
  auto checked = check(csv);
  EXPECT_EQ(checked.errors.list.size(), domain::kMaxCsvErrors);
  EXPECT_TRUE(checked.errors.truncated);
  EXPECT_EQ(checked.created, 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, PupilImportTest, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
