// The pure parts of samen copy: table order by foreign keys, and the row digest.
#include "store/table_copy.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"

namespace samen::store {
namespace {

std::vector<std::string> names(const std::vector<TableInfo>& tables) {
  std::vector<std::string> out;
  for (const auto& t : tables) out.push_back(t.name);
  return out;
}

TEST(TableCopy, ParentsComeBeforeTheTablesThatReferToThem) {
  std::vector<TableInfo> tables = {{"guardians", {}, {"pupils", "users"}},
                                   {"audit_log", {}, {}},
                                   {"pupils", {}, {"organisations", "users", "pupils"}},
                                   {"organisations", {}, {"regions"}},
                                   {"users", {}, {}},
                                   {"regions", {}, {}}};
  EXPECT_EQ(names(order_by_dependencies(tables)),
            (std::vector<std::string>{"audit_log", "regions", "users", "organisations", "pupils",
                                      "guardians"}));
}

TEST(TableCopy, ACycleIsRefused) {
  std::vector<TableInfo> tables = {{"a", {}, {"b"}}, {"b", {}, {"a"}}};
  EXPECT_THROW(order_by_dependencies(tables), StoreError);
}

TEST(TableCopy, DigestIgnoresRowOrderButNotContent) {
  RawRow one = {"1", "Sanne", std::nullopt};
  RawRow two = {"2", "Daan", "x"};
  TableDigest a, b, c, d;
  a.add(one);
  a.add(two);
  b.add(two);
  b.add(one);
  EXPECT_EQ(a, b);
  c.add(one);
  c.add(RawRow{"2", "Daan", ""});  // empty text is not NULL
  EXPECT_NE(a, c);
  d.add(RawRow{"1", "Sann", "e"});  // field boundaries count
  d.add(two);
  EXPECT_NE(a, d);
}

TEST(TableCopy, IdentifiersAreQuoted) { EXPECT_EQ(quote_identifier("a\"b"), "\"a\"\"b\""); }

}  // namespace
}  // namespace samen::store
