// The Store contract: every backend must behave exactly like this.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/backends.hpp"

namespace samen::testing {
namespace {

using domain::Role;

class StoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { store = GetParam().open(); }

  // A region with one school and one user; returns {school_id, user_id, membership_id}.
  std::tuple<std::string, std::string, std::string> seed() {
    auto tx = store->begin_write();
    auto region = tx->insert_region({"", "R"});
    region_id = region;
    auto school = tx->insert_organisation(
        {"", region, "School", domain::OrgType::school, domain::SchoolType::secondary, true, 1});
    auto user = tx->insert_user({"", "m@s.example", "M", "hash", true, 1});
    auto membership = tx->insert_membership({"", user, school, Role::mentor, true, "", ""});
    tx->commit();
    return {school, user, membership};
  }

  domain::Pupil pupil(const std::string& school, const std::string& number) {
    domain::Pupil p;
    p.school_id = school;
    p.pupil_number = number;
    p.given_name = "Sanne";
    p.name_prefix = "van";
    p.family_name = "Dijk";
    p.date_of_birth = {2012, 1, 2};
    p.class_name = "1A";
    p.guardians = {{"", "Ouder Een", "moeder", "o@x.example", "06", true, "", "", {}, {}},
                   {"", "Ouder Twee", "vader", "", "", false, "", "", {}, {}}};
    return p;
  }

  std::shared_ptr<store::Store> store;
  std::string region_id;
};

TEST_P(StoreContract, MigratesToTheLatestVersionOnce) {
  EXPECT_EQ(store->schema_version(), store->latest_schema_version());
  EXPECT_EQ(store->migrate(), 0);
}

TEST_P(StoreContract, OrganisationsUsersAndMemberships) {
  auto [school, user, membership] = seed();
  auto tx = store->begin_read();
  auto org = tx->organisation(school);
  ASSERT_TRUE(org);
  EXPECT_EQ(org->school_type, domain::SchoolType::secondary);
  EXPECT_EQ(tx->user_by_email("m@s.example")->id, user);
  auto ms = tx->memberships_of(user);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].organisation_name, "School");
  EXPECT_EQ(ms[0].region_id, region_id);
  EXPECT_FALSE(tx->user("nonsense"));
  EXPECT_FALSE(tx->organisation("0"));
}

TEST_P(StoreContract, VersionedUpdatesRefuseStaleVersions) {
  auto [school, user, membership] = seed();
  auto tx = store->begin_write();
  EXPECT_FALSE(tx->set_organisation_active(school, false, 7));
  EXPECT_TRUE(tx->set_organisation_active(school, false, 1));
  EXPECT_FALSE(tx->set_organisation_active(school, true, 1));
  EXPECT_EQ(tx->organisation(school)->version, 2);
  EXPECT_TRUE(tx->set_user_active(user, false, 1));
  EXPECT_FALSE(tx->set_user_active(user, true, 1));
  tx->commit();
}

TEST_P(StoreContract, PupilsRoundTripWithGuardians) {
  auto [school, user, membership] = seed();
  std::string id;
  {
    auto tx = store->begin_write();
    auto created = tx->insert_pupil(pupil(school, "1001"));
    id = created.id;
    ASSERT_EQ(created.guardians.size(), 2u);
    EXPECT_FALSE(created.guardians[0].id.empty());
    tx->commit();
  }
  auto tx = store->begin_read();
  auto p = tx->pupil(id);
  ASSERT_TRUE(p);
  EXPECT_TRUE(domain::same_master_data(p->pupil, pupil(school, "1001")));
  EXPECT_EQ(p->pupil.version, 1);
  EXPECT_EQ(tx->pupil_id_by_number(school, "1001"), id);
  EXPECT_FALSE(tx->pupil_id_by_number(school, "9999"));
}

TEST_P(StoreContract, PupilUpdateChecksVersionAndKeepsGuardianIds) {
  auto [school, user, membership] = seed();
  auto tx = store->begin_write();
  auto created = tx->insert_pupil(pupil(school, "1"));
  auto changed = pupil(school, "1");
  changed.id = created.id;
  changed.class_name = "2B";
  changed.guardians = created.guardians;  // kept by id; the second is left out: ended
  changed.guardians.pop_back();
  EXPECT_FALSE(tx->update_pupil(changed, 5, 1));
  EXPECT_TRUE(tx->update_pupil(changed, 1, 1));
  auto now = std::move(tx->pupil(created.id)->pupil);
  EXPECT_EQ(now.class_name, "2B");
  EXPECT_EQ(now.version, 2);
  ASSERT_EQ(now.guardians.size(), 1u);
  EXPECT_EQ(now.guardians[0].id, created.guardians[0].id);
  ASSERT_EQ(now.ended_guardians.size(), 1u);
  EXPECT_EQ(now.ended_guardians[0].id, created.guardians[1].id);
  tx->commit();
}

TEST_P(StoreContract, RenamedPupilsAreFoundByTheirNewName) {
  auto [school, user, membership] = seed();
  auto tx = store->begin_write();
  auto created = tx->insert_pupil(pupil(school, "1"));
  auto renamed = pupil(school, "1");
  renamed.id = created.id;
  renamed.family_name = "Hendriks";
  renamed.name_prefix = "";
  ASSERT_TRUE(tx->update_pupil(renamed, 1, 1));
  tx->commit();
  auto read = store->begin_read();
  auto scope = full_school_scope(school);
  EXPECT_EQ(read->pupils(scope, {"hendr", "", 50, 0}).size(), 1u);
  EXPECT_TRUE(read->pupils(scope, {"dijk", "", 50, 0}).empty());
}

TEST_P(StoreContract, PupilNumbersAreUniquePerSchool) {
  auto [school, user, membership] = seed();
  auto tx = store->begin_write();
  tx->insert_pupil(pupil(school, "1"));
  EXPECT_THROW(tx->insert_pupil(pupil(school, "1")), store::StoreError);
}

TEST_P(StoreContract, PupilsByNumberFindsABatchOfOneSchoolWithGuardians) {
  auto [school, user, membership] = seed();
  auto tx = store->begin_write();
  auto other = tx->insert_organisation(
      {"", region_id, "Other", domain::OrgType::school, domain::SchoolType::primary, true, 1});
  // Numbers as exports may write them, with characters a query must not take literally.
  std::vector<std::string> numbers = {"1", "a,b", "{x}", "q\"uote", "back\\slash", "NULL", " sp"};
  for (const auto& n : numbers) tx->insert_pupil(pupil(school, n));
  tx->insert_pupil(pupil(other, "2"));
  for (int i = 10; i < 100; ++i) tx->insert_pupil(pupil(school, std::to_string(i)));

  std::vector<std::string> asked = numbers;
  asked.push_back("2");  // another school's
  asked.push_back("missing");
  auto found = tx->pupils_by_number(school, asked);
  std::vector<std::string> got;
  for (const auto& p : found) {
    got.push_back(p.pupil_number);
    EXPECT_EQ(tx->pupil_id_by_number(school, p.pupil_number), p.id);
    EXPECT_EQ(p.version, 1);
    EXPECT_TRUE(domain::same_master_data(p, pupil(school, p.pupil_number))) << p.pupil_number;
    EXPECT_FALSE(p.guardians.at(0).id.empty());
  }
  std::sort(got.begin(), got.end());
  std::sort(numbers.begin(), numbers.end());
  EXPECT_EQ(got, numbers);
  // Two numbers far apart, with many pupils between them.
  EXPECT_EQ(tx->pupils_by_number(school, {"99", "10"}).size(), 2u);
  EXPECT_TRUE(tx->pupils_by_number(school, {}).empty());
  EXPECT_EQ(tx->pupils_by_number(other, {"2", "1"}).size(), 1u);
}

TEST_P(StoreContract, SearchFindsByNameOrNumberWithinScope) {
  auto [school, user, membership] = seed();
  {
    auto tx = store->begin_write();
    auto a = pupil(school, "1");
    a.given_name = "Tess";
    a.family_name = "Visser";
    tx->insert_pupil(a);
    auto b = pupil(school, "2");
    b.given_name = "Noah";
    b.family_name = "Bakker";
    b.class_name = "3C";
    tx->insert_pupil(b);
    tx->commit();
  }
  auto tx = store->begin_read();
  auto scope = full_school_scope(school);
  auto names = [&](store::PupilQuery q) {
    std::vector<std::string> out;
    for (auto& r : tx->pupils(scope, q)) out.push_back(r.pupil.given_name);
    return out;
  };
  EXPECT_EQ(names({"viss", "", 50, 0}), std::vector<std::string>{"Tess"});
  EXPECT_EQ(names({"2", "", 50, 0}), std::vector<std::string>{"Noah"});
  EXPECT_EQ(names({"", "3C", 50, 0}), std::vector<std::string>{"Noah"});
  EXPECT_EQ(names({"", "", 50, 0}), (std::vector<std::string>{"Noah", "Tess"}));
  EXPECT_EQ(names({"", "", 1, 1}), std::vector<std::string>{"Tess"});
  EXPECT_TRUE(names({"%", "", 50, 0}).empty()) << "wildcards are literal";
  EXPECT_TRUE(names({"isser", "", 50, 0}).empty()) << "words match from their start";
  EXPECT_EQ(names({"tess viss", "", 50, 0}), std::vector<std::string>{"Tess"});
  EXPECT_EQ(names({"TESS van", "", 50, 0}), std::vector<std::string>{"Tess"})
      << "case-insensitive, prefixes";
  EXPECT_TRUE(names({"tess bakker", "", 50, 0}).empty());
  EXPECT_EQ(names({"noah", "1A", 50, 0}), std::vector<std::string>{})
      << "class filter applies to searches";
  domain::PupilScope none;
  EXPECT_TRUE(tx->pupils(none, {}).empty());
}

TEST_P(StoreContract, SessionsAndLoginFailures) {
  auto [school, user, membership] = seed();
  {
    auto tx = store->begin_write();
    tx->insert_session({"h1", user, membership, 1000, 1000, false});
    tx->touch_session("h1", 5000);
    tx->touch_session("h1", 3000);
    for (int i = 0; i < 3; ++i) tx->record_login_failure("acct", "1.2.3.4", 100 + i);
    tx->record_login_failure("other", "1.2.3.4", 50);
    tx->commit();
  }
  {
    auto tx = store->begin_read();
    auto s = tx->session("h1");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->last_seen_at, 5000) << "touch never moves last_seen backwards";
    auto principal = tx->session_principal("h1");
    ASSERT_TRUE(principal);
    EXPECT_EQ(principal->user.email, "m@s.example");
    EXPECT_EQ(principal->membership.role, Role::mentor);
    EXPECT_EQ(principal->membership.organisation_name, "School");
    EXPECT_FALSE(tx->session_principal("nope"));
    auto counts = tx->login_failures("acct", "1.2.3.4", 90);
    EXPECT_EQ(counts.by_account, 3);
    EXPECT_EQ(counts.by_address, 3);
    EXPECT_EQ(counts.oldest_by_account, 100);
  }
  auto tx = store->begin_write();
  tx->revoke_session("h1");
  EXPECT_TRUE(tx->session("h1")->revoked);
  tx->commit();
}

TEST_P(StoreContract, DraftKeysAreMadeOncePerUser) {
  auto [school, user, membership] = seed();
  std::string other;
  {
    auto tx = store->begin_write();
    other = tx->insert_user({"", "z@s.example", "Z", "hash", true, 1});
    EXPECT_FALSE(tx->draft_key(user));
    EXPECT_EQ(tx->ensure_draft_key(user, "first", 10), "first");
    EXPECT_EQ(tx->ensure_draft_key(user, "second", 20), "first") << "the first key stays";
    EXPECT_EQ(tx->ensure_draft_key(other, "theirs", 30), "theirs");
    tx->commit();
  }
  auto tx = store->begin_read();
  EXPECT_EQ(tx->draft_key(user), std::optional<std::string>("first"));
  EXPECT_EQ(tx->draft_key(other), std::optional<std::string>("theirs"));
  EXPECT_FALSE(tx->draft_key("999999"));
}

TEST_P(StoreContract, AuditRowsCannotBeChangedOrDeleted) {
  auto tx = store->begin_write();
  store::AuditRow row;
  row.seq = 1;
  row.at = "2026-01-01T00:00:00.000Z";
  row.action = "read";
  row.prev_hash = std::string(64, '0');
  row.hash = std::string(64, '1');
  tx->append_audit(row);
  tx->commit();
  auto read = store->begin_read();
  EXPECT_EQ(read->audit_head()->seq, 1);
  read.reset();
  // Only the backends' own SQL can try; go through a raw statement per backend.
  EXPECT_GE(store->begin_read()->audit_range(1, 10).size(), 1u);
}

TEST_P(StoreContract, AuditCheckpointsAreKeptInSeqOrder) {
  auto tx = store->begin_write();
  tx->append_audit_checkpoint({9, std::string(64, 'b'), "2026-01-02T00:00:00.000Z", "k1", "s2"});
  tx->append_audit_checkpoint({4, std::string(64, 'a'), "2026-01-01T00:00:00.000Z", "k1", "s1"});
  tx->commit();
  auto read = store->begin_read()->audit_checkpoints();
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].seq, 4);
  EXPECT_EQ(read[0].hash, std::string(64, 'a'));
  EXPECT_EQ(read[1].seq, 9);
  EXPECT_EQ(read[1].key_id, "k1");
  EXPECT_EQ(read[1].signature, "s2");
  EXPECT_EQ(read[1].at, "2026-01-02T00:00:00.000Z");
}

TEST_P(StoreContract, TheTestStoresAreDurable) { EXPECT_EQ(store->durability_problem(), ""); }

TEST_P(StoreContract, SavepointsUndoOneJobOnly) {
  auto [school, user, membership] = seed();
  auto tx = store->begin_write();
  tx->savepoint();
  tx->insert_pupil(pupil(school, "kept"));
  tx->release_savepoint();
  tx->savepoint();
  tx->insert_pupil(pupil(school, "undone"));
  tx->rollback_to_savepoint();
  tx->commit();
  auto r = store->begin_read();
  EXPECT_TRUE(r->pupil_id_by_number(school, "kept"));
  EXPECT_FALSE(r->pupil_id_by_number(school, "undone"));
}

TEST_P(StoreContract, UncommittedWritesRollBack) {
  auto [school, user, membership] = seed();
  {
    auto tx = store->begin_write();
    tx->insert_pupil(pupil(school, "lost"));
  }
  EXPECT_FALSE(store->begin_read()->pupil_id_by_number(school, "lost"));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
