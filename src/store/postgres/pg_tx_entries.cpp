// The chronology, the facts the policy decides on, consent grants and safety decisions
// (PostgreSQL); the twin of sqlite_tx_entries.cpp.
#include <map>

#include "store/case_codes.hpp"
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {
namespace {

std::optional<domain::Millis> millis(const PgResult& r, int row, int col) {
  if (r.is_null(row, col)) return std::nullopt;
  return r.integer(row, col);
}

constexpr const char* kEntryColumns =
    "SELECT id, case_id, pupil_id, author_user_id, author_membership_id, "
    "author_organisation_id, author_role, audience, category, family_visible, kind, text, "
    "corrects_entry_id, created_at FROM entries ";

EntryRecord read_entry(const PgResult& r, int i) {
  EntryRecord e;
  auto& f = e.facts;
  f.entry_id = r.id(i, 0);
  f.case_id = r.id(i, 1);
  f.pupil_id = r.id(i, 2);
  f.author_user_id = r.id(i, 3);
  f.author_membership_id = r.id(i, 4);
  f.author_organisation_id = r.id(i, 5);
  f.author_role = domain::parse_role(r.text(i, 6)).value_or(domain::Role::teacher);
  f.audience = domain::parse_audience(r.text(i, 7)).value_or(domain::Audience::private_);
  f.category =
      domain::parse_entry_category(r.text(i, 8)).value_or(domain::EntryCategory::wellbeing);
  f.family_visible = r.boolean(i, 9);
  e.kind = r.text(i, 10);
  e.text = r.text(i, 11);
  e.corrects_entry_id = r.id(i, 12);
  e.created_at = r.integer(i, 13);
  return e;
}

constexpr const char* kGrantColumns =
    "SELECT id, pupil_id, given_by_guardian_ids, given_by_pupil, recipient_organisation_ids, "
    "recipient_roles, recipient_guardians, categories, valid_from, valid_until, withdrawn_at, "
    "withdrawn_by_guardian_id, withdrawn_by_pupil, text, recorded_by_user_id, recorded_at, "
    "withdrawn_by_user_id, version, later_signatures FROM consent_grants ";

std::vector<ConsentGrantRecord> read_grants(const PgResult& r) {
  std::vector<ConsentGrantRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    ConsentGrantRecord rec;
    auto& g = rec.grant;
    g.id = r.id(i, 0);
    g.pupil_id = r.id(i, 1);
    g.given_by_guardian_ids = split_ids(r.text(i, 2));
    g.given_by_pupil = r.boolean(i, 3);
    g.recipient_organisation_ids = split_ids(r.text(i, 4));
    g.recipient_roles = split_roles(r.text(i, 5));
    g.recipient_guardians = r.boolean(i, 6);
    g.categories = split_categories(r.text(i, 7));
    g.valid_from = r.integer(i, 8);
    g.valid_until = millis(r, i, 9);
    g.withdrawn_at = millis(r, i, 10);
    g.withdrawn_by_guardian_id = r.id(i, 11);
    g.withdrawn_by_pupil = r.boolean(i, 12);
    rec.text = r.text(i, 13);
    rec.recorded_by_user_id = r.id(i, 14);
    rec.recorded_at = r.integer(i, 15);
    rec.withdrawn_by_user_id = r.id(i, 16);
    rec.version = r.integer(i, 17);
    g.later_signatures = split_signatures(r.text(i, 18));
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace

std::optional<domain::CaseFacts> PgTx::case_facts(const std::string& case_id) {
  auto r = conn_.query(
      "SELECT c.id, c.pupil_id, p.school_id, c.lead_membership_id, p.date_of_birth, p.user_id "
      "FROM cases c JOIN pupils p ON p.id = c.pupil_id WHERE c.id = $1",
      Params().id(case_id));
  if (r.empty()) return std::nullopt;
  domain::CaseFacts c;
  c.case_id = r.id(0, 0);
  c.pupil_id = r.id(0, 1);
  c.school_id = r.id(0, 2);
  c.lead_membership_id = r.id(0, 3);
  c.pupil_date_of_birth = domain::parse_iso_date(r.text(0, 4)).value_or(domain::Date{});
  c.pupil_user_id = r.id(0, 5);
  auto t = conn_.query(
      "SELECT membership_id FROM case_team WHERE case_id = $1 AND removed_at IS NULL ORDER BY id",
      Params().id(c.case_id));
  for (int i = 0; i < t.rows(); ++i) c.team_membership_ids.push_back(t.id(i, 0));
  auto g = conn_.query(
      "SELECT id, user_id, parental_authority FROM guardians WHERE pupil_id = $1 "
      "ORDER BY position",
      Params().id(c.pupil_id));
  for (int i = 0; i < g.rows(); ++i)
    c.guardians.push_back({g.id(i, 0), g.id(i, 1), g.boolean(i, 2)});
  return c;
}

std::vector<EntryRecord> PgTx::entries_of_case(const std::string& case_id) {
  static const std::string sql =
      std::string(kEntryColumns) + "WHERE case_id = $1 ORDER BY created_at, id";
  auto r = conn_.query(sql.c_str(), Params().id(case_id));
  std::vector<EntryRecord> out;
  std::map<std::string, std::size_t> index;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back(read_entry(r, i));
    index[out.back().facts.entry_id] = out.size() - 1;
  }
  for (const auto& e : out)
    if (auto it = index.find(e.corrects_entry_id); it != index.end())
      out[it->second].corrected_by.push_back(e.facts.entry_id);
  return out;
}

std::optional<EntryRecord> PgTx::entry(const std::string& id) {
  static const std::string sql = std::string(kEntryColumns) + "WHERE id = $1";
  auto r = conn_.query(sql.c_str(), Params().id(id));
  if (r.empty()) return std::nullopt;
  EntryRecord e = read_entry(r, 0);
  auto c = conn_.query("SELECT id FROM entries WHERE corrects_entry_id = $1 ORDER BY id",
                       Params().id(id));
  for (int i = 0; i < c.rows(); ++i) e.corrected_by.push_back(c.id(i, 0));
  return e;
}

std::string PgTx::append_entry(const EntryRecord& e) {
  require_write();
  const auto& f = e.facts;
  Params p;
  p.id(f.case_id).id(f.pupil_id).id(f.author_user_id).id(f.author_membership_id);
  p.id(f.author_organisation_id).text(domain::to_string(f.author_role)).text(e.kind);
  p.text(domain::to_string(f.category)).text(domain::to_string(f.audience));
  p.boolean(f.family_visible).text(e.text).id(e.corrects_entry_id).integer(e.created_at);
  return conn_
      .query(
          "INSERT INTO entries(case_id, pupil_id, author_user_id, author_membership_id, "
          "author_organisation_id, author_role, kind, category, audience, family_visible, text, "
          "corrects_entry_id, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) "
          "RETURNING id",
          p)
      .text(0, 0);
}

std::vector<ConsentGrantRecord> PgTx::consent_grant_records_of_pupil(const std::string& pupil_id) {
  static const std::string sql = std::string(kGrantColumns) + "WHERE pupil_id = $1 ORDER BY id";
  return read_grants(conn_.query(sql.c_str(), Params().id(pupil_id)));
}

std::optional<ConsentGrantRecord> PgTx::consent_grant(const std::string& id) {
  static const std::string sql = std::string(kGrantColumns) + "WHERE id = $1";
  auto rows = read_grants(conn_.query(sql.c_str(), Params().id(id)));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::string PgTx::insert_consent_grant(const ConsentGrantRecord& r) {
  require_write();
  const auto& g = r.grant;
  Params p;
  p.id(g.pupil_id).text(join_ids(g.given_by_guardian_ids)).boolean(g.given_by_pupil);
  p.text(join_ids(g.recipient_organisation_ids)).text(join_roles(g.recipient_roles));
  p.boolean(g.recipient_guardians).text(join_categories(g.categories)).integer(g.valid_from);
  if (g.valid_until)
    p.integer(*g.valid_until);
  else
    p.null();
  p.text(r.text).id(r.recorded_by_user_id).integer(r.recorded_at);
  p.text(join_signatures(g.later_signatures));
  return conn_
      .query(
          "INSERT INTO consent_grants(pupil_id, given_by_guardian_ids, given_by_pupil, "
          "recipient_organisation_ids, recipient_roles, recipient_guardians, categories, "
          "valid_from, valid_until, text, recorded_by_user_id, recorded_at, later_signatures) "
          "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id",
          p)
      .text(0, 0);
}

bool PgTx::set_grant_parties(const domain::ConsentGrant& g, std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(join_ids(g.given_by_guardian_ids)).boolean(g.given_by_pupil);
  p.text(join_signatures(g.later_signatures)).id(g.id).integer(expected_version);
  return !conn_
              .query(
                  "UPDATE consent_grants SET given_by_guardian_ids = $1, given_by_pupil = $2, "
                  "later_signatures = $3, version = version + 1 "
                  "WHERE id = $4 AND version = $5 AND withdrawn_at IS NULL RETURNING id",
                  p)
              .empty();
}

bool PgTx::withdraw_consent_grant(const std::string& grant_id, const ConsentWithdrawal& w) {
  require_write();
  return !conn_
              .query(
                  "UPDATE consent_grants SET withdrawn_at = $1, withdrawn_by_guardian_id = $2, "
                  "withdrawn_by_pupil = $3, withdrawn_by_user_id = $4, version = version + 1 "
                  "WHERE id = $5 AND withdrawn_at IS NULL RETURNING id",
                  Params()
                      .integer(w.at)
                      .id(w.by_guardian_id)
                      .boolean(w.by_pupil)
                      .id(w.by_user_id)
                      .id(grant_id))
              .empty();
}

std::vector<SafetyDecisionRecord> PgTx::safety_decision_records_of_case(
    const std::string& case_id) {
  auto r = conn_.query(
      "SELECT id, case_id, organisation_ids, valid_from, valid_until, decided_by_user_id, "
      "decided_by_membership_id, reason, steps, recorded_at FROM safety_decisions "
      "WHERE case_id = $1 ORDER BY id",
      Params().id(case_id));
  std::vector<SafetyDecisionRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    SafetyDecisionRecord d;
    d.decision = {r.id(i, 0), r.id(i, 1), split_ids(r.text(i, 2)), r.integer(i, 3),
                  r.integer(i, 4)};
    d.decided_by_user_id = r.id(i, 5);
    d.decided_by_membership_id = r.id(i, 6);
    d.reason = r.text(i, 7);
    d.steps = r.text(i, 8);
    d.recorded_at = r.integer(i, 9);
    out.push_back(std::move(d));
  }
  return out;
}

std::string PgTx::insert_safety_decision(const SafetyDecisionRecord& r) {
  require_write();
  const auto& d = r.decision;
  Params p;
  p.id(d.case_id).id(r.decided_by_user_id).id(r.decided_by_membership_id).text(r.reason);
  p.text(r.steps).text(join_ids(d.organisation_ids)).integer(d.valid_from).integer(d.valid_until);
  p.integer(r.recorded_at);
  return conn_
      .query(
          "INSERT INTO safety_decisions(case_id, decided_by_user_id, decided_by_membership_id, "
          "reason, steps, organisation_ids, valid_from, valid_until, recorded_at) "
          "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
          p)
      .text(0, 0);
}

}  // namespace samen::store::postgres
