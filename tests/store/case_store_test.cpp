// The store of cases and lawful sharing (issue 5), on every backend: round trips of each
// record, the team and level history, versions, the append-only chronology, grants with
// withdrawal, safety decisions, and facts complete enough for the policy to decide on.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>

#include "domain/policy_entries.hpp"
#include "store/backends.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sql/migrations.hpp"

namespace samen::testing {
namespace {

using domain::Audience;
using domain::EntryCategory;
using domain::Role;

constexpr domain::Millis kT0 = 1'780'000'000'000;  // 2026-05-28
constexpr domain::Millis kDay = 86'400'000;

class CaseStore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    auto region = tx->insert_region({"", "R"});
    auto org = [&](const char* name, domain::OrgType type) {
      return tx->insert_organisation({"", region, name, type, std::nullopt, true, 1});
    };
    school = tx->insert_organisation(
        {"", region, "School", domain::OrgType::school, domain::SchoolType::secondary, true, 1});
    municipality = org("Gemeente", domain::OrgType::municipality);
    buurtteam = org("Buurtteam", domain::OrgType::neighbourhood_team);
    auto person = [&](const char* email, const std::string& organisation, Role role) {
      auto user = tx->insert_user({"", email, email, "hash", true, 1});
      auto membership = tx->insert_membership({"", user, organisation, role, true, "", ""});
      return domain::Viewer{user, membership, organisation, region, role};
    };
    mentor = person("mentor@x", school, Role::mentor);
    coordinator = person("zc@x", school, Role::care_coordinator);
    officer = person("lpa@x", municipality, Role::attendance_officer);
    family_worker = person("gw@x", buurtteam, Role::family_worker);
    domain::Pupil p;
    p.school_id = school;
    p.pupil_number = "1";
    p.given_name = "Sanne";
    p.family_name = "Dijk";
    p.date_of_birth = {2013, 3, 1};  // 13 at kT0
    p.guardians = {{"", "Moeder", "moeder", "", "", true, "", "", {}, {}},
                   {"", "Stiefvader", "stiefvader", "", "", false, "", "", {}, {}}};
    auto inserted = tx->insert_pupil(p);
    pupil = inserted.id;
    mother = inserted.guardians[0].id;
    stepfather = inserted.guardians[1].id;
    tx->commit();
  }

  std::string open_case(store::WriteTx& tx, int level = 2) {
    store::CaseRecord c;
    c.pupil_id = pupil;
    c.school_id = school;
    c.lead_membership_id = coordinator.membership_id;
    c.categories = {EntryCategory::attendance, EntryCategory::home};
    c.level = level;
    c.review_date = domain::Date{2026, 7, 1};
    c.opened_by_user_id = coordinator.user_id;
    c.opened_at = kT0;
    return tx.insert_case(c, "signal about absence");
  }

  store::EntryRecord entry(const std::string& case_id, const domain::Viewer& author,
                           EntryCategory category, Audience audience, domain::Millis at) {
    auto e = an_entry(case_id, pupil, author, category, audience, at);
    e.kind = "observation";
    return e;
  }

  std::shared_ptr<store::Store> store;
  std::string school, municipality, buurtteam, pupil, mother, stepfather;
  domain::Viewer mentor, coordinator, officer, family_worker;
};

TEST_P(CaseStore, SignalsAreTriagedOnceWithTheirVersion) {
  auto tx = store->begin_write();
  store::SignalRecord s;
  s.pupil_id = pupil;
  s.school_id = school;
  s.author_user_id = mentor.user_id;
  s.author_membership_id = mentor.membership_id;
  s.author_organisation_id = school;
  s.author_role = Role::mentor;
  s.categories = {EntryCategory::attendance, EntryCategory::wellbeing};
  s.urgency = "soon";
  s.text = "Vaak afwezig op maandag";
  s.created_at = kT0;
  auto id = tx->insert_signal(s);
  auto read = tx->signal(id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->categories, s.categories);
  EXPECT_EQ(read->urgency, "soon");
  EXPECT_EQ(read->status, "open");
  EXPECT_EQ(read->author_role, Role::mentor);
  EXPECT_FALSE(read->triaged_at);
  ASSERT_EQ(tx->open_signals(school).size(), 1u);

  auto case_id = open_case(*tx);
  store::SignalTriage t{"case", coordinator.user_id, coordinator.membership_id, kT0 + 1, "",
                        case_id};
  EXPECT_FALSE(tx->triage_signal(id, t, 5));  // stale
  EXPECT_TRUE(tx->triage_signal(id, t, 1));
  EXPECT_FALSE(tx->triage_signal(id, t, 2));  // no longer open
  read = tx->signal(id);
  EXPECT_EQ(read->status, "case");
  EXPECT_EQ(read->case_id, case_id);
  EXPECT_EQ(read->triaged_by_membership_id, coordinator.membership_id);
  EXPECT_EQ(read->triaged_at, kT0 + 1);
  EXPECT_EQ(read->version, 2);
  EXPECT_TRUE(tx->open_signals(school).empty());
  EXPECT_EQ(tx->signals_of_pupil(pupil).size(), 1u);
  tx->commit();
}

TEST_P(CaseStore, CasesKeepTheirTeamAndLevelHistory) {
  auto tx = store->begin_write();
  auto id = open_case(*tx);
  store::TeamMember m;
  m.case_id = id;
  m.membership_id = officer.membership_id;
  m.reason = "verzuim";
  m.added_by_user_id = coordinator.user_id;
  m.added_at = kT0 + 1;
  EXPECT_TRUE(tx->add_team_member(m));
  EXPECT_FALSE(tx->add_team_member(m));  // already at the table
  m.membership_id = family_worker.membership_id;
  m.reason = "thuissituatie";
  EXPECT_TRUE(tx->add_team_member(m));
  EXPECT_TRUE(tx->remove_team_member(id, officer.membership_id, coordinator.user_id, kT0 + 2));
  EXPECT_FALSE(tx->remove_team_member(id, officer.membership_id, coordinator.user_id, kT0 + 3));

  store::LevelChange up{
      "",     id, std::nullopt, 4, "external care", coordinator.user_id, coordinator.membership_id,
      kT0 + 5};
  EXPECT_FALSE(tx->change_level(up, 9));
  EXPECT_TRUE(tx->change_level(up, 1));
  store::LevelChange down{"", id, std::nullopt, 3, "better", coordinator.user_id, "", kT0 + 6};
  EXPECT_FALSE(tx->change_level(down, 1));
  EXPECT_TRUE(tx->change_level(down, 2));

  auto c = tx->case_record(id);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->pupil_id, pupil);
  EXPECT_EQ(c->lead_membership_id, coordinator.membership_id);
  EXPECT_EQ(c->categories, (std::vector{EntryCategory::attendance, EntryCategory::home}));
  EXPECT_EQ(c->level, 3);
  EXPECT_EQ(c->status, "open");
  EXPECT_EQ(c->review_date, (domain::Date{2026, 7, 1}));
  EXPECT_EQ(c->version, 3);
  ASSERT_EQ(c->team.size(), 2u);
  EXPECT_EQ(c->team[0].membership_id, officer.membership_id);
  EXPECT_EQ(c->team[0].removed_at, kT0 + 2);
  EXPECT_EQ(c->team[0].role, Role::attendance_officer);
  EXPECT_EQ(c->team[1].reason, "thuissituatie");
  EXPECT_FALSE(c->team[1].removed_at);
  ASSERT_EQ(c->level_changes.size(), 3u);
  EXPECT_FALSE(c->level_changes[0].from_level);
  EXPECT_EQ(c->level_changes[0].to_level, 2);
  EXPECT_EQ(c->level_changes[1].from_level, 2);
  EXPECT_EQ(c->level_changes[2].from_level, 4);
  EXPECT_EQ(store::count_escalations(c->level_changes), 1);

  // Back at the table after leaving it: a new seat.
  m.membership_id = officer.membership_id;
  EXPECT_TRUE(tx->add_team_member(m));
  auto facts = tx->case_facts(id);
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->team_membership_ids,
            (std::vector{family_worker.membership_id, officer.membership_id}));

  EXPECT_EQ(tx->cases_of_memberships({family_worker.membership_id}).size(), 1u);
  EXPECT_EQ(tx->cases_of_memberships({coordinator.membership_id}).size(), 1u);  // lead
  EXPECT_TRUE(tx->cases_of_memberships({mentor.membership_id}).empty());
  EXPECT_EQ(tx->cases_of_pupil(pupil).size(), 1u);

  c->review_date = domain::Date{2026, 9, 1};
  c->lead_membership_id = family_worker.membership_id;
  EXPECT_FALSE(tx->update_case(*c, 1));
  EXPECT_TRUE(tx->update_case(*c, 3));
  EXPECT_FALSE(tx->close_case(id, "goals_met", "", kT0 + 9, 3));
  EXPECT_TRUE(tx->close_case(id, "goals_met", "ging goed", kT0 + 9, 4));
  EXPECT_EQ(tx->cases_of_school(school, false).size(), 1u);
  EXPECT_TRUE(tx->cases_of_school(school, true).empty());
  c = tx->case_record(id);
  EXPECT_EQ(c->status, "closed");
  EXPECT_EQ(c->outcome, "goals_met");
  EXPECT_EQ(c->outcome_note, "ging goed");
  EXPECT_EQ(c->closed_at, kT0 + 9);
  EXPECT_EQ(c->lead_membership_id, family_worker.membership_id);
  tx->commit();
}

TEST_P(CaseStore, GoalsAndActionsRefuseStaleVersions) {
  auto tx = store->begin_write();
  auto id = open_case(*tx);
  auto goal_id = tx->insert_goal({"", id, "Elke dag op school", coordinator.user_id, kT0, {}, 1});
  auto goals = tx->goals_of_case(id);
  ASSERT_EQ(goals.size(), 1u);
  goals[0].achieved_at = kT0 + kDay;
  EXPECT_FALSE(tx->update_goal(goals[0], 2));
  EXPECT_TRUE(tx->update_goal(goals[0], 1));
  EXPECT_EQ(tx->goals_of_case(id)[0].achieved_at, kT0 + kDay);
  EXPECT_EQ(tx->goals_of_case(id)[0].version, 2);
  EXPECT_EQ(tx->goals_of_case(id)[0].id, goal_id);

  store::ActionRecord a{"",
                        id,
                        "Huisbezoek",
                        family_worker.membership_id,
                        domain::Date{2026, 6, 5},
                        coordinator.user_id,
                        kT0,
                        {},
                        1};
  tx->insert_action(a);
  auto actions = tx->actions_of_case(id);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].owner_membership_id, family_worker.membership_id);
  EXPECT_EQ(actions[0].due_date, (domain::Date{2026, 6, 5}));
  EXPECT_FALSE(actions[0].done_at);
  actions[0].done_at = kT0 + 2 * kDay;
  EXPECT_TRUE(tx->update_action(actions[0], 1));
  EXPECT_FALSE(tx->update_action(actions[0], 1));
  EXPECT_EQ(tx->actions_of_case(id)[0].done_at, kT0 + 2 * kDay);
  tx->commit();
}

TEST_P(CaseStore, GoalsAndActionsAreFoundById) {
  auto tx = store->begin_write();
  auto id = open_case(*tx);
  auto goal_id = tx->insert_goal({"", id, "Elke dag op school", coordinator.user_id, kT0, {}, 1});
  auto goal = tx->goal(goal_id);
  ASSERT_TRUE(goal);
  EXPECT_EQ(goal->case_id, id);
  EXPECT_EQ(goal->text, "Elke dag op school");
  EXPECT_FALSE(tx->goal("999999"));
  EXPECT_FALSE(tx->goal("not-an-id"));
  auto action_id = tx->insert_action({"",
                                      id,
                                      "Huisbezoek",
                                      family_worker.membership_id,
                                      domain::Date{2026, 6, 5},
                                      coordinator.user_id,
                                      kT0,
                                      {},
                                      1});
  auto action = tx->action(action_id);
  ASSERT_TRUE(action);
  EXPECT_EQ(action->case_id, id);
  EXPECT_EQ(action->owner_membership_id, family_worker.membership_id);
  EXPECT_EQ(action->due_date, (domain::Date{2026, 6, 5}));
  EXPECT_EQ(action->version, 1);
  EXPECT_FALSE(tx->action("999999"));
  tx->commit();
}

// Pupil rule 5 (pupil.case_team) decides on these: the lead and the open seats of the
// pupil's open cases, nothing of closed cases or ended seats.
TEST_P(CaseStore, PupilFactsNameTheTablesOfOpenCases) {
  auto tx = store->begin_write();
  EXPECT_TRUE(tx->pupil_facts(pupil)->case_table_membership_ids.empty());
  auto id = open_case(*tx);
  store::TeamMember m;
  m.case_id = id;
  m.membership_id = officer.membership_id;
  m.reason = "verzuim";
  m.added_by_user_id = coordinator.user_id;
  m.added_at = kT0 + 1;
  ASSERT_TRUE(tx->add_team_member(m));
  m.membership_id = family_worker.membership_id;
  ASSERT_TRUE(tx->add_team_member(m));
  ASSERT_TRUE(tx->remove_team_member(id, officer.membership_id, coordinator.user_id, kT0 + 2));
  auto facts = tx->pupil_facts(pupil);
  ASSERT_TRUE(facts);
  auto ids = facts->case_table_membership_ids;
  std::sort(ids.begin(), ids.end());
  auto expected = std::vector{coordinator.membership_id, family_worker.membership_id};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(ids, expected);
  auto family = domain::decide_pupil_access(family_worker, *facts, domain::PupilAction::read);
  EXPECT_TRUE(family.allowed);
  EXPECT_EQ(family.rule, "pupil.case_team");
  EXPECT_FALSE(domain::decide_pupil_access(officer, *facts, domain::PupilAction::read).allowed);
  ASSERT_TRUE(tx->close_case(id, "goals_met", "", kT0 + 3, 1));
  EXPECT_TRUE(tx->pupil_facts(pupil)->case_table_membership_ids.empty());
  tx->commit();
}

TEST_P(CaseStore, EntriesAreAppendedAndCorrectionsLinked) {
  auto tx = store->begin_write();
  auto id = open_case(*tx);
  auto first =
      tx->append_entry(entry(id, mentor, EntryCategory::attendance, Audience::school, kT0));
  auto e = entry(id, family_worker, EntryCategory::home, Audience::case_team, kT0 + 2);
  e.facts.family_visible = true;
  e.kind = "conversation";
  auto second = tx->append_entry(e);
  auto fix = entry(id, mentor, EntryCategory::attendance, Audience::school, kT0 + 1);
  fix.corrects_entry_id = first;
  fix.kind = "note";
  auto correction = tx->append_entry(fix);
  tx->commit();

  auto r = store->begin_read();
  auto entries = r->entries_of_case(id);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].facts.entry_id, first);
  EXPECT_EQ(entries[1].facts.entry_id, correction);  // time order
  EXPECT_EQ(entries[2].facts.entry_id, second);
  EXPECT_EQ(entries[0].corrected_by, std::vector{correction});
  EXPECT_EQ(entries[1].corrects_entry_id, first);
  const auto& f = entries[2].facts;
  EXPECT_EQ(f.case_id, id);
  EXPECT_EQ(f.pupil_id, pupil);
  EXPECT_EQ(f.author_user_id, family_worker.user_id);
  EXPECT_EQ(f.author_membership_id, family_worker.membership_id);
  EXPECT_EQ(f.author_organisation_id, buurtteam);
  EXPECT_EQ(f.author_role, Role::family_worker);
  EXPECT_EQ(f.audience, Audience::case_team);
  EXPECT_EQ(f.category, EntryCategory::home);
  EXPECT_TRUE(f.family_visible);
  EXPECT_EQ(entries[2].kind, "conversation");
  EXPECT_EQ(entries[2].created_at, kT0 + 2);
  auto one = r->entry(first);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->corrected_by, std::vector{correction});
  EXPECT_FALSE(r->entry("999999"));
}

TEST_P(CaseStore, GrantsAreWithdrawnOnceAndSafetyDecisionsRoundTrip) {
  auto tx = store->begin_write();
  auto id = open_case(*tx);
  store::ConsentGrantRecord g;
  g.grant.pupil_id = pupil;
  g.grant.given_by_guardian_ids = {mother};
  g.grant.given_by_pupil = true;
  g.grant.recipient_organisation_ids = {buurtteam};
  g.grant.recipient_roles = {Role::family_worker, Role::youth_health};
  g.grant.categories = {EntryCategory::home, EntryCategory::wellbeing};
  g.grant.valid_from = kT0;
  g.grant.valid_until = kT0 + 365 * kDay;
  g.text = "Wij geven toestemming ...";
  g.recorded_by_user_id = coordinator.user_id;
  g.recorded_at = kT0;
  auto grant_id = tx->insert_consent_grant(g);
  g.grant.valid_until.reset();
  g.grant.recipient_guardians = true;
  g.grant.given_by_guardian_ids = {};
  tx->insert_consent_grant(g);

  auto grants = tx->consent_grant_records_of_pupil(pupil);
  ASSERT_EQ(grants.size(), 2u);
  const auto& read = grants[0];
  EXPECT_EQ(read.grant.id, grant_id);
  EXPECT_EQ(read.grant.given_by_guardian_ids, std::vector{mother});
  EXPECT_TRUE(read.grant.given_by_pupil);
  EXPECT_EQ(read.grant.recipient_organisation_ids, std::vector{buurtteam});
  EXPECT_EQ(read.grant.recipient_roles, (std::vector{Role::family_worker, Role::youth_health}));
  EXPECT_FALSE(read.grant.recipient_guardians);
  EXPECT_EQ(read.grant.categories, (std::vector{EntryCategory::home, EntryCategory::wellbeing}));
  EXPECT_EQ(read.grant.valid_until, kT0 + 365 * kDay);
  EXPECT_EQ(read.text, "Wij geven toestemming ...");
  EXPECT_FALSE(grants[1].grant.valid_until);
  EXPECT_TRUE(grants[1].grant.given_by_guardian_ids.empty());
  EXPECT_TRUE(grants[1].grant.recipient_guardians);

  store::ConsentWithdrawal w{mother, false, coordinator.user_id, kT0 + kDay};
  EXPECT_TRUE(tx->withdraw_consent_grant(grant_id, w));
  EXPECT_FALSE(tx->withdraw_consent_grant(grant_id, {"", true, "", kT0 + 2 * kDay}));
  auto withdrawn = tx->consent_grant(grant_id);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->grant.withdrawn_at, kT0 + kDay);
  EXPECT_EQ(withdrawn->grant.withdrawn_by_guardian_id, mother);
  EXPECT_FALSE(withdrawn->grant.withdrawn_by_pupil);
  EXPECT_EQ(withdrawn->withdrawn_by_user_id, coordinator.user_id);
  EXPECT_EQ(withdrawn->version, 2);
  EXPECT_EQ(tx->consent_grants_of_pupil(pupil).size(), 2u);

  store::SafetyDecisionRecord d;
  d.decision.case_id = id;
  d.decision.organisation_ids = {buurtteam, municipality};
  d.decision.valid_from = kT0;
  d.decision.valid_until = kT0 + 30 * kDay;
  d.decided_by_user_id = coordinator.user_id;
  d.decided_by_membership_id = coordinator.membership_id;
  d.reason = "zorgen over veiligheid";
  d.steps = "stap 1-5 doorlopen";
  d.recorded_at = kT0;
  auto decision_id = tx->insert_safety_decision(d);
  auto decisions = tx->safety_decision_records_of_case(id);
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(decisions[0].decision.id, decision_id);
  EXPECT_EQ(decisions[0].decision.organisation_ids, (std::vector{buurtteam, municipality}));
  EXPECT_EQ(decisions[0].decision.valid_until, kT0 + 30 * kDay);
  EXPECT_EQ(decisions[0].reason, "zorgen over veiligheid");
  EXPECT_EQ(decisions[0].steps, "stap 1-5 doorlopen");
  EXPECT_EQ(decisions[0].decided_by_membership_id, coordinator.membership_id);
  EXPECT_EQ(tx->safety_decisions_of_case(id).size(), 1u);
  tx->commit();
}

// The acceptance story in small: facts loaded from the store decide as the rules say.
TEST_P(CaseStore, FactsFromTheStoreDecideAsThePolicySays) {
  std::string id, attendance, home;
  {
    auto tx = store->begin_write();
    id = open_case(*tx);
    for (const auto* v : {&officer, &family_worker})
      seat_at_table(*tx, id, v->membership_id, coordinator.user_id, kT0);
    attendance =
        tx->append_entry(entry(id, mentor, EntryCategory::attendance, Audience::case_team, kT0));
    home = tx->append_entry(entry(id, mentor, EntryCategory::home, Audience::case_team, kT0));
    tx->commit();
  }
  auto decide = [&](const domain::Viewer& v, const std::string& entry_id, domain::Millis t) {
    auto r = store->begin_read();
    auto facts = r->case_facts(id);
    auto e = r->entry(entry_id);
    EXPECT_TRUE(facts && e);
    return domain::decide_entry_access(v, e->facts, *facts, r->consent_grants_of_pupil(pupil),
                                       r->safety_decisions_of_case(id), t);
  };
  auto t = kT0 + kDay;
  EXPECT_EQ(decide(officer, attendance, t).legal_basis, "legal_duty");
  EXPECT_FALSE(decide(family_worker, home, t).allowed);
  EXPECT_EQ(decide(family_worker, home, t).reason, "no_legal_basis");

  // The mother alone is not enough for a 13-year-old; with the pupil it is.
  std::string grant_id;
  {
    auto tx = store->begin_write();
    store::ConsentGrantRecord g;
    g.grant.pupil_id = pupil;
    g.grant.given_by_guardian_ids = {mother};
    g.grant.recipient_organisation_ids = {buurtteam};
    g.grant.categories = {EntryCategory::home};
    g.grant.valid_from = kT0;
    g.text = "ok";
    g.recorded_by_user_id = coordinator.user_id;
    g.recorded_at = kT0;
    tx->insert_consent_grant(g);
    g.grant.given_by_pupil = true;
    grant_id = tx->insert_consent_grant(g);
    tx->commit();
  }
  auto d = decide(family_worker, home, t);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.legal_basis, "consent");
  EXPECT_EQ(d.consent_id, grant_id);

  // The mother withdraws: effective at once, not before.
  {
    auto tx = store->begin_write();
    EXPECT_TRUE(tx->withdraw_consent_grant(grant_id, {mother, false, coordinator.user_id, t}));
    tx->commit();
  }
  EXPECT_FALSE(decide(family_worker, home, t).allowed);
  EXPECT_TRUE(decide(family_worker, home, t - 1).allowed);  // before the withdrawal

  // A safety decision opens the case to the neighbourhood team without consent.
  {
    auto tx = store->begin_write();
    store::SafetyDecisionRecord s;
    s.decision = {"", id, {buurtteam}, t, t + 30 * kDay};
    s.decided_by_user_id = coordinator.user_id;
    s.reason = "veiligheid";
    s.steps = "meldcode";
    s.recorded_at = t;
    tx->insert_safety_decision(s);
    tx->commit();
  }
  d = decide(family_worker, home, t + 1);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.legal_basis, "safety");

  // Removed from the table: need to know is gone.
  {
    auto tx = store->begin_write();
    EXPECT_TRUE(tx->remove_team_member(id, family_worker.membership_id, coordinator.user_id, t));
    tx->commit();
  }
  EXPECT_EQ(decide(family_worker, home, t + 1).reason, "not_on_case_team");
  auto r = store->begin_read();
  auto facts = r->case_facts(id);
  EXPECT_EQ(facts->school_id, school);
  EXPECT_EQ(facts->pupil_date_of_birth, (domain::Date{2013, 3, 1}));
  ASSERT_EQ(facts->guardians.size(), 2u);
  EXPECT_EQ(facts->guardians[0].guardian_id, mother);
  EXPECT_TRUE(facts->guardians[0].parental_authority);
  EXPECT_FALSE(facts->guardians[1].parental_authority);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseStore, ::testing::ValuesIn(store_backends()), backend_name);

// The database itself refuses to change or delete an entry (the store has no method for
// it either). Raw SQL, once per backend.
TEST(CaseStoreAppendOnly, SqliteRefusesUpdateAndDeleteOfEntries) {
  TempDir dir;
  auto path = (dir.path / "entries.db").string();
  store::open_store(path, 1, nullptr)->migrate();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const char* seed =
      "PRAGMA foreign_keys = OFF;"
      "INSERT INTO entries(case_id, pupil_id, author_user_id, author_membership_id, "
      "author_organisation_id, author_role, kind, category, audience, family_visible, text, "
      "created_at) VALUES (1,1,1,1,1,'mentor','note','home','school',0,'x',0);";
  ASSERT_EQ(sqlite3_exec(db, seed, nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE entries SET text = 'y'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM entries", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(CaseStoreAppendOnly, PostgresRefusesUpdateAndDeleteOfEntries) {
  const char* uri = std::getenv("SAMEN_TEST_PG");
  ASSERT_TRUE(uri && *uri) << "SAMEN_TEST_PG is not set";
  store::postgres::PgConnection conn(uri);
  // The migrations in a scratch schema of their own, dropped afterwards.
  conn.exec(
      "DROP SCHEMA IF EXISTS entries_append_only CASCADE; CREATE SCHEMA entries_append_only;"
      "SET search_path TO entries_append_only");
  for (const auto& m : store::sql::migrations())
    conn.exec(store::sql::migration_sql(m, store::sql::Dialect::postgres).c_str());
  conn.exec("ALTER TABLE entries DISABLE TRIGGER ALL; ALTER TABLE entries ENABLE TRIGGER USER;");
  auto refused = [&](const char* sql) {
    try {
      conn.exec(sql);
      return false;
    } catch (const store::StoreError&) {
      return true;
    }
  };
  // Foreign keys are system triggers (disabled above), the append-only ones user triggers.
  conn.exec(
      "INSERT INTO entries(case_id, pupil_id, author_user_id, author_membership_id, "
      "author_organisation_id, author_role, kind, category, audience, family_visible, text, "
      "created_at) VALUES (1,1,1,1,1,'mentor','note','home','school',false,'x',0)");
  EXPECT_TRUE(refused("UPDATE entries SET text = 'y'"));
  EXPECT_TRUE(refused("DELETE FROM entries"));
  EXPECT_TRUE(refused("TRUNCATE entries"));
  conn.exec("SET search_path TO DEFAULT; DROP SCHEMA entries_append_only CASCADE");
}

}  // namespace
}  // namespace samen::testing
