// The chronology and the facts the policy decides on.
#include <algorithm>
#include <map>

#include "domain/pupil.hpp"
#include "store/case_codes.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

#define SAMEN_ENTRY_SELECT                                                                \
  "SELECT id, case_id, pupil_id, author_user_id, author_membership_id, "                  \
  "author_organisation_id, author_role, audience, category, family_visible, kind, text, " \
  "corrects_entry_id, created_at FROM entries "

// The text still sealed: the caller opens it (SqlTx::open).
EntryRecord read_entry(const Rows& r) {
  EntryRecord e;
  auto& f = e.facts;
  f.entry_id = r.id(0);
  f.case_id = r.id(1);
  f.pupil_id = r.id(2);
  f.author_user_id = r.id(3);
  f.author_membership_id = r.id(4);
  f.author_organisation_id = r.id(5);
  f.author_role = domain::parse_role(r.text(6)).value_or(domain::Role::teacher);
  f.audience = domain::parse_audience(r.text(7)).value_or(domain::Audience::private_);
  f.category = domain::parse_entry_category(r.text(8)).value_or(domain::EntryCategory::wellbeing);
  f.family_visible = r.boolean(9);
  e.kind = r.text(10);
  e.text = r.text(11);
  e.corrects_entry_id = r.id(12);
  e.created_at = r.integer(13);
  return e;
}

// domain::EntryFilter::allows() as SQL over ?1-?10 (bound by filter_params); every clause
// mirrors one branch there (the reach as entry_reach_code numbers it), and
// tests/store/entry_page_store_test.cpp proves they agree.
#define SAMEN_ENTRY_VISIBLE                                                               \
  "case_id = ?1 AND pupil_id = ?2 AND ("                                                  \
  " (author_user_id = ?3 AND author_membership_id = ?4)"                                  \
  " OR (?5 = 1 AND family_visible = TRUE AND category {in_texts ?6})"                     \
  " OR (?5 = 2 AND ((audience = 'discipline' AND author_role = ?7 AND "                   \
  "author_organisation_id = ?8) OR ((audience = 'case_team' OR (audience = 'school' AND " \
  "?9 = TRUE)) AND (author_organisation_id = ?8 OR category {in_texts ?10})))))"

std::vector<std::string> category_names(const std::vector<domain::EntryCategory>& categories) {
  std::vector<std::string> out;
  for (auto c : categories) out.emplace_back(domain::to_string(c));
  return out;
}

Params filter_params(const domain::EntryFilter& f) {
  Params p;
  p.id(f.case_id).id(f.pupil_id).id(f.author_user_id).id(f.author_membership_id);
  p.integer(entry_reach_code(f.reach)).texts(category_names(f.family_categories));
  p.text(domain::to_string(f.role)).id(f.organisation_id).boolean(f.school_audience);
  p.texts(category_names(f.crossing_categories));
  return p;
}

}  // namespace

std::map<std::string, std::string> SqlTx::pupil_names(const std::vector<std::string>& ids) {
  auto r =
      db().query("SELECT id, given_name, name_prefix, family_name FROM pupils WHERE id {in_ids ?}",
                 Params().ids(ids));
  std::map<std::string, std::string> out;
  while (r->next()) {
    domain::Pupil p;
    p.given_name = r->text(1);
    p.name_prefix = r->text(2);
    p.family_name = r->text(3);
    out.emplace(r->id(0), domain::full_name(p));
  }
  return out;
}

std::optional<domain::CaseFacts> SqlTx::case_facts(const std::string& case_id) {
  auto found = case_facts_of({case_id});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<domain::CaseFacts> SqlTx::case_facts_of(const std::vector<std::string>& case_ids) {
  if (case_ids.empty()) return {};
  std::map<std::string, domain::CaseFacts> by_case;
  std::map<std::string, std::vector<domain::CaseFacts*>> by_pupil;
  {
    auto r = db().query(
        "SELECT c.id, c.pupil_id, p.school_id, c.lead_membership_id, p.date_of_birth, p.user_id "
        "FROM cases c JOIN pupils p ON p.id = c.pupil_id WHERE c.id {in_ids ?}",
        Params().ids(case_ids));
    while (r->next()) {
      domain::CaseFacts& c = by_case[r->id(0)];
      c.case_id = r->id(0);
      c.pupil_id = r->id(1);
      c.school_id = r->id(2);
      c.lead_membership_id = r->id(3);
      c.pupil_date_of_birth = domain::parse_iso_date(r->text(4)).value_or(domain::Date{});
      c.pupil_user_id = r->id(5);
      by_pupil[c.pupil_id].push_back(&c);
    }
  }
  {
    auto t = db().query(
        "SELECT case_id, membership_id FROM case_team WHERE case_id {in_ids ?} "
        "AND removed_at IS NULL ORDER BY id",
        Params().ids(case_ids));
    while (t->next()) by_case[t->id(0)].team_membership_ids.push_back(t->id(1));
  }
  std::vector<std::string> pupils;
  for (const auto& [pupil, _] : by_pupil) pupils.push_back(pupil);
  {
    auto g = db().query(
        "SELECT pupil_id, id, user_id, parental_authority FROM guardians "
        "WHERE pupil_id {in_ids ?} AND authority_until IS NULL ORDER BY pupil_id, id",
        Params().ids(pupils));
    while (g->next())
      for (domain::CaseFacts* c : by_pupil[g->id(0)])
        c->guardians.push_back({g->id(1), g->id(2), g->boolean(3)});
  }
  std::vector<domain::CaseFacts> out;
  for (const auto& id : case_ids)
    if (auto it = by_case.find(id); it != by_case.end() && !it->second.case_id.empty())
      out.push_back(it->second);
  return out;
}

std::vector<EntryRecord> SqlTx::entries_of_case(const std::string& case_id) {
  auto r = db().query(SAMEN_ENTRY_SELECT "WHERE case_id = ? ORDER BY created_at, id",
                      Params().id(case_id));
  std::vector<EntryRecord> out;
  std::map<std::string, std::size_t> index;
  while (r->next()) {
    out.push_back(read_entry(*r));
    auto& e = out.back();
    e.text = open("entries", "text", e.facts.entry_id, std::move(e.text));
    index[e.facts.entry_id] = out.size() - 1;
  }
  for (const auto& e : out)
    if (auto it = index.find(e.corrects_entry_id); it != index.end())
      out[it->second].corrected_by.push_back(e.facts.entry_id);
  return out;
}

EntryPage SqlTx::entries_page(const domain::EntryFilter& filter, const EntryPageQuery& q) {
  Params p = filter_params(filter);
  p.text(q.category).text(q.audience);
  // A malformed author id is NULL and matches no one rather than everyone.
  p.boolean(!q.author_user_id.empty());
  const int limit = std::max(q.limit, 1);
  p.integer(q.after_created_at).integer(parse_id(q.after_id).value_or(0));
  p.integer(limit + 1);  // one more tells whether another page follows
  p.id(q.author_user_id);
  EntryPage page;
  std::map<std::string, std::size_t> index;
  {
    auto r = db().query(SAMEN_ENTRY_SELECT
                        "WHERE " SAMEN_ENTRY_VISIBLE
                        " AND (?11 = '' OR category = ?11) AND (?12 = '' OR audience = ?12)"
                        " AND (?13 = FALSE OR author_user_id = ?17)"
                        // A row value, so the cursor is a range on entries_case (case_id,
                        // created_at, id).
                        " AND (created_at, id) > (?14, ?15)"
                        " ORDER BY created_at, id LIMIT ?16",
                        p);
    while (r->next()) {
      if (static_cast<int>(page.entries.size()) == limit) {
        page.more = true;
        break;
      }
      page.entries.push_back(read_entry(*r));
      auto& e = page.entries.back();
      e.text = open("entries", "text", e.facts.entry_id, std::move(e.text));
      index[e.facts.entry_id] = page.entries.size() - 1;
    }
  }
  if (page.entries.empty()) return page;
  // The visible corrections of this page's entries, wherever they stand in the chronology;
  // by the corrects index, so a page does not scan the whole case.
  std::vector<std::string> ids;
  for (const auto& e : page.entries) ids.push_back(e.facts.entry_id);
  auto c = db().query(
      "SELECT id, corrects_entry_id FROM entries {index entries_corrects} "
      "WHERE " SAMEN_ENTRY_VISIBLE " AND corrects_entry_id {in_ids ?11} ORDER BY id",
      filter_params(filter).ids(ids));
  while (c->next())
    if (auto it = index.find(c->id(1)); it != index.end())
      page.entries[it->second].corrected_by.push_back(c->id(0));
  return page;
}

std::optional<EntryRecord> SqlTx::entry(const std::string& id) {
  std::optional<EntryRecord> e;
  {
    auto r = db().query(SAMEN_ENTRY_SELECT "WHERE id = ?", Params().id(id));
    if (!r->next()) return std::nullopt;
    e = read_entry(*r);
    e->text = open("entries", "text", e->facts.entry_id, std::move(e->text));
  }
  auto c =
      db().query("SELECT id FROM entries WHERE corrects_entry_id = ? ORDER BY id", Params().id(id));
  while (c->next()) e->corrected_by.push_back(c->id(0));
  return e;
}

std::string SqlTx::append_entry(const EntryRecord& e) {
  require_write();
  const auto& f = e.facts;
  auto id = reserve_id("entries");
  Params p;
  p.id(id).id(f.case_id).id(f.pupil_id).id(f.author_user_id).id(f.author_membership_id);
  p.id(f.author_organisation_id).text(domain::to_string(f.author_role)).text(e.kind);
  p.text(domain::to_string(f.category)).text(domain::to_string(f.audience));
  p.boolean(f.family_visible).text(seal("entries", "text", id, e.text));
  p.id(e.corrects_entry_id).integer(e.created_at);
  db().run(
      "INSERT INTO entries(id, case_id, pupil_id, author_user_id, author_membership_id, "
      "author_organisation_id, author_role, kind, category, audience, family_visible, text, "
      "corrects_entry_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      p);
  return id;
}

}  // namespace samen::store::sql
