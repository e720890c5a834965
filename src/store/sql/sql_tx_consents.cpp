// Consent grants and safety decisions: the bases on which information is shared.
#include "store/case_codes.hpp"
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

#define SAMEN_GRANT_SELECT                                                                      \
  "SELECT id, pupil_id, given_by_guardian_ids, given_by_pupil, recipient_organisation_ids, "    \
  "recipient_roles, recipient_guardians, categories, valid_from, valid_until, withdrawn_at, "   \
  "withdrawn_by_guardian_id, withdrawn_by_pupil, text, recorded_by_user_id, recorded_at, "      \
  "withdrawn_by_user_id, version, later_signatures, obtained_via, awaits_confirmation, "        \
  "confirmed_at, confirmed_by_user_id, confirmed_by_membership_id, recorded_by_membership_id, " \
  "family_confirmations FROM consent_grants "

// The texts still sealed: SqlTx::grants opens them.
std::vector<ConsentGrantRecord> read_grants(std::unique_ptr<Rows> rows) {
  std::vector<ConsentGrantRecord> out;
  while (rows->next()) {
    const Rows& r = *rows;
    ConsentGrantRecord rec;
    auto& g = rec.grant;
    g.id = r.id(0);
    g.pupil_id = r.id(1);
    g.given_by_guardian_ids = split_ids(r.text(2));
    g.given_by_pupil = r.boolean(3);
    g.recipient_organisation_ids = split_ids(r.text(4));
    g.recipient_roles = split_roles(r.text(5));
    g.recipient_guardians = r.boolean(6);
    g.categories = split_categories(r.text(7));
    g.valid_from = r.integer(8);
    g.valid_until = millis(r, 9);
    g.withdrawn_at = millis(r, 10);
    g.withdrawn_by_guardian_id = r.id(11);
    g.withdrawn_by_pupil = r.boolean(12);
    rec.text = r.text(13);
    rec.recorded_by_user_id = r.id(14);
    rec.recorded_at = r.integer(15);
    rec.withdrawn_by_user_id = r.id(16);
    rec.version = r.integer(17);
    g.later_signatures = split_signatures(r.text(18));
    g.obtained_via =
        domain::parse_consent_source(r.text(19)).value_or(domain::ConsentSource::unknown);
    g.awaits_confirmation = r.boolean(20);
    g.confirmed_at = millis(r, 21);
    rec.confirmed_by_user_id = r.id(22);
    rec.confirmed_by_membership_id = r.id(23);
    rec.recorded_by_membership_id = r.id(24);
    g.family_confirmations = split_signatures(r.text(25));
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace

std::vector<ConsentGrantRecord> SqlTx::grants(std::unique_ptr<Rows> rows) const {
  auto out = read_grants(std::move(rows));
  for (auto& g : out) g.text = open("consent_grants", "text", g.grant.id, std::move(g.text));
  return out;
}

std::vector<ConsentGrantRecord> SqlTx::consent_grant_records_of_pupil(const std::string& pupil_id) {
  return grants(
      db().query(SAMEN_GRANT_SELECT "WHERE pupil_id = ? ORDER BY id", Params().id(pupil_id)));
}

std::vector<ConsentGrantRecord> SqlTx::consent_grant_records_of_pupils(
    const std::vector<std::string>& pupil_ids) {
  return grants(db().query(SAMEN_GRANT_SELECT "WHERE pupil_id {in_ids ?} ORDER BY pupil_id, id",
                           Params().ids(pupil_ids)));
}

std::optional<ConsentGrantRecord> SqlTx::consent_grant(const std::string& id) {
  auto rows = grants(db().query(SAMEN_GRANT_SELECT "WHERE id = ?", Params().id(id)));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::string SqlTx::insert_consent_grant(const ConsentGrantRecord& r) {
  require_write();
  const auto& g = r.grant;
  auto id = reserve_id("consent_grants");
  Params p;
  p.id(id).id(g.pupil_id).text(join_ids(g.given_by_guardian_ids)).boolean(g.given_by_pupil);
  p.text(join_ids(g.recipient_organisation_ids)).text(join_roles(g.recipient_roles));
  p.boolean(g.recipient_guardians).text(join_categories(g.categories)).integer(g.valid_from);
  millis(p, g.valid_until);
  p.text(seal("consent_grants", "text", id, r.text));
  p.id(r.recorded_by_user_id).integer(r.recorded_at);
  p.text(join_signatures(g.later_signatures)).text(std::string(domain::to_string(g.obtained_via)));
  p.boolean(g.awaits_confirmation).id(r.recorded_by_membership_id);
  db().run(
      "INSERT INTO consent_grants(id, pupil_id, given_by_guardian_ids, given_by_pupil, "
      "recipient_organisation_ids, recipient_roles, recipient_guardians, categories, "
      "valid_from, valid_until, text, recorded_by_user_id, recorded_at, later_signatures, "
      "obtained_via, awaits_confirmation, recorded_by_membership_id) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      p);
  return id;
}

bool SqlTx::set_grant_parties(const domain::ConsentGrant& g, std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(join_ids(g.given_by_guardian_ids)).boolean(g.given_by_pupil);
  p.text(join_signatures(g.later_signatures)).text(join_signatures(g.family_confirmations));
  millis(p, g.confirmed_at);
  p.id(g.id).integer(expected_version);
  return db().run(
             "UPDATE consent_grants SET given_by_guardian_ids = ?, given_by_pupil = ?, "
             "later_signatures = ?, family_confirmations = ?, confirmed_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ? AND withdrawn_at IS NULL",
             p) == 1;
}

bool SqlTx::withdraw_consent_grant(const std::string& grant_id, const ConsentWithdrawal& w) {
  require_write();
  return db().run(
             "UPDATE consent_grants SET withdrawn_at = ?, withdrawn_by_guardian_id = ?, "
             "withdrawn_by_pupil = ?, withdrawn_by_user_id = ?, version = version + 1 "
             "WHERE id = ? AND withdrawn_at IS NULL",
             Params()
                 .integer(w.at)
                 .id(w.by_guardian_id)
                 .boolean(w.by_pupil)
                 .id(w.by_user_id)
                 .id(grant_id)) == 1;
}

std::vector<SafetyDecisionRecord> SqlTx::safety_decision_records_of_case(
    const std::string& case_id) {
  auto r = db().query(
      "SELECT id, case_id, organisation_ids, valid_from, valid_until, decided_by_user_id, "
      "decided_by_membership_id, reason, steps, recorded_at FROM safety_decisions "
      "WHERE case_id = ? ORDER BY id",
      Params().id(case_id));
  std::vector<SafetyDecisionRecord> out;
  while (r->next()) {
    SafetyDecisionRecord d;
    d.decision = {r->id(0), r->id(1), split_ids(r->text(2)), r->integer(3), r->integer(4)};
    d.decided_by_user_id = r->id(5);
    d.decided_by_membership_id = r->id(6);
    d.reason = open("safety_decisions", "reason", d.decision.id, r->text(7));
    d.steps = open("safety_decisions", "steps", d.decision.id, r->text(8));
    d.recorded_at = r->integer(9);
    out.push_back(std::move(d));
  }
  return out;
}

std::string SqlTx::insert_safety_decision(const SafetyDecisionRecord& r) {
  require_write();
  const auto& d = r.decision;
  auto id = reserve_id("safety_decisions");
  Params p;
  p.id(id).id(d.case_id).id(r.decided_by_user_id).id(r.decided_by_membership_id);
  p.text(seal("safety_decisions", "reason", id, r.reason));
  p.text(seal("safety_decisions", "steps", id, r.steps));
  p.text(join_ids(d.organisation_ids)).integer(d.valid_from).integer(d.valid_until);
  p.integer(r.recorded_at);
  db().run(
      "INSERT INTO safety_decisions(id, case_id, decided_by_user_id, decided_by_membership_id, "
      "reason, steps, organisation_ids, valid_from, valid_until, recorded_at) "
      "VALUES (?,?,?,?,?,?,?,?,?,?)",
      p);
  return id;
}

}  // namespace samen::store::sql
