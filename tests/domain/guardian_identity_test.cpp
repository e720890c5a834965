// Guardian identity (domain/guardian_identity.hpp): ids through the API, number or name
// with e-mail or phone in an import; never the place in the list.
#include "domain/guardian_identity.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

Guardian person(std::string id, std::string name, std::string email = {}, std::string phone = {},
                std::string number = {}) {
  Guardian g;
  g.id = std::move(id);
  g.name = std::move(name);
  g.relation = "ouder";
  g.email = std::move(email);
  g.phone = std::move(phone);
  g.number = std::move(number);
  return g;
}

TEST(GuardianIdentity, KeptIdsMustBeCurrentGuardiansOnce) {
  std::vector<Guardian> current{person("1", "Eva"), person("2", "Ruud")};
  EXPECT_TRUE(check_kept_guardian_ids(current, {person("2", "Ruud"), person("", "Karin")}));
  auto foreign = check_kept_guardian_ids(current, {person("1", "Eva"), person("9", "X")});
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().field, "guardians[1].id");
  auto made_up = check_kept_guardian_ids(current, {person("1", "Eva"), person("x", "X")});
  ASSERT_FALSE(made_up);
  EXPECT_EQ(made_up.error().message, foreign.error().message);  // alike: reveals nothing
  EXPECT_FALSE(check_kept_guardian_ids(current, {person("1", "Eva"), person("1", "Eva")}));
  EXPECT_FALSE(check_kept_guardian_ids({}, {person("1", "Eva")}));
}

TEST(GuardianIdentity, ChangesByIdNotByPlace) {
  std::vector<Guardian> current{person("1", "Eva"), person("2", "Ruud")};
  // The same two people in the other order: nothing changes.
  EXPECT_TRUE(guardian_changes(current, {person("2", "Ruud"), person("1", "Eva")}).empty());
  // Ruud replaced by Karin at his place in the list: Karin is added, Ruud ended.
  auto changes = guardian_changes(current, {person("1", "Eva"), person("", "Karin")});
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].kind, GuardianChange::Kind::added);
  EXPECT_EQ(changes[0].name, "Karin");
  EXPECT_EQ(changes[1].kind, GuardianChange::Kind::ended);
  EXPECT_EQ(changes[1].guardian_id, "2");
  EXPECT_EQ(guardians_to_end(current, {person("1", "Eva")}), std::vector<std::string>{"2"});
}

TEST(GuardianIdentity, TheImportMatchesByNumberThenNameWithContact) {
  std::vector<Guardian> current{person("1", "Eva Smit", "eva@x", "", "G-1"),
                                person("2", "Ruud Smit", "", "06-123 45 678"),
                                person("3", "Kim Bos", "kim@x", "", "G-3")};
  std::vector<Guardian> file{
      person("", "Eva Smit-de Boer", "", "", "G-1"),  // by number, whatever the name
      person("", "ruud smit", "", "0612345678"),      // by name and phone (digits only)
      person("", "Kim Bos", "kim@x", "", "G-9"),      // another number: another person
      person("", "Eva Smit", "eva@x")};               // Eva is taken already: new
  match_import_guardians(current, file);
  EXPECT_EQ(file[0].id, "1");
  EXPECT_EQ(file[1].id, "2");
  EXPECT_EQ(file[2].id, "");
  EXPECT_EQ(file[3].id, "");
  // A name alone is not enough ...
  std::vector<Guardian> name_only{person("", "Ruud Smit")};
  match_import_guardians(current, name_only);
  EXPECT_EQ(name_only[0].id, "");
  // ... unless neither side has any contact: then the name and the relation.
  std::vector<Guardian> unreachable{person("4", "Piet Kok")};
  std::vector<Guardian> again{person("", "piet kok")};
  match_import_guardians(unreachable, again);
  EXPECT_EQ(again[0].id, "4");
  again = {person("", "Piet Kok")};
  again[0].relation = "stiefvader";
  match_import_guardians(unreachable, again);
  EXPECT_EQ(again[0].id, "");
}

TEST(GuardianIdentity, AKeptGuardianKeepsANumberLeftOut) {
  std::vector<Guardian> current{person("1", "Eva", "", "", "G-1")};
  std::vector<Guardian> incoming{person("1", "Eva")};
  keep_unstated_numbers(current, incoming);
  EXPECT_EQ(incoming[0].number, "G-1");
  EXPECT_TRUE(guardian_changes(current, incoming).empty());
}

}  // namespace
}  // namespace samen::domain
