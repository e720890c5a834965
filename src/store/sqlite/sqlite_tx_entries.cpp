// The chronology, the facts the policy decides on, consent grants and safety decisions
// (SQLite).
#include <algorithm>
#include <map>

#include "domain/pupil.hpp"
#include "store/case_codes.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {
namespace {

void bind_id(Statement& s, int index, const std::string& id) {
  if (auto key = parse_id(id))
    s.bind(index, *key);
  else
    s.bind_null(index);
}

std::optional<domain::Millis> millis(const Statement& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return s.integer(col);
}

constexpr const char* kEntryColumns =
    "SELECT id, case_id, pupil_id, author_user_id, author_membership_id, "
    "author_organisation_id, author_role, audience, category, family_visible, kind, text, "
    "corrects_entry_id, created_at FROM entries ";

EntryRecord read_entry(const Statement& s) {
  EntryRecord e;
  auto& f = e.facts;
  f.entry_id = s.id(0);
  f.case_id = s.id(1);
  f.pupil_id = s.id(2);
  f.author_user_id = s.id(3);
  f.author_membership_id = s.id(4);
  f.author_organisation_id = s.id(5);
  f.author_role = domain::parse_role(s.text(6)).value_or(domain::Role::teacher);
  f.audience = domain::parse_audience(s.text(7)).value_or(domain::Audience::private_);
  f.category = domain::parse_entry_category(s.text(8)).value_or(domain::EntryCategory::wellbeing);
  f.family_visible = s.integer(9) != 0;
  e.kind = s.text(10);
  e.text = s.text(11);
  e.corrects_entry_id = s.id(12);
  e.created_at = s.integer(13);
  return e;
}

constexpr const char* kGrantColumns =
    "SELECT id, pupil_id, given_by_guardian_ids, given_by_pupil, recipient_organisation_ids, "
    "recipient_roles, recipient_guardians, categories, valid_from, valid_until, withdrawn_at, "
    "withdrawn_by_guardian_id, withdrawn_by_pupil, text, recorded_by_user_id, recorded_at, "
    "withdrawn_by_user_id, version, later_signatures, obtained_via, awaits_confirmation, "
    "confirmed_at, confirmed_by_user_id, confirmed_by_membership_id, recorded_by_membership_id, "
    "family_confirmations FROM consent_grants ";

ConsentGrantRecord read_grant(const Statement& s) {
  ConsentGrantRecord r;
  auto& g = r.grant;
  g.id = s.id(0);
  g.pupil_id = s.id(1);
  g.given_by_guardian_ids = split_ids(s.text(2));
  g.given_by_pupil = s.integer(3) != 0;
  g.recipient_organisation_ids = split_ids(s.text(4));
  g.recipient_roles = split_roles(s.text(5));
  g.recipient_guardians = s.integer(6) != 0;
  g.categories = split_categories(s.text(7));
  g.valid_from = s.integer(8);
  g.valid_until = millis(s, 9);
  g.withdrawn_at = millis(s, 10);
  g.withdrawn_by_guardian_id = s.id(11);
  g.withdrawn_by_pupil = s.integer(12) != 0;
  r.text = s.text(13);
  r.recorded_by_user_id = s.id(14);
  r.recorded_at = s.integer(15);
  r.withdrawn_by_user_id = s.id(16);
  r.version = s.integer(17);
  g.later_signatures = split_signatures(s.text(18));
  g.obtained_via =
      domain::parse_consent_source(s.text(19)).value_or(domain::ConsentSource::unknown);
  g.awaits_confirmation = s.integer(20) != 0;
  g.confirmed_at = millis(s, 21);
  r.confirmed_by_user_id = s.id(22);
  r.confirmed_by_membership_id = s.id(23);
  r.recorded_by_membership_id = s.id(24);
  g.family_confirmations = split_signatures(s.text(25));
  return r;
}

}  // namespace

namespace {

// Ids as a JSON array for `IN (SELECT value FROM json_each(?))`: one prepared statement
// for any number of ids. Malformed ids are left out (they match nothing anyway).
std::string json_id_list(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (const auto& id : ids)
    if (auto key = parse_id(id)) {
      if (out.size() > 1) out += ',';
      out += std::to_string(*key);
    }
  return out + "]";
}

}  // namespace

std::map<std::string, std::string> SqliteTx::pupil_names(const std::vector<std::string>& ids) {
  auto s = conn_.prepare(
      "SELECT id, given_name, name_prefix, family_name FROM pupils "
      "WHERE id IN (SELECT value FROM json_each(?))");
  s.bind(1, json_id_list(ids));
  std::map<std::string, std::string> out;
  while (s.step()) {
    domain::Pupil p;
    p.given_name = s.text(1);
    p.name_prefix = s.text(2);
    p.family_name = s.text(3);
    out.emplace(s.id(0), domain::full_name(p));
  }
  return out;
}

std::optional<domain::CaseFacts> SqliteTx::case_facts(const std::string& case_id) {
  auto found = case_facts_of({case_id});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<domain::CaseFacts> SqliteTx::case_facts_of(const std::vector<std::string>& case_ids) {
  if (case_ids.empty()) return {};
  const std::string ids = json_id_list(case_ids);
  std::map<std::string, domain::CaseFacts> by_case;
  std::map<std::string, std::vector<domain::CaseFacts*>> by_pupil;
  auto s = conn_.prepare(
      "SELECT c.id, c.pupil_id, p.school_id, c.lead_membership_id, p.date_of_birth, p.user_id "
      "FROM cases c JOIN pupils p ON p.id = c.pupil_id "
      "WHERE c.id IN (SELECT value FROM json_each(?))");
  s.bind(1, ids);
  while (s.step()) {
    domain::CaseFacts& c = by_case[s.id(0)];
    c.case_id = s.id(0);
    c.pupil_id = s.id(1);
    c.school_id = s.id(2);
    c.lead_membership_id = s.id(3);
    c.pupil_date_of_birth = domain::parse_iso_date(s.text(4)).value_or(domain::Date{});
    c.pupil_user_id = s.id(5);
    by_pupil[c.pupil_id].push_back(&c);
  }
  s.reset();
  auto t = conn_.prepare(
      "SELECT case_id, membership_id FROM case_team "
      "WHERE case_id IN (SELECT value FROM json_each(?)) AND removed_at IS NULL ORDER BY id");
  t.bind(1, ids);
  while (t.step()) by_case[t.id(0)].team_membership_ids.push_back(t.id(1));
  t.reset();
  std::vector<std::string> pupils;
  for (const auto& [pupil, _] : by_pupil) pupils.push_back(pupil);
  auto g = conn_.prepare(
      "SELECT pupil_id, id, user_id, parental_authority FROM guardians "
      "WHERE pupil_id IN (SELECT value FROM json_each(?)) AND authority_until IS NULL "
      "ORDER BY pupil_id, id");
  g.bind(1, json_id_list(pupils));
  while (g.step())
    for (domain::CaseFacts* c : by_pupil[g.id(0)])
      c->guardians.push_back({g.id(1), g.id(2), g.integer(3) != 0});
  std::vector<domain::CaseFacts> out;
  for (const auto& id : case_ids)
    if (auto it = by_case.find(id); it != by_case.end() && !it->second.case_id.empty())
      out.push_back(it->second);
  return out;
}

std::vector<EntryRecord> SqliteTx::entries_of_case(const std::string& case_id) {
  static const std::string sql =
      std::string(kEntryColumns) + "WHERE case_id = ? ORDER BY created_at, id";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(case_id).value_or(0));
  std::vector<EntryRecord> out;
  std::map<std::string, std::size_t> index;
  while (s.step()) {
    out.push_back(read_entry(s));
    index[out.back().facts.entry_id] = out.size() - 1;
  }
  for (const auto& e : out)
    if (auto it = index.find(e.corrects_entry_id); it != index.end())
      out[it->second].corrected_by.push_back(e.facts.entry_id);
  return out;
}

namespace {

// domain::EntryFilter::allows() as SQL over ?1-?10 (bound by bind_filter); every clause
// mirrors one branch there (the reach as entry_reach_code numbers it), and
// tests/store/entry_page_store_test.cpp proves they agree.
constexpr const char* kVisible =
    "case_id = ?1 AND pupil_id = ?2 AND ("
    " (author_user_id = ?3 AND author_membership_id = ?4)"
    " OR (?5 = 1 AND family_visible = 1 AND instr(',' || ?6 || ',', ',' || category || ',') > 0)"
    " OR (?5 = 2 AND ((audience = 'discipline' AND author_role = ?7 AND author_organisation_id = "
    "?8) OR ((audience = 'case_team' OR (audience = 'school' AND ?9 = 1)) AND "
    "(author_organisation_id = ?8 OR instr(',' || ?10 || ',', ',' || category || ',') > 0)))))";

void bind_filter(Statement& s, const domain::EntryFilter& f) {
  bind_id(s, 1, f.case_id);
  bind_id(s, 2, f.pupil_id);
  bind_id(s, 3, f.author_user_id);
  bind_id(s, 4, f.author_membership_id);
  s.bind(5, entry_reach_code(f.reach));
  s.bind(6, join_categories(f.family_categories));
  s.bind(7, domain::to_string(f.role));
  bind_id(s, 8, f.organisation_id);
  s.bind(9, f.school_audience);
  s.bind(10, join_categories(f.crossing_categories));
}

}  // namespace

EntryPage SqliteTx::entries_page(const domain::EntryFilter& filter, const EntryPageQuery& q) {
  static const std::string page_sql =
      std::string(kEntryColumns) + "WHERE " + kVisible +
      " AND (?11 = '' OR category = ?11) AND (?12 = '' OR audience = ?12)"
      " AND (?13 = 0 OR author_user_id = ?13)"
      // A row value, so the cursor is a range on entries_case (case_id, created_at, id).
      " AND (created_at, id) > (?14, ?15)"
      " ORDER BY created_at, id LIMIT ?16";
  auto s = conn_.prepare(page_sql.c_str());
  bind_filter(s, filter);
  s.bind(11, q.category).bind(12, q.audience);
  // A malformed author id matches no one rather than everyone.
  s.bind(13, q.author_user_id.empty() ? 0 : parse_id(q.author_user_id).value_or(-1));
  s.bind(14, q.after_created_at).bind(15, parse_id(q.after_id).value_or(0));
  const int limit = std::max(q.limit, 1);
  s.bind(16, limit + 1);  // one more tells whether another page follows
  EntryPage page;
  std::map<std::string, std::size_t> index;
  while (s.step()) {
    if (static_cast<int>(page.entries.size()) == limit) {
      page.more = true;
      break;
    }
    page.entries.push_back(read_entry(s));
    index[page.entries.back().facts.entry_id] = page.entries.size() - 1;
  }
  s.reset();
  if (page.entries.empty()) return page;
  // The visible corrections of this page's entries, wherever they stand in the chronology;
  // by the corrects index, so a page does not scan the whole case.
  static const std::string corrections_sql =
      std::string("SELECT id, corrects_entry_id FROM entries INDEXED BY entries_corrects WHERE ") +
      kVisible + " AND corrects_entry_id IN (SELECT value FROM json_each(?11)) ORDER BY id";
  std::vector<std::string> ids;
  for (const auto& e : page.entries) ids.push_back(e.facts.entry_id);
  auto c = conn_.prepare(corrections_sql.c_str());
  bind_filter(c, filter);
  c.bind(11, json_id_list(ids));
  while (c.step())
    if (auto it = index.find(c.id(1)); it != index.end())
      page.entries[it->second].corrected_by.push_back(c.id(0));
  return page;
}

std::optional<EntryRecord> SqliteTx::entry(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  static const std::string sql = std::string(kEntryColumns) + "WHERE id = ?";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  EntryRecord e = read_entry(s);
  s.run();
  auto c = conn_.prepare("SELECT id FROM entries WHERE corrects_entry_id = ? ORDER BY id");
  c.bind(1, *key);
  while (c.step()) e.corrected_by.push_back(c.id(0));
  return e;
}

std::string SqliteTx::append_entry(const EntryRecord& e) {
  require_write();
  const auto& f = e.facts;
  auto s = conn_.prepare(
      "INSERT INTO entries(case_id, pupil_id, author_user_id, author_membership_id, "
      "author_organisation_id, author_role, kind, category, audience, family_visible, text, "
      "corrects_entry_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  bind_id(s, 1, f.case_id);
  bind_id(s, 2, f.pupil_id);
  bind_id(s, 3, f.author_user_id);
  bind_id(s, 4, f.author_membership_id);
  bind_id(s, 5, f.author_organisation_id);
  s.bind(6, domain::to_string(f.author_role)).bind(7, e.kind);
  s.bind(8, domain::to_string(f.category)).bind(9, domain::to_string(f.audience));
  s.bind(10, f.family_visible).bind(11, e.text);
  bind_id(s, 12, e.corrects_entry_id);
  s.bind(13, e.created_at);
  s.run();
  return std::to_string(conn_.last_insert_id());
}

std::vector<ConsentGrantRecord> SqliteTx::consent_grant_records_of_pupil(
    const std::string& pupil_id) {
  return consent_grant_records_of_pupils({pupil_id});
}

std::vector<ConsentGrantRecord> SqliteTx::consent_grant_records_of_pupils(
    const std::vector<std::string>& pupil_ids) {
  static const std::string sql = std::string(kGrantColumns) +
                                 "WHERE pupil_id IN (SELECT value FROM json_each(?)) "
                                 "ORDER BY pupil_id, id";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, json_id_list(pupil_ids));
  std::vector<ConsentGrantRecord> out;
  while (s.step()) out.push_back(read_grant(s));
  return out;
}

std::optional<ConsentGrantRecord> SqliteTx::consent_grant(const std::string& id) {
  static const std::string sql = std::string(kGrantColumns) + "WHERE id = ?";
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, parse_id(id).value_or(0));
  if (!s.step()) return std::nullopt;
  return read_grant(s);
}

std::string SqliteTx::insert_consent_grant(const ConsentGrantRecord& r) {
  require_write();
  const auto& g = r.grant;
  auto s = conn_.prepare(
      "INSERT INTO consent_grants(pupil_id, given_by_guardian_ids, given_by_pupil, "
      "recipient_organisation_ids, recipient_roles, recipient_guardians, categories, valid_from, "
      "valid_until, text, recorded_by_user_id, recorded_at, later_signatures, obtained_via, "
      "awaits_confirmation, recorded_by_membership_id) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  bind_id(s, 1, g.pupil_id);
  s.bind(2, join_ids(g.given_by_guardian_ids)).bind(3, g.given_by_pupil);
  s.bind(4, join_ids(g.recipient_organisation_ids)).bind(5, join_roles(g.recipient_roles));
  s.bind(6, g.recipient_guardians).bind(7, join_categories(g.categories));
  s.bind(8, g.valid_from);
  if (g.valid_until)
    s.bind(9, *g.valid_until);
  else
    s.bind_null(9);
  s.bind(10, r.text);
  bind_id(s, 11, r.recorded_by_user_id);
  s.bind(12, r.recorded_at).bind(13, join_signatures(g.later_signatures));
  s.bind(14, domain::to_string(g.obtained_via)).bind(15, g.awaits_confirmation);
  bind_id(s, 16, r.recorded_by_membership_id);
  s.run();
  return std::to_string(conn_.last_insert_id());
}

bool SqliteTx::set_grant_parties(const domain::ConsentGrant& g, std::int64_t expected_version) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE consent_grants SET given_by_guardian_ids = ?, given_by_pupil = ?, "
      "later_signatures = ?, family_confirmations = ?, confirmed_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ? AND withdrawn_at IS NULL");
  s.bind(1, join_ids(g.given_by_guardian_ids)).bind(2, g.given_by_pupil);
  s.bind(3, join_signatures(g.later_signatures)).bind(4, join_signatures(g.family_confirmations));
  if (g.confirmed_at)
    s.bind(5, *g.confirmed_at);
  else
    s.bind_null(5);
  s.bind(6, parse_id(g.id).value_or(0)).bind(7, expected_version);
  s.run();
  return conn_.changes() == 1;
}

bool SqliteTx::withdraw_consent_grant(const std::string& grant_id, const ConsentWithdrawal& w) {
  require_write();
  auto s = conn_.prepare(
      "UPDATE consent_grants SET withdrawn_at = ?, withdrawn_by_guardian_id = ?, "
      "withdrawn_by_pupil = ?, withdrawn_by_user_id = ?, version = version + 1 "
      "WHERE id = ? AND withdrawn_at IS NULL");
  s.bind(1, w.at);
  bind_id(s, 2, w.by_guardian_id);
  s.bind(3, w.by_pupil);
  bind_id(s, 4, w.by_user_id);
  s.bind(5, parse_id(grant_id).value_or(0));
  s.run();
  return conn_.changes() == 1;
}

std::vector<SafetyDecisionRecord> SqliteTx::safety_decision_records_of_case(
    const std::string& case_id) {
  auto s = conn_.prepare(
      "SELECT id, case_id, organisation_ids, valid_from, valid_until, decided_by_user_id, "
      "decided_by_membership_id, reason, steps, recorded_at FROM safety_decisions "
      "WHERE case_id = ? ORDER BY id");
  s.bind(1, parse_id(case_id).value_or(0));
  std::vector<SafetyDecisionRecord> out;
  while (s.step()) {
    SafetyDecisionRecord r;
    r.decision = {s.id(0), s.id(1), split_ids(s.text(2)), s.integer(3), s.integer(4)};
    r.decided_by_user_id = s.id(5);
    r.decided_by_membership_id = s.id(6);
    r.reason = s.text(7);
    r.steps = s.text(8);
    r.recorded_at = s.integer(9);
    out.push_back(std::move(r));
  }
  return out;
}

std::string SqliteTx::insert_safety_decision(const SafetyDecisionRecord& r) {
  require_write();
  const auto& d = r.decision;
  auto s = conn_.prepare(
      "INSERT INTO safety_decisions(case_id, decided_by_user_id, decided_by_membership_id, "
      "reason, steps, organisation_ids, valid_from, valid_until, recorded_at) "
      "VALUES (?,?,?,?,?,?,?,?,?)");
  bind_id(s, 1, d.case_id);
  bind_id(s, 2, r.decided_by_user_id);
  bind_id(s, 3, r.decided_by_membership_id);
  s.bind(4, r.reason).bind(5, r.steps).bind(6, join_ids(d.organisation_ids));
  s.bind(7, d.valid_from).bind(8, d.valid_until).bind(9, r.recorded_at);
  s.run();
  return std::to_string(conn_.last_insert_id());
}

}  // namespace samen::store::sqlite
