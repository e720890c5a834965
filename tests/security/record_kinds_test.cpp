#include "security/record_kinds.hpp"

#include <gtest/gtest.h>

#include <set>

#include "security/crypto.hpp"
#include "store/backends.hpp"
#include "store/table_copy.hpp"

namespace samen::testing {
namespace {

TEST(RecordKinds, TheSensitiveFieldsOfTheIssueAreSealed) {
  EXPECT_TRUE(security::is_sealed_column("pupils", "bsn"));
  EXPECT_TRUE(security::is_sealed_column("entries", "text"));  // case text and family views
  EXPECT_TRUE(security::is_sealed_column("consent_grants", "text"));
  EXPECT_TRUE(security::is_sealed_column("consent_requests", "text"));
  EXPECT_TRUE(security::is_sealed_column("safety_decisions", "reason"));
  EXPECT_FALSE(security::is_sealed_column("pupils", "family_name"));  // searched by prefix
  EXPECT_FALSE(security::is_sealed_column("nonexistent", "text"));
  const auto* pupils = security::record_kind("pupils");
  ASSERT_NE(pupils, nullptr);
  ASSERT_TRUE(pupils->sealed.at(0).blind_index);
  EXPECT_EQ(pupils->sealed.at(0).blind_index->column, "bsn_index");
}

TEST(RecordKinds, EachTableIsDeclaredOnceAndNoColumnTwice) {
  std::set<std::string_view> tables;
  for (const auto& kind : security::record_kinds()) {
    EXPECT_TRUE(tables.insert(kind.table).second) << kind.table;
    std::set<std::string_view> columns;
    for (const auto& sealed : kind.sealed)
      EXPECT_TRUE(columns.insert(sealed.column).second) << kind.table << "." << sealed.column;
  }
  EXPECT_EQ(security::sensitive_columns().size(), 17u);  // case_put_forwards: question
}

// A table added by a migration without a declaration fails here, so no resource can be
// stored without saying what in it is sealed and how long it is kept.
TEST(RecordKinds, EveryTableOfTheSchemaIsDeclaredAndEverySealedColumnExists) {
  security::init_crypto();
  auto store = store_backends().front().open();  // SQLite: both backends share one schema
  auto tables = store->begin_read()->data_tables();
  std::set<std::string> schema;
  for (const auto& table : tables) {
    schema.insert(table.name);
    EXPECT_NE(security::record_kind(table.name), nullptr)
        << table.name << " has no record kind in security/record_kinds.cpp";
  }
  for (const auto& kind : security::record_kinds()) {
    auto table = std::find_if(tables.begin(), tables.end(),
                              [&](const auto& t) { return t.name == kind.table; });
    ASSERT_NE(table, tables.end()) << kind.table << " is declared but not in the schema";
    for (const auto& sealed : kind.sealed) {
      bool found = std::any_of(table->columns.begin(), table->columns.end(),
                               [&](const auto& c) { return c.name == sealed.column; });
      EXPECT_TRUE(found) << kind.table << "." << sealed.column << " is not in the schema";
      if (!sealed.blind_index) continue;
      bool index_found =
          std::any_of(table->columns.begin(), table->columns.end(),
                      [&](const auto& c) { return c.name == sealed.blind_index->column; });
      EXPECT_TRUE(index_found) << kind.table << "." << sealed.blind_index->column
                               << " (a blind index) is not in the schema";
    }
    if (kind.sealed.empty()) continue;
    bool key_found = std::any_of(table->columns.begin(), table->columns.end(),
                                 [&](const auto& c) { return c.name == kind.key_column; });
    EXPECT_TRUE(key_found) << kind.table << "." << kind.key_column << " is not in the schema";
  }
}

}  // namespace
}  // namespace samen::testing
