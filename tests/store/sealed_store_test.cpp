// Encryption at rest in the store (store/sql/sealing.hpp), on both backends: what the
// record kinds declare sealed is stored sealed and read back plain, a BSN is found by its
// blind index, a changed ciphertext is an error and never data, and a rotation that is
// stopped and resumed leaves every value on the new key.
#include <gtest/gtest.h>

#include "security/sealed_field.hpp"
#include "store/backends.hpp"
#include "store/sql/sealed_values.hpp"

namespace samen::testing {
namespace {

using domain::Audience;
using domain::EntryCategory;

constexpr domain::Millis kT0 = 1'780'000'000'000;
constexpr const char* kBsn = "111222333";

security::SensitiveColumn column(std::string_view table, std::string_view name) {
  for (const auto& c : security::sensitive_columns())
    if (c.table == table && c.column == name) return c;
  throw std::logic_error("not a sealed column");
}

class SealedStore : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store = GetParam().open();
    auto tx = store->begin_write();
    base = insert_school_with_pupil(*tx);
    auto p = tx->pupil(base.pupil)->pupil;
    p.bsn = kBsn;
    ASSERT_TRUE(tx->update_pupil(p, p.version, kT0));
    auto user = tx->insert_user({"", "m@x", "M", "hash", true, 1});
    auto membership =
        tx->insert_membership({"", user, base.school, domain::Role::mentor, true, "", ""});
    mentor = {user, membership, base.school, base.region, domain::Role::mentor};
    store::CaseRecord c;
    c.pupil_id = base.pupil;
    c.school_id = base.school;
    c.lead_membership_id = membership;
    c.categories = {EntryCategory::home};
    c.level = 2;
    c.opened_by_user_id = user;
    c.opened_at = kT0;
    case_id = tx->insert_case(c, "zorgen over de thuissituatie");
    for (int i = 0; i < 5; ++i) {
      auto e =
          an_entry(case_id, base.pupil, mentor, EntryCategory::home, Audience::case_team, kT0 + i);
      e.text = "Moeder vertelde over de scheiding " + std::to_string(i);
      entries.push_back(tx->append_entry(e));
    }
    tx->commit();
  }

  // What the database holds in a sealed column, as stored (no key has the id "-").
  std::vector<security::StoredValue> stored(std::string_view table, std::string_view name) {
    return store->begin_read()->values_to_reseal(column(table, name), "-", 0, 1000);
  }

  std::shared_ptr<store::Store> store;
  SchoolWithPupil base;
  domain::Viewer mentor;
  std::string case_id;
  std::vector<std::string> entries;
};

TEST_P(SealedStore, DeclaredColumnsAreStoredSealedAndReadPlain) {
  auto bsn = stored("pupils", "bsn");
  ASSERT_EQ(bsn.size(), 1u);
  EXPECT_TRUE(security::is_sealed(bsn[0].value));
  EXPECT_EQ(bsn[0].value.find(kBsn), std::string::npos);
  auto texts = stored("entries", "text");
  ASSERT_EQ(texts.size(), 5u);
  for (const auto& t : texts) {
    EXPECT_TRUE(security::is_sealed(t.value));
    EXPECT_EQ(t.value.find("scheiding"), std::string::npos);
  }
  auto reasons = stored("case_level_changes", "reason");
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_TRUE(security::is_sealed(reasons[0].value));

  auto tx = store->begin_read();
  EXPECT_EQ(tx->pupil(base.pupil)->pupil.bsn, kBsn);
  EXPECT_EQ(tx->entry(entries[2])->text, "Moeder vertelde over de scheiding 2");
  EXPECT_EQ(tx->case_record(case_id)->level_changes.at(0).reason, "zorgen over de thuissituatie");
  EXPECT_EQ(tx->pupils_by_number(base.school, {"1"}).at(0).bsn, kBsn);
}

// Every method that reads a sealed column opens it: a path that forgot would hand out
// "enc1:…" as the text.
TEST_P(SealedStore, EveryReadOfASealedColumnOpensIt) {
  const std::string text = "Vaak afwezig op maandag, moeder is ziek";
  auto plain = [&](const std::string& value) {
    EXPECT_FALSE(security::is_sealed(value)) << value;
    return value;
  };
  std::string signal, goal, action, request, put_forward;
  {
    auto tx = store->begin_write();
    store::SignalRecord s;
    s.pupil_id = base.pupil;
    s.school_id = base.school;
    s.author_user_id = mentor.user_id;
    s.author_membership_id = mentor.membership_id;
    s.author_organisation_id = base.school;
    s.author_role = domain::Role::mentor;
    s.categories = {EntryCategory::attendance};
    s.urgency = "soon";
    s.text = text;
    s.created_at = kT0;
    signal = tx->insert_signal(s);
    EXPECT_EQ(plain(tx->open_signals(base.school).at(0).text), text);
    ASSERT_TRUE(tx->triage_signal(
        signal, {"advice", mentor.user_id, mentor.membership_id, kT0, "Bel de ouders", ""}, 1));
    goal = tx->insert_goal({"", case_id, "Weer elke dag naar school", mentor.user_id, kT0, {}, 1});
    action = tx->insert_action(
        {"", case_id, "Gesprek met moeder", mentor.membership_id, {}, mentor.user_id, kT0, {}, 1});
    store::ConsentRequestRecord r;
    r.request.pupil_id = base.pupil;
    r.request.categories = {EntryCategory::home};
    r.request.valid_from = kT0;
    r.request.sent_by_user_id = mentor.user_id;
    r.request.sent_by_membership_id = mentor.membership_id;
    r.request.sent_at = kT0;
    r.text = "Mag de gezinswerker meekijken?";
    request = tx->insert_consent_request(r);
    store::PutForwardRecord put{"",
                                case_id,
                                base.school,
                                mentor.membership_id,
                                mentor.user_id,
                                "Moeten we leerplicht erbij vragen?",
                                kT0,
                                {},
                                "",
                                "",
                                ""};
    put_forward = tx->insert_put_forward(put);
    ASSERT_TRUE(tx->close_case(case_id, "goals_met", "Het gaat weer goed", kT0 + 9, 1));
    tx->commit();
  }
  auto tx = store->begin_read();
  EXPECT_EQ(plain(tx->signal(signal)->text), text);
  EXPECT_EQ(plain(tx->signal(signal)->advice), "Bel de ouders");
  EXPECT_EQ(plain(tx->signals_of_pupil(base.pupil).at(0).text), text);
  EXPECT_EQ(plain(tx->signals_of_pupil(base.pupil).at(0).advice), "Bel de ouders");
  EXPECT_EQ(plain(tx->goal(goal)->text), "Weer elke dag naar school");
  EXPECT_EQ(plain(tx->goals_of_case(case_id).at(0).text), "Weer elke dag naar school");
  EXPECT_EQ(plain(tx->action(action)->text), "Gesprek met moeder");
  EXPECT_EQ(plain(tx->actions_of_case(case_id).at(0).text), "Gesprek met moeder");
  EXPECT_EQ(plain(tx->consent_request(request)->text), "Mag de gezinswerker meekijken?");
  EXPECT_EQ(plain(tx->consent_requests_of_pupil(base.pupil).at(0).text),
            "Mag de gezinswerker meekijken?");
  EXPECT_EQ(plain(tx->case_record(case_id)->outcome_note), "Het gaat weer goed");
  EXPECT_EQ(plain(tx->cases_of_pupil(base.pupil).at(0).outcome_note), "Het gaat weer goed");
  EXPECT_EQ(plain(tx->cases_of_school(base.school, false).at(0).outcome_note),
            "Het gaat weer goed");
  EXPECT_EQ(plain(tx->entries_of_case(case_id).at(0).text), "Moeder vertelde over de scheiding 0");
  EXPECT_EQ(plain(tx->put_forwards_of_case(case_id).at(0).question),
            "Moeten we leerplicht erbij vragen?");
  EXPECT_EQ(plain(tx->open_put_forwards_of_school(base.school).at(0).question),
            "Moeten we leerplicht erbij vragen?");
  for (const auto& [table, column] : {std::pair{"signals", "text"},
                                      {"signals", "advice"},
                                      {"case_goals", "text"},
                                      {"case_actions", "text"},
                                      {"consent_requests", "text"},
                                      {"case_put_forwards", "question"},
                                      {"cases", "outcome_note"}})
    for (const auto& v : stored(table, column))
      EXPECT_TRUE(security::is_sealed(v.value)) << table << "." << column;
}

TEST_P(SealedStore, APupilIsFoundByBsnThroughTheBlindIndex) {
  {
    auto tx = store->begin_read();
    EXPECT_EQ(tx->pupil_ids_by_bsn(base.school, kBsn), std::vector<std::string>{base.pupil});
    EXPECT_EQ(tx->pupil_ids_by_bsn(base.school, "111.222.333"),
              std::vector<std::string>{base.pupil});
    EXPECT_TRUE(tx->pupil_ids_by_bsn(base.school, "123456782").empty());
    EXPECT_TRUE(tx->pupil_ids_by_bsn(base.school, "not a bsn").empty());
    EXPECT_TRUE(tx->pupil_ids_by_bsn("999", kBsn).empty());  // another school
  }
  auto tx = store->begin_write();
  auto p = tx->pupil(base.pupil)->pupil;
  p.bsn = "123456782";
  ASSERT_TRUE(tx->update_pupil(p, p.version, kT0 + 1));
  EXPECT_TRUE(tx->pupil_ids_by_bsn(base.school, kBsn).empty());
  EXPECT_EQ(tx->pupil_ids_by_bsn(base.school, "123456782"), std::vector<std::string>{base.pupil});
}

TEST_P(SealedStore, AChangedCiphertextIsAStoreErrorNeverData) {
  // A ciphertext moved onto another record (a real one, sealed by this store) does not
  // open there: the record id is part of what it is bound to.
  auto texts = stored("entries", "text");
  {
    auto tx = store->begin_write();
    ASSERT_EQ(tx->write_resealed(column("entries", "text"),
                                 {{texts[1].record_id, texts[1].value, texts[0].value, {}}}),
              1u);
    tx->commit();
  }
  try {
    store->begin_read()->entry(entries[1]);
    FAIL() << "a moved ciphertext was opened";
  } catch (const store::StoreError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("sealed_not_genuine"), std::string::npos) << what;
    EXPECT_NE(what.find("entries.text of record " + entries[1]), std::string::npos) << what;
    EXPECT_EQ(what.find("scheiding"), std::string::npos) << what;
  }
  // One changed character of a sealed BSN.
  auto bsn = stored("pupils", "bsn").at(0);
  auto changed = bsn.value;
  changed.back() = changed.back() == 'A' ? 'B' : 'A';
  {
    auto tx = store->begin_write();
    tx->write_resealed(column("pupils", "bsn"), {{bsn.record_id, bsn.value, changed, {}}});
    tx->commit();
  }
  EXPECT_THROW(store->begin_read()->pupil(base.pupil), store::StoreError);
}

TEST_P(SealedStore, ARotationStoppedAndResumedLeavesEveryValueOnTheNewKey) {
  auto rotated = *test_field_keys();
  const auto old_key = rotated.current().id;
  const auto new_key = rotated.keys().at(1).id;
  ASSERT_TRUE(rotated.use_key(new_key));
  store::sql::StoreSealedValues source(*store);
  EXPECT_GT(store::sql::values_sealed_with(*store, old_key), 5);

  security::RotationOptions options;
  options.batch_size = 2;
  int batches = 0;
  options.on_batch = [&](const security::RotationProgress&) { ++batches; };
  options.stop_requested = [&] { return batches == 2; };
  auto first = security::rotate_field_keys(rotated, source, options);
  EXPECT_FALSE(first.complete);
  EXPECT_GT(store::sql::values_sealed_with(*store, old_key), 0);
  EXPECT_GT(store::sql::values_sealed_with(*store, new_key), 0);

  options.stop_requested = nullptr;
  auto rest = security::rotate_field_keys(rotated, source, options);
  EXPECT_TRUE(rest.complete);
  EXPECT_EQ(store::sql::values_sealed_with(*store, old_key), 0);
  // The entries' append-only trigger let the rotation re-seal their texts, and only that.
  for (const auto& t : stored("entries", "text"))
    EXPECT_EQ(security::sealed_key_id(t.value), new_key);
  auto tx = store->begin_read();
  EXPECT_EQ(tx->pupil(base.pupil)->pupil.bsn, kBsn);
  EXPECT_EQ(tx->pupil_ids_by_bsn(base.school, kBsn), std::vector<std::string>{base.pupil});
  EXPECT_EQ(tx->entry(entries[4])->text, "Moeder vertelde over de scheiding 4");
  // Nothing left: a third run finds nothing to do.
  EXPECT_EQ(security::rotate_field_keys(rotated, source, options).resealed, 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, SealedStore, ::testing::ValuesIn(store_backends()),
                         backend_name);

// A store opened without keys writes plain text and refuses what is sealed, instead of
// handing out ciphertext as if it were the text.
TEST(SealedStoreWithoutKeys, RefusesSealedValuesWithAClearError) {
  TempDir dir;
  auto path = (dir.path / "sealed.db").string();
  std::string pupil, school;
  {
    auto keyed = store::open_store(path, 1, test_field_keys());
    keyed->migrate();
    auto tx = keyed->begin_write();
    auto base = insert_school_with_pupil(*tx);
    auto p = tx->pupil(base.pupil)->pupil;
    p.bsn = kBsn;
    tx->update_pupil(p, p.version, kT0);
    tx->commit();
    pupil = base.pupil;
    school = base.school;
  }
  auto plain = store::open_store(path, 1, nullptr);
  try {
    plain->begin_read()->pupil(pupil);
    FAIL() << "a sealed value was read without keys";
  } catch (const store::StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("without field keys"), std::string::npos) << e.what();
  }
  auto tx = plain->begin_write();
  auto other = insert_pupil(*tx, school, "2");
  tx->commit();
  EXPECT_EQ(plain->begin_read()->pupil(other)->pupil.bsn, "");
}

}  // namespace
}  // namespace samen::testing
