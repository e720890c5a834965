// The listing filter the store runs (SQL) and the policy's single decision agree: for
// generated pupils and every viewer, the pupils a listing returns are exactly those a
// single read decision allows, with the same view.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "domain/policy.hpp"
#include "store/backends.hpp"

namespace samen::testing {
namespace {

using domain::Role;

class PupilScopeAgreement : public ::testing::TestWithParam<Backend> {};

TEST_P(PupilScopeAgreement, ListingMatchesSingleDecisions) {
  auto store = GetParam().open();
  std::mt19937 rng(11);
  std::vector<std::string> schools, users;
  {
    auto tx = store->begin_write();
    auto region = tx->insert_region({"", "R"});
    for (int s = 0; s < 2; ++s)
      schools.push_back(tx->insert_organisation(
          {"", region, "S" + std::to_string(s), domain::OrgType::school, {}, true, 1}));
    for (int u = 0; u < 4; ++u)
      users.push_back(
          tx->insert_user({"", "u" + std::to_string(u) + "@x.example", "U", "h", true, 1}));
    for (int i = 0; i < 60; ++i) {
      domain::Pupil p;
      p.school_id = schools[rng() % 2];
      p.pupil_number = std::to_string(i);
      p.given_name = "P";
      p.family_name = "F" + std::to_string(i);
      p.date_of_birth = {2012, 1, 1};
      p.mentor_user_id = users[rng() % 4];
      p.guardians = {{"", "G", "moeder", "", "", rng() % 2 == 0, "", "", {}, {}}};
      auto stored = tx->insert_pupil(p);
      if (rng() % 3 == 0) tx->link_guardian_user(stored.guardians[0].id, users[rng() % 4]);
      if (rng() % 5 == 0) tx->link_pupil_user(stored.id, users[rng() % 4]);
    }
    tx->commit();
  }
  auto tx = store->begin_read();
  std::vector<domain::PupilFacts> all;
  for (const auto& s : schools)
    for (auto& f : tx->all_pupil_facts(s)) all.push_back(f);
  ASSERT_EQ(all.size(), 60u);
  int checked = 0;
  for (Role role : domain::all_roles())
    for (const auto& org : schools)
      for (const auto& user : users) {
        domain::Viewer v{user, "m", org, "r", role};
        auto scope = domain::pupil_list_scope(v);
        std::set<std::string> listed;
        for (auto& row : tx->pupils(scope, {"", "", 200, 0})) listed.insert(row.pupil.id);
        for (const auto& f : all) {
          auto d = domain::decide_pupil_access(v, f, domain::PupilAction::read);
          ASSERT_EQ(d.allowed, listed.count(f.pupil_id) == 1)
              << domain::to_string(role) << " pupil " << f.pupil_id << " " << d.rule << " "
              << d.reason;
          ++checked;
        }
      }
  EXPECT_EQ(checked, 15 * 2 * 4 * 60);
}

INSTANTIATE_TEST_SUITE_P(Backends, PupilScopeAgreement, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
