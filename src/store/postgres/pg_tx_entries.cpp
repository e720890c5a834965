// The chronology, the facts the policy decides on, consent grants and safety decisions
// (PostgreSQL); the twin of sqlite_tx_entries.cpp.
#include <algorithm>
#include <map>

#include "domain/pupil.hpp"
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
    "withdrawn_by_user_id, version, later_signatures, obtained_via, awaits_confirmation, "
    "confirmed_at, confirmed_by_user_id, confirmed_by_membership_id, recorded_by_membership_id, "
    "family_confirmations FROM consent_grants ";

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
    g.obtained_via =
        domain::parse_consent_source(r.text(i, 19)).value_or(domain::ConsentSource::unknown);
    g.awaits_confirmation = r.boolean(i, 20);
    g.confirmed_at = millis(r, i, 21);
    rec.confirmed_by_user_id = r.id(i, 22);
    rec.confirmed_by_membership_id = r.id(i, 23);
    rec.recorded_by_membership_id = r.id(i, 24);
    g.family_confirmations = split_signatures(r.text(i, 25));
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace

namespace {

// Only well-formed ids: `'{...}'::bigint[]` refuses anything else as a whole.
std::vector<std::string> numeric_ids(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids)
    if (!id.empty() && id.size() <= 18 && id[0] != '0' &&
        id.find_first_not_of("0123456789") == std::string::npos)
      out.push_back(id);
  return out;
}

// The cursor's entry id as a number; 0 (before every entry) when there is none.
std::int64_t after_id_of(const std::string& id) {
  return numeric_ids({id}).empty() ? 0 : std::stoll(id);
}

}  // namespace

std::map<std::string, std::string> PgTx::pupil_names(const std::vector<std::string>& ids) {
  auto r = conn_.query(
      "SELECT id, given_name, name_prefix, family_name FROM pupils WHERE id = ANY($1::bigint[])",
      Params().text_array(numeric_ids(ids)));
  std::map<std::string, std::string> out;
  for (int i = 0; i < r.rows(); ++i) {
    domain::Pupil p;
    p.given_name = r.text(i, 1);
    p.name_prefix = r.text(i, 2);
    p.family_name = r.text(i, 3);
    out.emplace(r.id(i, 0), domain::full_name(p));
  }
  return out;
}

std::optional<domain::CaseFacts> PgTx::case_facts(const std::string& case_id) {
  auto found = case_facts_of({case_id});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<domain::CaseFacts> PgTx::case_facts_of(const std::vector<std::string>& case_ids) {
  if (case_ids.empty()) return {};
  const auto ids = numeric_ids(case_ids);
  std::map<std::string, domain::CaseFacts> by_case;
  std::map<std::string, std::vector<domain::CaseFacts*>> by_pupil;
  auto r = conn_.query(
      "SELECT c.id, c.pupil_id, p.school_id, c.lead_membership_id, p.date_of_birth, p.user_id "
      "FROM cases c JOIN pupils p ON p.id = c.pupil_id WHERE c.id = ANY($1::bigint[])",
      Params().text_array(ids));
  for (int i = 0; i < r.rows(); ++i) {
    domain::CaseFacts& c = by_case[r.id(i, 0)];
    c.case_id = r.id(i, 0);
    c.pupil_id = r.id(i, 1);
    c.school_id = r.id(i, 2);
    c.lead_membership_id = r.id(i, 3);
    c.pupil_date_of_birth = domain::parse_iso_date(r.text(i, 4)).value_or(domain::Date{});
    c.pupil_user_id = r.id(i, 5);
    by_pupil[c.pupil_id].push_back(&c);
  }
  auto t = conn_.query(
      "SELECT case_id, membership_id FROM case_team WHERE case_id = ANY($1::bigint[]) "
      "AND removed_at IS NULL ORDER BY id",
      Params().text_array(ids));
  for (int i = 0; i < t.rows(); ++i) by_case[t.id(i, 0)].team_membership_ids.push_back(t.id(i, 1));
  std::vector<std::string> pupils;
  for (const auto& [pupil, _] : by_pupil) pupils.push_back(pupil);
  auto g = conn_.query(
      "SELECT pupil_id, id, user_id, parental_authority FROM guardians "
      "WHERE pupil_id = ANY($1::bigint[]) AND authority_until IS NULL ORDER BY pupil_id, id",
      Params().text_array(pupils));
  for (int i = 0; i < g.rows(); ++i)
    for (domain::CaseFacts* c : by_pupil[g.id(i, 0)])
      c->guardians.push_back({g.id(i, 1), g.id(i, 2), g.boolean(i, 3)});
  std::vector<domain::CaseFacts> out;
  for (const auto& id : case_ids)
    if (auto it = by_case.find(id); it != by_case.end() && !it->second.case_id.empty())
      out.push_back(it->second);
  return out;
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

namespace {

// domain::EntryFilter::allows() as SQL over $1-$10 (bound by filter_params); every clause
// mirrors one branch there (the reach as entry_reach_code numbers it), and
// tests/store/entry_page_store_test.cpp proves they agree.
constexpr const char* kVisible =
    "case_id = $1 AND pupil_id = $2 AND ("
    " (author_user_id = $3 AND author_membership_id = $4)"
    " OR ($5 = 1 AND family_visible AND category = ANY(string_to_array($6, ',')))"
    " OR ($5 = 2 AND ((audience = 'discipline' AND author_role = $7 AND author_organisation_id = "
    "$8) OR ((audience = 'case_team' OR (audience = 'school' AND $9::boolean)) AND "
    "(author_organisation_id = $8 OR category = ANY(string_to_array($10, ',')))))))";

Params filter_params(const domain::EntryFilter& f) {
  Params p;
  p.id(f.case_id).id(f.pupil_id).id(f.author_user_id).id(f.author_membership_id);
  p.integer(entry_reach_code(f.reach)).text(join_categories(f.family_categories));
  p.text(domain::to_string(f.role)).id(f.organisation_id).boolean(f.school_audience);
  p.text(join_categories(f.crossing_categories));
  return p;
}

}  // namespace

EntryPage PgTx::entries_page(const domain::EntryFilter& filter, const EntryPageQuery& q) {
  static const std::string page_sql =
      std::string(kEntryColumns) + "WHERE " + kVisible +
      " AND ($11 = '' OR category = $11) AND ($12 = '' OR audience = $12)"
      " AND (NOT $13::boolean OR author_user_id = $17)"
      // A row value, so the cursor is a range on entries_case (case_id, created_at, id).
      " AND (created_at, id) > ($14::bigint, $15::bigint)"
      " ORDER BY created_at, id LIMIT $16";
  Params p = filter_params(filter);
  p.text(q.category).text(q.audience);
  // A malformed author id is NULL and matches no one rather than everyone.
  p.boolean(!q.author_user_id.empty());
  const int limit = std::max(q.limit, 1);
  p.integer(q.after_created_at).integer(after_id_of(q.after_id));
  p.integer(limit + 1);  // one more tells whether another page follows
  p.id(q.author_user_id);
  auto r = conn_.query(page_sql.c_str(), p);
  EntryPage page;
  std::map<std::string, std::size_t> index;
  for (int i = 0; i < r.rows(); ++i) {
    if (i == limit) {
      page.more = true;
      break;
    }
    page.entries.push_back(read_entry(r, i));
    index[page.entries.back().facts.entry_id] = page.entries.size() - 1;
  }
  if (page.entries.empty()) return page;
  // The visible corrections of this page's entries, wherever they stand in the chronology.
  static const std::string corrections_sql =
      std::string("SELECT id, corrects_entry_id FROM entries WHERE ") + kVisible +
      " AND corrects_entry_id = ANY($11::bigint[]) ORDER BY id";
  std::vector<std::string> ids;
  for (const auto& e : page.entries) ids.push_back(e.facts.entry_id);
  auto c = conn_.query(corrections_sql.c_str(), filter_params(filter).text_array(ids));
  for (int i = 0; i < c.rows(); ++i)
    if (auto it = index.find(c.id(i, 1)); it != index.end())
      page.entries[it->second].corrected_by.push_back(c.id(i, 0));
  return page;
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
  return consent_grant_records_of_pupils({pupil_id});
}

std::vector<ConsentGrantRecord> PgTx::consent_grant_records_of_pupils(
    const std::vector<std::string>& pupil_ids) {
  static const std::string sql =
      std::string(kGrantColumns) + "WHERE pupil_id = ANY($1::bigint[]) ORDER BY pupil_id, id";
  return read_grants(conn_.query(sql.c_str(), Params().text_array(numeric_ids(pupil_ids))));
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
  p.text(join_signatures(g.later_signatures)).text(std::string(domain::to_string(g.obtained_via)));
  p.boolean(g.awaits_confirmation).id(r.recorded_by_membership_id);
  return conn_
      .query(
          "INSERT INTO consent_grants(pupil_id, given_by_guardian_ids, given_by_pupil, "
          "recipient_organisation_ids, recipient_roles, recipient_guardians, categories, "
          "valid_from, valid_until, text, recorded_by_user_id, recorded_at, later_signatures, "
          "obtained_via, awaits_confirmation, recorded_by_membership_id) "
          "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id",
          p)
      .text(0, 0);
}

bool PgTx::set_grant_parties(const domain::ConsentGrant& g, std::int64_t expected_version) {
  require_write();
  Params p;
  p.text(join_ids(g.given_by_guardian_ids)).boolean(g.given_by_pupil);
  p.text(join_signatures(g.later_signatures)).text(join_signatures(g.family_confirmations));
  if (g.confirmed_at)
    p.integer(*g.confirmed_at);
  else
    p.null();
  p.id(g.id).integer(expected_version);
  return !conn_
              .query(
                  "UPDATE consent_grants SET given_by_guardian_ids = $1, given_by_pupil = $2, "
                  "later_signatures = $3, family_confirmations = $4, confirmed_at = $5, "
                  "version = version + 1 "
                  "WHERE id = $6 AND version = $7 AND withdrawn_at IS NULL RETURNING id",
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
