// Pupils, their guardians and the name-search tokens.
#include "domain/guardian_identity.hpp"
#include "domain/text.hpp"
#include "store/sql/pupil_rows.hpp"
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {

using domain::Pupil;

Pupil SqlTx::read_pupil(const Rows& r) const {
  Pupil p;
  p.id = r.id(0);
  p.school_id = r.id(1);
  p.pupil_number = r.text(2);
  p.given_name = r.text(3);
  p.name_prefix = r.text(4);
  p.family_name = r.text(5);
  p.date_of_birth = domain::parse_iso_date(r.text(6)).value_or(domain::Date{});
  p.bsn = open("pupils", "bsn", p.id, r.text(7));
  p.class_name = r.text(8);
  p.mentor_user_id = r.id(9);
  p.enrolment_start = date(r, 10);
  p.enrolment_end = date(r, 11);
  p.version = r.integer(12);
  p.user_id = r.id(14);
  return p;
}

domain::Guardian read_guardian(const Rows& r, int c) {
  domain::Guardian g{r.id(c),          r.text(c + 1),    r.text(c + 2), r.text(c + 3),
                     r.text(c + 4),    r.boolean(c + 5), r.id(c + 6),   r.text(c + 7),
                     millis(r, c + 8), millis(r, c + 9)};
  return g;
}

namespace {

// The words of a search name, each a row in pupil_name_tokens.
std::vector<std::string> name_tokens(const std::string& search_name) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= search_name.size()) {
    auto end = search_name.find(' ', pos);
    if (end == std::string::npos) end = search_name.size();
    if (end > pos) out.push_back(search_name.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

void append_literal(std::string& pattern, std::string_view word) {
  for (char c : word) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
}

// A name search: each word the user typed must begin a word of the pupil's name, in
// order ("sanne berg" finds "Sanne van der Berg"). The first word is looked up in the
// pupil_name_tokens index as a prefix range; the others become one LIKE pattern over the
// name. Wildcards the user types are taken literally.
struct NameSearch {
  std::string first;         // the first word, a token prefix
  std::string rest_pattern;  // "" or "% w2% w3%" against " " || search_name
  std::string exact;         // the whole text, for a pupil number
};

NameSearch name_search(std::string_view text) {
  NameSearch out;
  out.exact = std::string(domain::trim(text));
  std::string lower = domain::to_lower_ascii(out.exact);
  for (const auto& word : name_tokens(lower)) {
    if (out.first.empty()) {
      out.first = word;
      continue;
    }
    if (out.rest_pattern.empty()) out.rest_pattern = "%";
    out.rest_pattern += ' ';
    append_literal(out.rest_pattern, word);
    out.rest_pattern += '%';
  }
  return out;
}

}  // namespace

std::vector<domain::Guardian> SqlTx::guardians_of(const std::string& pupil_id) {
  auto r = db().query("SELECT " SAMEN_GUARDIAN_COLUMNS
                      " FROM guardians g WHERE g.pupil_id = ? AND g.authority_until IS NULL "
                      "ORDER BY g.id",
                      Params().id(pupil_id));
  std::vector<domain::Guardian> out;
  while (r->next()) out.push_back(read_guardian(*r, 0));
  return out;
}

std::optional<PupilRecord> SqlTx::pupil(const std::string& id) {
  // With the guardians, ended ones too, in the same round trip: one row per guardian, or
  // one row with NULL guardian columns.
  auto r = db().query(SAMEN_PUPIL_COLUMNS
                      ", " SAMEN_GUARDIAN_COLUMNS " FROM pupils p" SAMEN_PUPIL_MENTOR_JOIN
                      "LEFT JOIN guardians g ON g.pupil_id = p.id WHERE p.id = ? ORDER BY g.id",
                      Params().id(id));
  if (!r->next()) return std::nullopt;
  PupilRecord record{read_pupil(*r), r->text(13)};
  do {
    if (r->is_null(15)) continue;
    auto g = read_guardian(*r, 15);
    (g.until ? record.pupil.ended_guardians : record.pupil.guardians).push_back(std::move(g));
  } while (r->next());
  return record;
}

std::optional<std::string> SqlTx::pupil_id_by_number(const std::string& school_id,
                                                     const std::string& number) {
  auto r = db().query("SELECT id FROM pupils WHERE school_id = ? AND pupil_number = ?",
                      Params().id(school_id).text(number));
  if (!r->next()) return std::nullopt;
  return r->id(0);
}

std::optional<domain::PupilFacts> SqlTx::pupil_facts(const std::string& id) {
  std::optional<domain::PupilFacts> facts;
  {
    auto r = db().query("SELECT id, school_id, mentor_user_id, user_id FROM pupils WHERE id = ?",
                        Params().id(id));
    if (!r->next()) return std::nullopt;
    facts = domain::PupilFacts{r->id(0), r->id(1), r->id(2), r->id(3), {}, {}};
  }
  {
    auto g = db().query(
        "SELECT user_id FROM guardians WHERE pupil_id = ? AND parental_authority = TRUE "
        "AND user_id IS NOT NULL AND authority_until IS NULL",
        Params().id(id));
    while (g->next()) facts->guardian_user_ids.push_back(g->id(0));
  }
  facts->case_table_membership_ids = case_table_membership_ids(id);
  return facts;
}

std::vector<std::string> SqlTx::case_table_membership_ids(const std::string& pupil_id) {
  auto t = db().query(
      "SELECT lead_membership_id FROM cases WHERE pupil_id = ?1 AND status = 'open' "
      "AND lead_membership_id IS NOT NULL UNION "
      "SELECT t.membership_id FROM case_team t JOIN cases c ON c.id = t.case_id "
      "WHERE c.pupil_id = ?1 AND c.status = 'open' AND t.removed_at IS NULL ORDER BY 1",
      Params().id(pupil_id));
  std::vector<std::string> out;
  while (t->next()) out.push_back(t->id(0));
  return out;
}

std::vector<PupilRecord> SqlTx::pupils(const domain::PupilScope& scope, const PupilQuery& q) {
  auto read_records = [this](std::unique_ptr<Rows> r) {
    std::vector<PupilRecord> out;
    while (r->next()) out.push_back(PupilRecord{read_pupil(*r), r->text(13)});
    return out;
  };
  NameSearch search = name_search(q.text);
  switch (scope.kind) {
    case domain::PupilScope::Kind::none:
      return {};
    case domain::PupilScope::Kind::school: {
      if (search.first.empty())
        // Browsing (optionally one class): walks the (school, name) index, stops at LIMIT.
        return read_records(db().query(
            SAMEN_PUPIL_COLUMNS "FROM pupils p" SAMEN_PUPIL_MENTOR_JOIN
                                "WHERE p.school_id = ?1 AND (?2 = '' OR p.class_name = ?2) "
                                "ORDER BY p.family_name, p.given_name, p.id LIMIT ?3 OFFSET ?4",
            Params().id(scope.school_id).text(q.class_name).integer(q.limit).integer(q.offset)));
      // The inner query finds the page: the matching pupils (a few rows from the token
      // index) are the outer loop instead of a walk through the whole school in name order.
      // Only the page's rows are then read in full and joined with their mentor.
      return read_records(db().query(
          SAMEN_PUPIL_COLUMNS
          "FROM (SELECT q.id, q.family_name, q.given_name FROM (SELECT t.pupil_id AS id FROM "
          "pupil_name_tokens t WHERE t.school_id = ?1 AND t.token >= ?3 AND "
          "t.token < ?3 || {max_char} UNION "
          "SELECT x.id FROM pupils x WHERE x.school_id = ?1 AND x.pupil_number = ?4) m "
          "{cross_join} pupils q ON q.id = m.id WHERE q.school_id = ?1 AND (?2 = '' OR "
          "q.class_name = ?2) AND (?5 = '' OR q.pupil_number = ?4 OR (' ' || q.search_name) "
          "LIKE ?5 ESCAPE '\\') ORDER BY q.family_name, q.given_name, q.id LIMIT ?6 OFFSET ?7) k "
          "{cross_join} pupils p ON p.id = k.id" SAMEN_PUPIL_MENTOR_JOIN
          "ORDER BY k.family_name, k.given_name, k.id",
          Params()
              .id(scope.school_id)
              .text(q.class_name)
              .text(search.first)
              .text(search.exact)
              .text(search.rest_pattern)
              .integer(q.limit)
              .integer(q.offset)));
    }
    case domain::PupilScope::Kind::family: {
      // A family sees one or a few pupils: filtering them by name needs no index.
      std::string pattern;
      if (!search.first.empty()) {
        pattern = "% ";
        append_literal(pattern, search.first);
        pattern += search.rest_pattern.empty() ? "%" : search.rest_pattern;
      }
      return read_records(db().query(
          SAMEN_PUPIL_COLUMNS
          "FROM pupils p" SAMEN_PUPIL_MENTOR_JOIN
          "WHERE ((?5 = FALSE AND p.user_id = ?1) OR (?5 = TRUE AND p.id IN (SELECT pupil_id "
          "FROM guardians WHERE user_id = ?1 AND parental_authority = TRUE AND "
          "authority_until IS NULL))) AND (?2 = '' OR (' ' || p.search_name) LIKE ?2 "
          "ESCAPE '\\') ORDER BY p.family_name, p.given_name, p.id LIMIT ?3 OFFSET ?4",
          Params()
              .id(scope.family_user_id)
              .text(pattern)
              .integer(q.limit)
              .integer(q.offset)
              .boolean(scope.family_as_guardian)));
    }
  }
  return {};
}

std::vector<std::string> SqlTx::pupil_ids_by_bsn(const std::string& school_id,
                                                 const std::string& bsn) {
  auto index = blind_index("pupils", "bsn", bsn);
  if (!index) return {};
  auto r = db().query("SELECT id FROM pupils WHERE school_id = ? AND bsn_index = ? ORDER BY id",
                      Params().id(school_id).text(*index));
  std::vector<std::string> out;
  while (r->next()) out.push_back(r->id(0));
  return out;
}

std::vector<domain::PupilFacts> SqlTx::all_pupil_facts(const std::string& school_id) {
  std::vector<domain::PupilFacts> out;
  std::unordered_map<std::string, std::size_t> index;
  {
    auto r = db().query(
        "SELECT id, school_id, mentor_user_id, user_id FROM pupils WHERE school_id = ? "
        "ORDER BY id",
        Params().id(school_id));
    while (r->next()) {
      index.emplace(r->id(0), out.size());
      out.push_back({r->id(0), r->id(1), r->id(2), r->id(3), {}, {}});
    }
  }
  auto g = db().query(
      "SELECT g.pupil_id, g.user_id FROM guardians g JOIN pupils p ON p.id = g.pupil_id "
      "WHERE p.school_id = ? AND g.parental_authority = TRUE AND g.user_id IS NOT NULL "
      "AND g.authority_until IS NULL",
      Params().id(school_id));
  while (g->next())
    if (auto it = index.find(g->id(0)); it != index.end())
      out[it->second].guardian_user_ids.push_back(g->id(1));
  return out;
}

void SqlTx::write_name_tokens(const std::string& school_id, const std::string& pupil_id,
                              const std::string& search_name, bool replace) {
  if (replace) db().run("DELETE FROM pupil_name_tokens WHERE pupil_id = ?", Params().id(pupil_id));
  auto tokens = name_tokens(search_name);
  if (db().dialect() == Dialect::postgres) {
    // One statement, one round trip.
    db().run(
        "INSERT INTO pupil_name_tokens(school_id, token, pupil_id) "
        "SELECT DISTINCT CAST(?1 AS BIGINT), value, CAST(?2 AS BIGINT) FROM {texts_table ?3} t "
        "WHERE value <> '' ON CONFLICT DO NOTHING",
        Params().id(school_id).id(pupil_id).texts(tokens));
    return;
  }
  // SQLite has no round trips to save, and a multi-row INSERT ... SELECT inside the
  // import's transaction needs a statement journal (a temporary file): single-row inserts
  // made the import 2.4 times faster.
  for (const auto& token : tokens)
    db().run(
        "INSERT INTO pupil_name_tokens(school_id, token, pupil_id) VALUES (?,?,?) "
        "ON CONFLICT DO NOTHING",
        Params().id(school_id).text(token).id(pupil_id));
}

std::string SqlTx::insert_guardian(const std::string& pupil_id, const domain::Guardian& g,
                                   domain::Millis at) {
  return inserted_id(
      "INSERT INTO guardians(pupil_id, name, relation, email, phone, parental_authority, "
      "guardian_number, authority_from) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
      Params()
          .id(pupil_id)
          .text(g.name)
          .text(g.relation)
          .optional(g.email)
          .optional(g.phone)
          .boolean(g.parental_authority)
          .optional(g.number)
          .integer(g.from.value_or(at)));
}

}  // namespace samen::store::sql
