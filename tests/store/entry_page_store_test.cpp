// The chronology's listing filter as SQL (ReadTx::entries_page) lists exactly the entries
// the single decision allows, on every backend: one stored world of organisations, people,
// cases and entries, then many generated (viewer, grants, safety decisions, moment)
// scenarios, each compared entry by entry with decide_entry_access. Also paging, the
// narrowing filters and the corrections a viewer may see.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "domain/entry_filter.hpp"
#include "domain/policy_entries.hpp"
#include "domain/pupil.hpp"
#include "store/backends.hpp"

namespace samen::testing {
namespace {

using domain::Audience;
using domain::EntryCategory;
using domain::Millis;
using domain::Role;

constexpr Millis kDay = 86'400'000;
constexpr Millis kT0 = 1'780'000'000'000;  // 2026-05-28

std::vector<std::string> ids_of(const std::vector<store::EntryRecord>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.facts.entry_id);
  return out;
}

class EntryPageStore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    auto region = tx->insert_region({"", "R"});
    auto org = [&](const char* name, domain::OrgType type) {
      std::optional<domain::SchoolType> school_type;
      if (type == domain::OrgType::school) school_type = domain::SchoolType::secondary;
      std::string id = tx->insert_organisation({"", region, name, type, school_type, true, 1});
      organisations.push_back(id);
      return id;
    };
    school = org("School", domain::OrgType::school);
    std::string school2 = org("Other school", domain::OrgType::school);
    std::string provider = org("Provider", domain::OrgType::care_provider);
    std::string ggd = org("GGD", domain::OrgType::health_service);
    std::string city = org("Gemeente", domain::OrgType::municipality);
    std::string hood = org("Buurtteam", domain::OrgType::neighbourhood_team);
    int n = 0;
    auto person = [&](const std::string& organisation, Role role) {
      std::string email = "p" + std::to_string(++n) + "@x.example";
      auto user = tx->insert_user({"", email, email, "hash", true, 1});
      auto membership = tx->insert_membership({"", user, organisation, role, true, "", ""});
      people.push_back(domain::Viewer{user, membership, organisation, region, role});
      return people.back();
    };
    for (Role r : {Role::mentor, Role::teacher, Role::care_coordinator, Role::school_care_worker,
                   Role::admin, Role::school_leader})
      person(school, r);
    person(school2, Role::care_coordinator);
    person(provider, Role::school_care_worker);
    person(ggd, Role::youth_health);
    person(ggd, Role::youth_health);
    person(city, Role::attendance_officer);
    person(hood, Role::family_worker);
    person(provider, Role::inclusion_counsellor);
    // The same user in a second membership: rule 1 is per membership, not per user.
    auto twice = people[3];
    auto second =
        tx->insert_membership({"", twice.user_id, provider, Role::family_worker, true, "", ""});
    people.push_back(domain::Viewer{twice.user_id, second, provider, region, Role::family_worker});

    domain::Pupil p;
    p.school_id = school;
    p.pupil_number = "1";
    p.given_name = "Sanne";
    p.family_name = "Dijk";
    p.date_of_birth = {2012, 6, 1};  // 13 at kT0, 16 on 2028-06-01
    p.guardians = {{"", "Moeder", "moeder", "", "", true, "", "", {}, {}},
                   {"", "Stiefvader", "stiefvader", "", "", false, "", "", {}, {}}};
    auto inserted = tx->insert_pupil(p);
    pupil = inserted.id;
    guardian_ids = {inserted.guardians[0].id, inserted.guardians[1].id};
    auto family_login = [&](Role role) {
      return person(school, role);  // a family login's membership sits at the school
    };
    auto pupil_login = family_login(Role::pupil);
    tx->link_pupil_user(pupil, pupil_login.user_id);
    tx->link_guardian_user(guardian_ids[0], family_login(Role::guardian).user_id);
    tx->link_guardian_user(guardian_ids[1], family_login(Role::guardian).user_id);
    std::string other_pupil = insert_pupil(*tx, school, "2");

    std::mt19937 rng(20261201);
    auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
    auto open_case = [&](const std::string& pupil_id, const domain::Viewer& lead) {
      store::CaseRecord c;
      c.pupil_id = pupil_id;
      c.school_id = school;
      c.lead_membership_id = lead.membership_id;
      c.categories = {EntryCategory::attendance};
      c.level = 2;
      c.opened_by_user_id = lead.user_id;
      c.opened_at = kT0;
      std::string id = tx->insert_case(c, "opened");
      for (const auto& v : people)
        if (!domain::is_family_role(v.role) && chance(40))
          seat_at_table(*tx, id, v.membership_id, lead.user_id, kT0);
      return id;
    };
    cases = {open_case(pupil, people[2]), open_case(pupil, people[0]),
             open_case(other_pupil, people[2])};
    const auto all_audiences = domain::all_audiences();
    const auto all_categories = domain::all_entry_categories();
    std::vector<std::string> written;
    for (int i = 0; i < 180; ++i) {
      const auto& author = people[rng() % people.size()];
      const std::string& case_id = cases[i % 5 == 4 ? 1 + (i / 5) % 2 : 0];
      auto audience = all_audiences[rng() % all_audiences.size()];
      auto category = all_categories[rng() % all_categories.size()];
      // Times repeat now and then, and some run against the id order (a signal entry
      // carries the signal's time when it is triaged later), so the cursor must order by
      // (created_at, id), not by id.
      auto e = an_entry(case_id, case_id == cases[2] ? other_pupil : pupil, author, category,
                        audience, kT0 + (i / 3) * 60'000 - (i % 7 == 0 ? 3'600'000 : 0));
      e.facts.family_visible = chance(40);
      e.text = "entry " + std::to_string(i);
      if (!written.empty() && chance(15)) e.corrects_entry_id = written[rng() % written.size()];
      written.push_back(tx->append_entry(e));
    }
    // Rule 6 needs two people of one discipline at one table: the second youth nurse sits
    // at the first case and reads the first one's discipline notes there.
    const auto& nurse = people[8];
    seat_at_table(*tx, cases[0], people[9].membership_id, people[2].user_id, kT0);
    for (int i = 0; i < 4; ++i) {
      auto e = an_entry(cases[0], pupil, nurse, EntryCategory::health, Audience::discipline,
                        kT0 + i * 90'000);
      e.facts.family_visible = i % 2 == 0;
      tx->append_entry(e);
    }
    tx->commit();
  }

  domain::ConsentGrant a_grant(std::mt19937& rng, Millis t) {
    auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
    domain::ConsentGrant g;
    g.id = std::to_string(rng() % 1000 + 1);
    g.pupil_id = pupil;
    for (const auto& id : guardian_ids)
      if (chance(50)) g.given_by_guardian_ids.push_back(id);
    g.given_by_pupil = chance(55);
    for (const auto& o : organisations)
      if (chance(30)) g.recipient_organisation_ids.push_back(o);
    for (Role r : domain::all_roles())
      if (chance(10)) g.recipient_roles.push_back(r);
    g.recipient_guardians = chance(40);
    for (EntryCategory c : domain::all_entry_categories())
      if (chance(50)) g.categories.push_back(c);
    g.valid_from = t - static_cast<Millis>(rng() % 60) * kDay + 30 * kDay;
    if (chance(40)) g.valid_until = g.valid_from + static_cast<Millis>(rng() % 90) * kDay;
    if (chance(25)) g.withdrawn_at = t + (static_cast<Millis>(rng() % 20) - 10) * kDay;
    // Recorded by a professional to their own benefit: pending until confirmed (issue 11),
    // confirmed before or after t, or not yet.
    if (chance(30)) {
      g.awaits_confirmation = true;
      if (chance(50)) g.confirmed_at = t + (static_cast<Millis>(rng() % 20) - 10) * kDay;
    }
    return g;
  }

  std::shared_ptr<store::Store> store;
  std::string school, pupil;
  std::vector<std::string> organisations, guardian_ids, cases;
  std::vector<domain::Viewer> people;
};

TEST_P(EntryPageStore, ListsExactlyWhatTheSingleDecisionAllows) {
  std::mt19937 rng(7);
  auto tx = store->begin_read();
  long compared = 0, shown = 0;
  std::set<std::string> bases, refusals;
  // Before the 12th birthday, on it, at 13, the day before the 16th and on it.
  const std::vector<Millis> moments = {
      domain::netherlands_midnight({2023, 6, 1}), domain::netherlands_midnight({2024, 6, 1}), kT0,
      domain::netherlands_midnight({2028, 6, 1}) - 1, domain::netherlands_midnight({2028, 6, 1})};
  const int scenarios = static_cast<int>(people.size() * moments.size() * cases.size() * 4);
  for (int scenario = 0; scenario < scenarios; ++scenario) {
    // Every viewer meets every case at every moment, four times with other grants.
    const auto& viewer = people[scenario % people.size()];
    Millis t = moments[(scenario / people.size()) % moments.size()];
    const std::string& case_id =
        cases[(scenario / (people.size() * moments.size())) % cases.size()];
    auto facts = *tx->case_facts(case_id);
    auto all = tx->entries_of_case(case_id);
    std::vector<domain::ConsentGrant> grants;
    for (int i = 0, n = static_cast<int>(rng() % 4); i < n; ++i) grants.push_back(a_grant(rng, t));
    std::vector<domain::SafetyDecision> safety;
    if (rng() % 3 == 0)
      safety.push_back(
          {"1", case_id, {organisations[rng() % organisations.size()]}, t - kDay, t + kDay});
    auto filter = domain::entry_filter_for(viewer, facts, grants, safety, t);
    store::EntryPageQuery everything;
    everything.limit = 1000;
    auto page = tx->entries_page(filter, everything);
    std::vector<std::string> expected;
    for (const auto& e : all) {
      auto decision = domain::decide_entry_access(viewer, e.facts, facts, grants, safety, t);
      if (!decision.allowed) {
        refusals.insert(decision.reason);
        continue;
      }
      expected.push_back(e.facts.entry_id);
      bases.insert(decision.legal_basis);
    }
    ASSERT_EQ(ids_of(page.entries), expected)
        << "scenario " << scenario << ": " << domain::to_string(viewer.role) << " of "
        << viewer.organisation_id << " on case " << case_id;
    EXPECT_FALSE(page.more);
    // Each listed entry names the visible corrections of it, and only those.
    for (const auto& e : page.entries) {
      std::vector<std::string> visible;
      for (const auto& later : all)
        if (later.corrects_entry_id == e.facts.entry_id &&
            std::find(expected.begin(), expected.end(), later.facts.entry_id) != expected.end())
          visible.push_back(later.facts.entry_id);
      ASSERT_EQ(e.corrected_by, visible) << "entry " << e.facts.entry_id;
    }
    compared += static_cast<long>(all.size());
    shown += static_cast<long>(expected.size());
  }
  // Both outcomes occur often enough for the agreement to mean something, and every
  // legal basis an entry can be shown on was reached.
  EXPECT_GT(shown, compared / 20);
  EXPECT_LT(shown, compared * 3 / 4);
  EXPECT_EQ(bases, (std::set<std::string>{"author", "family", "same_discipline",
                                          "same_organisation", "legal_duty", "safety", "consent"}));
  // A grant awaiting confirmation was met, and the filter kept its entries out as well.
  EXPECT_TRUE(refusals.count("consent_pending")) << "no pending grant decided anything";
}

TEST_P(EntryPageStore, AGuardianOfASixteenYearOldSeesOnlyTheCategoriesThePupilConsentedTo) {
  auto tx = store->begin_read();
  auto facts = *tx->case_facts(cases[0]);
  const auto& mother = people[people.size() - 2];         // the guardian with parental authority
  Millis t = domain::netherlands_midnight({2028, 6, 1});  // the 16th birthday
  domain::ConsentGrant grant;
  grant.id = "1";
  grant.pupil_id = pupil;
  grant.given_by_pupil = true;
  grant.recipient_guardians = true;
  grant.categories = {EntryCategory::home, EntryCategory::wellbeing};
  grant.valid_from = t - kDay;
  store::EntryPageQuery everything;
  everything.limit = 1000;
  auto listed = [&](const std::vector<domain::ConsentGrant>& grants) {
    auto filter = domain::entry_filter_for(mother, facts, grants, {}, t);
    std::vector<std::string> expected;
    for (const auto& e : tx->entries_of_case(cases[0]))
      if (domain::decide_entry_access(mother, e.facts, facts, grants, {}, t).allowed)
        expected.push_back(e.facts.entry_id);
    auto page = tx->entries_page(filter, everything);
    EXPECT_EQ(ids_of(page.entries), expected);
    return page.entries;
  };
  auto with_consent = listed({grant});
  ASSERT_FALSE(with_consent.empty());
  for (const auto& e : with_consent) {
    if (e.facts.author_user_id == mother.user_id) continue;  // her own (rule 1)
    EXPECT_TRUE(e.facts.family_visible);
    EXPECT_TRUE(e.facts.category == EntryCategory::home ||
                e.facts.category == EntryCategory::wellbeing)
        << domain::to_string(e.facts.category);
  }
  for (const auto& e : listed({}))
    EXPECT_EQ(e.facts.author_user_id, mother.user_id)
        << "without the pupil's consent the guardian sees only what she wrote";
}

TEST_P(EntryPageStore, PagesFollowEachOtherAndNarrowingFiltersApply) {
  auto tx = store->begin_read();
  auto facts = *tx->case_facts(cases[0]);
  const auto& coordinator = people[2];  // the school's care coordinator: rule 4 lets them in
  auto filter = domain::entry_filter_for(coordinator, facts, {}, {}, kT0);
  store::EntryPageQuery whole;
  whole.limit = 1000;
  auto all = ids_of(tx->entries_page(filter, whole).entries);
  ASSERT_GT(all.size(), 20u);

  std::vector<std::string> paged;
  store::EntryPageQuery q;
  q.limit = 7;
  for (int pages = 1;; ++pages) {
    auto page = tx->entries_page(filter, q);
    ASSERT_LE(page.entries.size(), 7u);
    for (const auto& e : page.entries) paged.push_back(e.facts.entry_id);
    if (!page.more) break;
    ASSERT_EQ(page.entries.size(), 7u);
    q.after_created_at = page.entries.back().created_at;
    q.after_id = page.entries.back().facts.entry_id;
    ASSERT_LT(pages, 100);
  }
  EXPECT_EQ(paged, all);

  auto full = tx->entries_of_case(cases[0]);
  auto narrowed = [&](auto keep, store::EntryPageQuery query) {
    query.limit = 1000;
    std::vector<std::string> expected;
    for (const auto& e : full)
      if (std::find(all.begin(), all.end(), e.facts.entry_id) != all.end() && keep(e))
        expected.push_back(e.facts.entry_id);
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(ids_of(tx->entries_page(filter, query).entries), expected);
  };
  store::EntryPageQuery by_category;
  by_category.category = "attendance";
  narrowed([](const auto& e) { return e.facts.category == EntryCategory::attendance; },
           by_category);
  store::EntryPageQuery by_audience;
  by_audience.audience = "school";
  narrowed([](const auto& e) { return e.facts.audience == Audience::school; }, by_audience);
  store::EntryPageQuery by_author;
  auto first_shown = std::find_if(full.begin(), full.end(),
                                  [&](const auto& e) { return e.facts.entry_id == all.front(); });
  by_author.author_user_id = first_shown->facts.author_user_id;
  narrowed([&](const auto& e) { return e.facts.author_user_id == by_author.author_user_id; },
           by_author);
  store::EntryPageQuery nobody;
  nobody.author_user_id = "not-an-id";
  nobody.limit = 1000;
  EXPECT_TRUE(tx->entries_page(filter, nobody).entries.empty());
}

TEST_P(EntryPageStore, FactsGrantsAndNamesOfManyCasesAtOnceMatchTheSingleReads) {
  auto w = store->begin_write();
  auto other_pupil = *w->case_facts(cases[2]);
  for (const auto& pupil_id : {pupil, other_pupil.pupil_id, pupil}) {
    store::ConsentGrantRecord g;
    g.grant.pupil_id = pupil_id;
    g.grant.given_by_pupil = true;
    g.grant.recipient_roles = {Role::family_worker};
    g.grant.categories = {EntryCategory::home};
    g.grant.valid_from = kT0;
    g.text = "toestemming";
    g.recorded_by_user_id = people[2].user_id;
    g.recorded_at = kT0;
    w->insert_consent_grant(g);
  }
  domain::Pupil daan;
  daan.school_id = other_pupil.school_id;
  daan.pupil_number = "D-1";
  daan.given_name = "Daan";
  daan.name_prefix = "van";
  daan.family_name = "Dam";
  daan.date_of_birth = {2012, 5, 1};
  auto daan_id = w->insert_pupil(daan).id;
  w->commit();
  auto tx = store->begin_read();
  std::vector<std::string> asked = {cases[2], "999999", cases[0], "not-an-id", cases[1]};
  auto many = tx->case_facts_of(asked);
  ASSERT_EQ(many.size(), 3u);
  // What SetUp stored, independently of case_facts (which reads through case_facts_of).
  EXPECT_EQ(many[1].case_id, cases[0]);
  EXPECT_EQ(many[1].pupil_id, pupil);
  EXPECT_EQ(many[1].lead_membership_id, people[2].membership_id);
  EXPECT_EQ(many[2].lead_membership_id, people[0].membership_id);
  EXPECT_EQ(many[0].pupil_id, other_pupil.pupil_id);
  ASSERT_EQ(many[1].guardians.size(), 2u);
  EXPECT_EQ(many[1].guardians[0].guardian_id, guardian_ids[0]);
  EXPECT_TRUE(many[1].guardians[0].parental_authority);
  EXPECT_FALSE(many[1].guardians[1].parental_authority);
  for (std::size_t i = 0; i < many.size(); ++i) {
    auto one = *tx->case_facts(std::vector{cases[2], cases[0], cases[1]}[i]);
    EXPECT_EQ(many[i].case_id, one.case_id);
    EXPECT_EQ(many[i].pupil_id, one.pupil_id);
    EXPECT_EQ(many[i].school_id, one.school_id);
    EXPECT_EQ(many[i].lead_membership_id, one.lead_membership_id);
    EXPECT_EQ(many[i].team_membership_ids, one.team_membership_ids);
    EXPECT_EQ(many[i].pupil_user_id, one.pupil_user_id);
    ASSERT_EQ(many[i].guardians.size(), one.guardians.size());
    for (std::size_t g = 0; g < one.guardians.size(); ++g) {
      EXPECT_EQ(many[i].guardians[g].guardian_id, one.guardians[g].guardian_id);
      EXPECT_EQ(many[i].guardians[g].user_id, one.guardians[g].user_id);
      EXPECT_EQ(many[i].guardians[g].parental_authority, one.guardians[g].parental_authority);
    }
  }
  EXPECT_EQ(many[1].guardians.size(), 2u);  // the first pupil's mother and stepfather
  EXPECT_TRUE(many[0].guardians.empty());
  auto by_pupil = tx->consent_grants_by_pupil({pupil, other_pupil.pupil_id, "x"});
  ASSERT_EQ(by_pupil.size(), 2u);
  EXPECT_EQ(by_pupil[pupil].size(), 2u);
  EXPECT_EQ(by_pupil[other_pupil.pupil_id].size(), 1u);
  EXPECT_EQ(tx->consent_grant_records_of_pupil(pupil).size(), 2u);
  EXPECT_TRUE(tx->case_facts_of({}).empty());
  auto names =
      tx->pupil_names({pupil, "999999", other_pupil.pupil_id, "not-an-id", daan_id, pupil});
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[pupil], "Sanne Dijk");
  EXPECT_EQ(names[daan_id], "Daan van Dam");
  EXPECT_EQ(names[other_pupil.pupil_id], domain::full_name(tx->pupil(other_pupil.pupil_id)->pupil));
  EXPECT_TRUE(tx->pupil_names({}).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, EntryPageStore, ::testing::ValuesIn(store_backends()),
                         backend_name);

}  // namespace
}  // namespace samen::testing
