// Guardians with identity and a history (migration 7), on every backend: a pupil is updated
// with guardians named by id; the ones it keeps are updated in place, new ones stand from
// the moment of the update, and the ones it leaves out are ended, never deleted: they stay
// on the record with their login and `until`, count for nothing any more (facts, the
// family's listing, case facts), and their open invitations are revoked.
#include <gtest/gtest.h>

#include "store/backends.hpp"

namespace samen::testing {
namespace {

constexpr domain::Millis kT0 = 1'780'000'000'000;
constexpr domain::Millis kT1 = kT0 + 86'400'000;

domain::Guardian guardian(std::string name, std::string relation, std::string number = {}) {
  domain::Guardian g;
  g.name = std::move(name);
  g.relation = std::move(relation);
  g.number = std::move(number);
  g.from = kT0;
  return g;
}

class GuardianHistoryStore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    auto f = insert_school_with_pupil(
        *tx, {guardian("Moeder", "moeder", "G-1"), guardian("Vader", "vader", "G-2")});
    school = f.school;
    coordinator = f.coordinator;
    pupil = f.pupil;
    mother = f.guardian_ids[0];
    father = f.guardian_ids[1];
    father_user = tx->insert_user({"", "vader@x", "Vader", "hash", true, 1});
    tx->link_guardian_user(father, father_user);
    store::InvitationRecord i;
    i.pupil_id = pupil;
    i.guardian_id = father;
    i.email = "vader-nieuw@x";
    i.token_hash = "hash-vader";
    i.created_by_user_id = coordinator;
    i.created_at = kT0;
    i.expires_at = kT1 + 86'400'000;
    invitation = tx->insert_invitation(i);
    c = tx->insert_case(a_case(), "opened");
    tx->commit();
  }

  store::CaseRecord a_case() const {
    store::CaseRecord r;
    r.pupil_id = pupil;
    r.school_id = school;
    r.categories = {domain::EntryCategory::home};
    r.level = 2;
    r.opened_by_user_id = coordinator;
    r.opened_at = kT0;
    return r;
  }

  // The father is replaced by a guardian appointed by the court; the mother's phone changes.
  domain::Pupil replaced(store::ReadTx& tx) const {
    auto p = tx.pupil(pupil)->pupil;
    p.guardians[0].phone = "06-1";
    p.guardians.resize(1);
    p.guardians.push_back(guardian("Voogd", "voogd", "G-3"));
    p.guardians.back().from.reset();
    return p;
  }

  std::shared_ptr<store::Store> store;
  std::string school, coordinator, pupil, mother, father, father_user, invitation, c;
};

TEST_P(GuardianHistoryStore, NewGuardiansStandFromTheirStartAndCarryTheirNumber) {
  auto read = store->begin_read();
  auto p = read->pupil(pupil)->pupil;
  ASSERT_EQ(p.guardians.size(), 2u);
  EXPECT_EQ(p.guardians[0].id, mother);
  EXPECT_EQ(p.guardians[0].number, "G-1");
  EXPECT_EQ(p.guardians[0].from, kT0);
  EXPECT_FALSE(p.guardians[0].until);
  EXPECT_EQ(p.guardians[1].user_id, father_user);
  EXPECT_TRUE(p.ended_guardians.empty());
  EXPECT_EQ(read->pupil_facts(pupil)->guardian_user_ids, std::vector<std::string>{father_user});
}

TEST_P(GuardianHistoryStore, AGuardianLeftOutIsEndedNotOverwritten) {
  auto tx = store->begin_write();
  auto p = replaced(*tx);
  ASSERT_TRUE(tx->update_pupil(p, p.version, kT1));
  tx->commit();

  auto read = store->begin_read();
  auto now = read->pupil(pupil)->pupil;
  ASSERT_EQ(now.guardians.size(), 2u);
  EXPECT_EQ(now.guardians[0].id, mother);
  EXPECT_EQ(now.guardians[0].phone, "06-1");
  EXPECT_EQ(now.guardians[0].number, "G-1");
  EXPECT_NE(now.guardians[1].id, father);  // a new person, not the father's row
  EXPECT_EQ(now.guardians[1].name, "Voogd");
  EXPECT_EQ(now.guardians[1].from, kT1);
  EXPECT_TRUE(now.guardians[1].user_id.empty());
  ASSERT_EQ(now.ended_guardians.size(), 1u);
  const auto& ended = now.ended_guardians[0];
  EXPECT_EQ(ended.id, father);
  EXPECT_EQ(ended.name, "Vader");
  EXPECT_EQ(ended.user_id, father_user);
  EXPECT_EQ(ended.from, kT0);
  EXPECT_EQ(ended.until, kT1);

  // The ended guardian counts for nothing: facts, the family's listing, the case.
  EXPECT_TRUE(read->pupil_facts(pupil)->guardian_user_ids.empty());
  for (const auto& f : read->all_pupil_facts(school)) EXPECT_TRUE(f.guardian_user_ids.empty());
  domain::PupilScope family;
  family.kind = domain::PupilScope::Kind::family;
  family.family_user_id = father_user;
  family.family_as_guardian = true;
  EXPECT_TRUE(read->pupils(family, {}).empty());
  auto facts = read->case_facts(c);
  ASSERT_TRUE(facts);
  ASSERT_EQ(facts->guardians.size(), 2u);
  for (const auto& g : facts->guardians) EXPECT_NE(g.guardian_id, father);
  auto by_number = read->pupils_by_number(school, {"1"});
  ASSERT_EQ(by_number.size(), 1u);
  EXPECT_EQ(by_number[0].guardians.size(), 2u);
  // The open invitation for the father was revoked in the same transaction.
  auto inv = read->invitation(invitation);
  ASSERT_TRUE(inv);
  EXPECT_EQ(inv->revoked_at, kT1);
}

TEST_P(GuardianHistoryStore, AStaleVersionChangesNoGuardian) {
  auto tx = store->begin_write();
  auto p = replaced(*tx);
  EXPECT_FALSE(tx->update_pupil(p, p.version + 5, kT1));
  auto now = tx->pupil(pupil)->pupil;
  EXPECT_EQ(now.guardians.size(), 2u);
  EXPECT_EQ(now.guardians[1].id, father);
  EXPECT_TRUE(now.ended_guardians.empty());
  EXPECT_FALSE(tx->invitation(invitation)->revoked_at);
}

TEST_P(GuardianHistoryStore, AnEndedGuardianCannotBeWrittenAgain) {
  {
    auto tx = store->begin_write();
    auto p = replaced(*tx);
    ASSERT_TRUE(tx->update_pupil(p, p.version, kT1));
    tx->commit();
  }
  auto tx = store->begin_write();
  auto p = tx->pupil(pupil)->pupil;
  p.guardians.push_back(p.ended_guardians[0]);
  EXPECT_THROW(tx->update_pupil(p, p.version, kT1 + 1), store::StoreError);
}

INSTANTIATE_TEST_SUITE_P(Backends, GuardianHistoryStore, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
