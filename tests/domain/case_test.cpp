#include "domain/case.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

TEST(EntryCodes, AudiencesRoundTrip) {
  EXPECT_EQ(to_string(Audience::private_), "private");
  EXPECT_EQ(to_string(Audience::discipline), "discipline");
  EXPECT_EQ(to_string(Audience::school), "school");
  EXPECT_EQ(to_string(Audience::case_team), "case_team");
  for (Audience a : all_audiences()) EXPECT_EQ(parse_audience(to_string(a)), a);
  EXPECT_EQ(all_audiences().size(), 4u);
  EXPECT_FALSE(parse_audience("private_"));
  EXPECT_FALSE(parse_audience("team"));
}

TEST(EntryCodes, CategoriesRoundTrip) {
  std::vector<std::string> codes;
  for (EntryCategory c : all_entry_categories()) {
    codes.emplace_back(to_string(c));
    EXPECT_EQ(parse_entry_category(to_string(c)), c);
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"attendance", "behaviour", "learning", "wellbeing",
                                             "home", "health", "safety"}));
  EXPECT_FALSE(parse_entry_category("home_situation"));
}

TEST(EntryCodes, GuardiansWithAuthorityAndALogin) {
  CaseFacts c;
  c.guardians = {{"g1", "u1", true}, {"g2", "u2", false}, {"g3", "", true}};
  EXPECT_EQ(guardian_user_ids_with_authority(c), std::vector<std::string>{"u1"});
}

TEST(EntryCodes, SafetyDecisionValidity) {
  SafetyDecision sd{"s1", "c1", {"o1"}, 100, 200};
  EXPECT_FALSE(safety_decision_valid_at(sd, 99));
  EXPECT_TRUE(safety_decision_valid_at(sd, 100));
  EXPECT_TRUE(safety_decision_valid_at(sd, 199));
  EXPECT_FALSE(safety_decision_valid_at(sd, 200));
}

}  // namespace
}  // namespace samen::domain
