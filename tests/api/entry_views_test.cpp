// How an entry is shown links only to entries the viewer may see as well: a correction of
// a discipline note, written for the whole table, must not name the hidden note to those
// outside the discipline (and the note's corrections are listed only when visible).
#include "api/entry_views.hpp"

#include <gtest/gtest.h>

#include "domain/policy_entries.hpp"
#include "store/backends.hpp"

namespace samen::testing {
namespace {

using domain::Audience;
using domain::EntryCategory;
using domain::Role;

constexpr domain::Millis kT0 = 1'780'000'000'000;  // 2026-05-28

class EntryViews : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    // The harness's school and pupil; its care coordinator's user gets the membership.
    auto world = insert_school_with_pupil(*tx);
    school = world.school;
    pupil = world.pupil;
    auto member = [&](const std::string& user, Role role) {
      auto membership = tx->insert_membership({"", user, school, role, true, "", ""});
      return domain::Viewer{user, membership, school, world.region, role};
    };
    coordinator = member(world.coordinator, Role::care_coordinator);
    mentor_a = member(tx->insert_user({"", "a@x.example", "A", "hash", true, 1}), Role::mentor);
    mentor_b = member(tx->insert_user({"", "b@x.example", "B", "hash", true, 1}), Role::mentor);
    store::CaseRecord c;
    c.pupil_id = pupil;
    c.school_id = school;
    c.lead_membership_id = coordinator.membership_id;
    c.categories = {EntryCategory::wellbeing};
    c.opened_by_user_id = coordinator.user_id;
    c.opened_at = kT0;
    case_id = tx->insert_case(c, "opened");
    for (const auto* m : {&mentor_a, &mentor_b})
      seat_at_table(*tx, case_id, m->membership_id, coordinator.user_id, kT0);
    note = tx->append_entry(entry(mentor_a, Audience::discipline, "", kT0));
    correction = tx->append_entry(entry(mentor_b, Audience::case_team, note, kT0 + 1000));
    tx->commit();
  }

  store::EntryRecord entry(const domain::Viewer& author, Audience audience,
                           const std::string& corrects, domain::Millis at) {
    auto e = an_entry(case_id, pupil, author, EntryCategory::wellbeing, audience, at);
    e.corrects_entry_id = corrects;
    return e;
  }

  // The correction as `viewer` sees it (the viewer must be allowed to see it).
  boost::json::object shown(const domain::Viewer& viewer, const std::string& id) {
    auto tx = store->begin_read();
    api::CaseContext context{*tx->case_facts(case_id), {}, {}};
    auto e = *tx->entry(id);
    auto decision = domain::decide_entry_access(viewer, e.facts, context.facts, {}, {}, kT0 + 2000);
    EXPECT_TRUE(decision.allowed) << decision.reason;
    // The page step decides which linked entries may be named, as the handlers use it.
    auto page = api::decide_page(*tx, viewer, context, {e}, kT0 + 2000);
    EXPECT_EQ(page.shown.size(), 1u);
    EXPECT_EQ(page.shown.front().decision.rule, decision.rule);
    return api::EntryRenderer(*tx).render(e, page.shown.front(), page.visible);
  }

  std::shared_ptr<store::Store> store;
  std::string school, pupil, case_id, note, correction;
  domain::Viewer coordinator, mentor_a, mentor_b;
};

TEST_P(EntryViews, ACorrectionNamesTheEntryItCorrectsOnlyToThoseWhoMaySeeIt) {
  // Mentor B shares the note's discipline (rule 6): the link is there, both ways.
  auto for_mentor = shown(mentor_b, correction);
  EXPECT_EQ(for_mentor.at("corrects").as_string(), note);
  EXPECT_EQ(shown(mentor_b, note).at("corrected_by").as_array().size(), 1u);
  // The care coordinator reads the correction (same organisation) but not the mentors'
  // discipline note, so the correction does not point at it.
  auto for_coordinator = shown(coordinator, correction);
  EXPECT_FALSE(for_coordinator.contains("corrects"));
  EXPECT_EQ(for_coordinator.at("text").as_string(), "text");
}

INSTANTIATE_TEST_SUITE_P(Backends, EntryViews, ::testing::ValuesIn(store_backends()), backend_name);

}  // namespace
}  // namespace samen::testing
