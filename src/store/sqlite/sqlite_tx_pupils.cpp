// Pupils and their guardians.
#include <algorithm>
#include <unordered_set>

#include "domain/guardian_identity.hpp"
#include "domain/text.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace samen::store::sqlite {
namespace {

using domain::Pupil;

constexpr const char* kPupilSelect =
    "SELECT p.id, p.school_id, p.pupil_number, p.given_name, coalesce(p.name_prefix, ''), "
    "p.family_name, p.date_of_birth, coalesce(p.bsn, ''), coalesce(p.class_name, ''), "
    "p.mentor_user_id, p.enrolment_start, p.enrolment_end, p.version, coalesce(u.name, ''), "
    "p.user_id ";

// Every pupil query selects the same columns (read_pupil's order) from `from`, which
// names the pupils table as p, joined with the mentor's name.
std::string pupil_query(std::string_view from, std::string_view rest) {
  return std::string(kPupilSelect) + std::string(from) +
         " LEFT JOIN users u ON u.id = p.mentor_user_id " + std::string(rest);
}

Pupil read_pupil(Statement& s) {
  Pupil p;
  p.id = s.id(0);
  p.school_id = s.id(1);
  p.pupil_number = s.text(2);
  p.given_name = s.text(3);
  p.name_prefix = s.text(4);
  p.family_name = s.text(5);
  p.date_of_birth = domain::parse_iso_date(s.text(6)).value_or(domain::Date{});
  p.bsn = s.text(7);
  p.class_name = s.text(8);
  p.mentor_user_id = s.id(9);
  if (!s.is_null(10)) p.enrolment_start = domain::parse_iso_date(s.text(10));
  if (!s.is_null(11)) p.enrolment_end = domain::parse_iso_date(s.text(11));
  p.version = s.integer(12);
  p.user_id = s.id(14);
  return p;
}

std::string search_name(const Pupil& p) { return domain::to_lower_ascii(domain::full_name(p)); }

// A name search: each word the user typed must begin a word of the pupil's name, in
// order ("sanne berg" finds "Sanne van der Berg"). The first word is looked up in the
// pupil_name_tokens index as a prefix range; the others become one LIKE pattern over the
// name. Wildcards the user types are taken literally.
struct NameSearch {
  std::string first_from, first_to;  // token range [from, to)
  std::string rest_pattern;          // "" or "% w2% w3%" against " " || search_name
  std::string exact;                 // the whole text, for a pupil number
};

NameSearch name_search(std::string_view text) {
  NameSearch out;
  out.exact = std::string(domain::trim(text));
  std::string lower = domain::to_lower_ascii(out.exact);
  std::size_t pos = 0;
  bool first = true;
  while (pos < lower.size()) {
    auto end = lower.find(' ', pos);
    if (end == std::string::npos) end = lower.size();
    std::string word = lower.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (first) {
      out.first_from = word;
      out.first_to = word + "\xff";  // above every UTF-8 continuation of the prefix
      first = false;
      continue;
    }
    if (out.rest_pattern.empty()) out.rest_pattern = "%";
    out.rest_pattern += ' ';
    for (char c : word) {
      if (c == '%' || c == '_' || c == '\\') out.rest_pattern += '\\';
      out.rest_pattern += c;
    }
    out.rest_pattern += '%';
  }
  return out;
}

void bind_optional_date(Statement& s, int index, const std::optional<domain::Date>& d) {
  if (d)
    s.bind(index, domain::to_iso(*d));
  else
    s.bind_null(index);
}

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

}  // namespace

void SqliteTx::write_name_tokens(std::int64_t school_id, std::int64_t pupil_id,
                                 const std::string& search_name, bool replace) {
  if (replace)
    conn_.prepare("DELETE FROM pupil_name_tokens WHERE pupil_id = ?").bind(1, pupil_id).run();
  for (const auto& token : name_tokens(search_name))
    conn_
        .prepare(
            "INSERT OR IGNORE INTO pupil_name_tokens(school_id, token, pupil_id) VALUES (?,?,?)")
        .bind_all(school_id, token, pupil_id)
        .run();
}

std::vector<domain::Guardian> SqliteTx::guardians_of(std::int64_t pupil_id, bool with_ended) {
  auto s = conn_.prepare(
      "SELECT id, name, relation, coalesce(email, ''), coalesce(phone, ''), parental_authority, "
      "user_id, coalesce(guardian_number, ''), authority_from, authority_until FROM guardians "
      "WHERE pupil_id = ?1 AND (?2 OR authority_until IS NULL) ORDER BY id");
  s.bind(1, pupil_id).bind(2, with_ended);
  std::vector<domain::Guardian> out;
  while (s.step()) {
    domain::Guardian g{s.id(0),           s.text(1), s.text(2), s.text(3), s.text(4),
                       s.integer(5) != 0, s.id(6),   s.text(7), {},        {}};
    if (!s.is_null(8)) g.from = s.integer(8);
    if (!s.is_null(9)) g.until = s.integer(9);
    out.push_back(std::move(g));
  }
  return out;
}

std::optional<PupilRecord> SqliteTx::pupil(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  static const std::string sql = pupil_query("FROM pupils p", "WHERE p.id = ?");
  auto s = conn_.prepare(sql.c_str());
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  PupilRecord record{read_pupil(s), s.text(13)};
  s.run();  // finish the statement before the next one on this connection
  for (auto& g : guardians_of(*key, /*with_ended=*/true))
    (g.until ? record.pupil.ended_guardians : record.pupil.guardians).push_back(std::move(g));
  return record;
}

std::optional<std::string> SqliteTx::pupil_id_by_number(const std::string& school_id,
                                                        const std::string& pupil_number) {
  auto s = conn_.prepare("SELECT id FROM pupils WHERE school_id = ? AND pupil_number = ?");
  s.bind(1, parse_id(school_id).value_or(0)).bind(2, pupil_number);
  if (!s.step()) return std::nullopt;
  return s.id(0);
}

std::optional<domain::PupilFacts> SqliteTx::pupil_facts(const std::string& id) {
  auto key = parse_id(id);
  if (!key) return std::nullopt;
  auto s = conn_.prepare("SELECT id, school_id, mentor_user_id, user_id FROM pupils WHERE id = ?");
  s.bind(1, *key);
  if (!s.step()) return std::nullopt;
  domain::PupilFacts facts{s.id(0), s.id(1), s.id(2), s.id(3), {}, {}};
  auto g = conn_.prepare(
      "SELECT user_id FROM guardians WHERE pupil_id = ? AND parental_authority = 1 AND user_id IS "
      "NOT NULL AND authority_until IS NULL");
  g.bind(1, *key);
  while (g.step()) facts.guardian_user_ids.push_back(g.id(0));
  facts.case_table_membership_ids = case_table_membership_ids(id);
  return facts;
}

std::vector<std::string> SqliteTx::case_table_membership_ids(const std::string& pupil_id) {
  std::vector<std::string> out;
  auto key = parse_id(pupil_id);
  if (!key) return out;
  auto t = conn_.prepare(
      "SELECT lead_membership_id FROM cases WHERE pupil_id = ?1 AND status = 'open' "
      "AND lead_membership_id IS NOT NULL UNION "
      "SELECT t.membership_id FROM case_team t JOIN cases c ON c.id = t.case_id "
      "WHERE c.pupil_id = ?1 AND c.status = 'open' AND t.removed_at IS NULL ORDER BY 1");
  t.bind(1, *key);
  while (t.step()) out.push_back(t.id(0));
  return out;
}

std::vector<PupilRecord> SqliteTx::pupils(const domain::PupilScope& scope, const PupilQuery& q) {
  std::vector<PupilRecord> out;
  NameSearch search = name_search(q.text);
  auto collect = [&](Statement& s) {
    while (s.step()) {
      PupilRecord row{read_pupil(s), s.text(13)};
      out.push_back(std::move(row));
    }
  };
  switch (scope.kind) {
    case domain::PupilScope::Kind::none:
      return out;
    case domain::PupilScope::Kind::school: {
      if (search.first_from.empty()) {
        // Browsing (optionally one class): walks the (school, name) index, stops at LIMIT.
        static const std::string sql =
            pupil_query("FROM pupils p",
                        "WHERE p.school_id = ?1 AND (?2 = '' OR p.class_name = ?2) "
                        "ORDER BY p.family_name, p.given_name, p.id LIMIT ?3 OFFSET ?4");
        auto s = conn_.prepare(sql.c_str());
        s.bind(1, parse_id(scope.school_id).value_or(0)).bind(2, q.class_name);
        s.bind(3, q.limit).bind(4, q.offset);
        collect(s);
        return out;
      }
      static const std::string sql =
          // The inner query finds the page: CROSS JOIN makes the matching pupils (a few rows
          // from the token index) the outer loop instead of walking the whole school in name
          // order. Only the page's rows are then read in full and joined with their mentor.
          pupil_query(
              "FROM (SELECT q.id, q.family_name, q.given_name FROM (SELECT t.pupil_id AS id FROM "
              "pupil_name_tokens t WHERE t.school_id = ?1 AND t.token >= ?3 AND t.token < ?4 UNION "
              "SELECT x.id FROM pupils x WHERE x.school_id = ?1 AND x.pupil_number = ?5) m "
              "CROSS JOIN pupils q ON q.id = m.id WHERE q.school_id = ?1 AND (?2 = '' OR "
              "q.class_name = ?2) AND (?6 = '' OR q.pupil_number = ?5 OR (' ' || q.search_name) "
              "LIKE ?6 ESCAPE '\\') ORDER BY q.family_name, q.given_name, q.id LIMIT ?7 OFFSET ?8) "
              "k "
              "CROSS JOIN pupils p ON p.id = k.id",
              "ORDER BY k.family_name, k.given_name, k.id");
      auto s = conn_.prepare(sql.c_str());
      s.bind(1, parse_id(scope.school_id).value_or(0)).bind(2, q.class_name);
      s.bind(3, search.first_from).bind(4, search.first_to).bind(5, search.exact);
      s.bind(6, search.rest_pattern).bind(7, q.limit).bind(8, q.offset);
      collect(s);
      return out;
    }
    case domain::PupilScope::Kind::family: {
      // A family sees one or a few pupils: filtering them by name needs no index.
      static const std::string sql = pupil_query(
          "FROM pupils p",
          "WHERE ((?5 = 0 AND p.user_id = ?1) OR (?5 = 1 AND p.id IN (SELECT pupil_id FROM "
          "guardians WHERE user_id = ?1 AND parental_authority = 1 AND authority_until IS NULL))) "
          "AND (?2 = '' OR (' ' || p.search_name) LIKE ?2 ESCAPE '\\') "
          "ORDER BY p.family_name, p.given_name, p.id LIMIT ?3 OFFSET ?4");
      auto s = conn_.prepare(sql.c_str());
      std::string pattern;
      if (!search.first_from.empty())
        pattern =
            "% " + search.first_from + (search.rest_pattern.empty() ? "%" : search.rest_pattern);
      s.bind(1, parse_id(scope.family_user_id).value_or(0)).bind(2, pattern);
      s.bind(3, q.limit).bind(4, q.offset).bind(5, scope.family_as_guardian);
      collect(s);
      return out;
    }
  }
  return out;
}

std::vector<Pupil> SqliteTx::pupils_by_number(const std::string& school_id,
                                              const std::vector<std::string>& numbers) {
  std::vector<Pupil> out;
  if (numbers.empty()) return out;
  std::int64_t school = parse_id(school_id).value_or(0);
  // Exports are mostly sorted by number, so a batch tends to cover a narrow stretch of the
  // (school_id, pupil_number) index: one scan of that stretch says which numbers exist,
  // and only those are read in full. A first import then costs one index probe per batch
  // instead of one per row. When the stretch holds many more pupils than the batch (an
  // unsorted file), every number is looked up instead.
  auto [lo, hi] = std::minmax_element(numbers.begin(), numbers.end());
  auto range = conn_.prepare(
      "SELECT pupil_number FROM pupils WHERE school_id = ? AND pupil_number BETWEEN ? AND ? "
      "LIMIT ?");
  auto limit = static_cast<std::int64_t>(2 * numbers.size());
  range.bind(1, school).bind(2, *lo).bind(3, *hi).bind(4, limit + 1);
  std::vector<std::string> present;
  while (range.step()) present.push_back(range.text(0));
  range.reset();
  if (static_cast<std::int64_t>(present.size()) > limit) {
    present = numbers;
  } else {
    std::unordered_set<std::string_view> wanted(numbers.begin(), numbers.end());
    std::erase_if(present, [&](const std::string& n) { return !wanted.contains(n); });
  }
  static const std::string sql =
      pupil_query("FROM pupils p", "WHERE p.school_id = ? AND p.pupil_number = ?");
  for (const auto& number : present) {
    {
      auto s = conn_.prepare(sql.c_str());
      s.bind(1, school).bind(2, number);
      if (!s.step()) continue;
      out.push_back(read_pupil(s));
    }
    out.back().guardians = guardians_of(parse_id(out.back().id).value_or(0), false);
  }
  return out;
}

std::vector<domain::PupilFacts> SqliteTx::all_pupil_facts(const std::string& school_id) {
  auto s = conn_.prepare(
      "SELECT id, school_id, mentor_user_id, user_id FROM pupils WHERE school_id = ? ORDER BY id");
  s.bind(1, parse_id(school_id).value_or(0));
  std::vector<domain::PupilFacts> out;
  while (s.step()) out.push_back({s.id(0), s.id(1), s.id(2), s.id(3), {}, {}});
  auto g = conn_.prepare(
      "SELECT g.pupil_id, g.user_id FROM guardians g JOIN pupils p ON p.id = g.pupil_id WHERE "
      "p.school_id = ? AND g.parental_authority = 1 AND g.user_id IS NOT NULL AND "
      "g.authority_until IS NULL");
  g.bind(1, parse_id(school_id).value_or(0));
  while (g.step())
    for (auto& f : out)
      if (f.pupil_id == g.id(0)) f.guardian_user_ids.push_back(g.id(1));
  return out;
}

std::string SqliteTx::insert_guardian(std::int64_t pupil_id, const domain::Guardian& g,
                                      domain::Millis at) {
  conn_
      .prepare(
          "INSERT INTO guardians(pupil_id, name, relation, email, phone, parental_authority, "
          "guardian_number, authority_from) VALUES (?,?,?,?,?,?,?,?)")
      .bind(1, pupil_id)
      .bind(2, g.name)
      .bind(3, g.relation)
      .bind_optional(4, g.email)
      .bind_optional(5, g.phone)
      .bind(6, g.parental_authority)
      .bind_optional(7, g.number)
      .bind(8, g.from.value_or(at))
      .run();
  return std::to_string(conn_.last_insert_id());
}

Pupil SqliteTx::insert_pupil(const Pupil& p) {
  require_write();
  auto s = conn_.prepare(
      "INSERT INTO pupils(school_id, pupil_number, given_name, name_prefix, family_name, "
      "search_name, date_of_birth, bsn, class_name, mentor_user_id, enrolment_start, "
      "enrolment_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, parse_id(p.school_id).value_or(0)).bind(2, p.pupil_number).bind(3, p.given_name);
  s.bind_optional(4, p.name_prefix).bind(5, p.family_name).bind(6, search_name(p));
  s.bind(7, domain::to_iso(p.date_of_birth)).bind_optional(8, p.bsn).bind_optional(9, p.class_name);
  if (auto m = parse_id(p.mentor_user_id))
    s.bind(10, *m);
  else
    s.bind_null(10);
  bind_optional_date(s, 11, p.enrolment_start);
  bind_optional_date(s, 12, p.enrolment_end);
  s.run();
  std::int64_t id = conn_.last_insert_id();
  write_name_tokens(parse_id(p.school_id).value_or(0), id, search_name(p), /*replace=*/false);
  Pupil out = p;
  out.id = std::to_string(id);
  out.version = 1;
  auto now = domain::now_millis();
  for (auto& g : out.guardians) {
    g.id = insert_guardian(id, g, now);
    g.from = g.from.value_or(now);
  }
  return out;
}

bool SqliteTx::update_pupil(const Pupil& p, std::int64_t expected_version, domain::Millis at) {
  require_write();
  auto key = parse_id(p.id);
  if (!key) return false;
  auto s = conn_.prepare(
      "UPDATE pupils SET pupil_number = ?, given_name = ?, name_prefix = ?, family_name = ?, "
      "search_name = ?, date_of_birth = ?, bsn = ?, class_name = ?, mentor_user_id = ?, "
      "enrolment_start = ?, enrolment_end = ?, version = version + 1 WHERE id = ? AND version = ?");
  s.bind(1, p.pupil_number).bind(2, p.given_name).bind_optional(3, p.name_prefix);
  s.bind(4, p.family_name).bind(5, search_name(p)).bind(6, domain::to_iso(p.date_of_birth));
  s.bind_optional(7, p.bsn).bind_optional(8, p.class_name);
  if (auto m = parse_id(p.mentor_user_id))
    s.bind(9, *m);
  else
    s.bind_null(9);
  bind_optional_date(s, 10, p.enrolment_start);
  bind_optional_date(s, 11, p.enrolment_end);
  s.bind(12, *key).bind(13, expected_version);
  s.run();
  if (conn_.changes() != 1) return false;
  write_name_tokens(parse_id(p.school_id).value_or(0), *key, search_name(p), /*replace=*/true);
  // Guardians are matched by id, never by place: the kept ones are updated, the new ones
  // inserted, and whoever is no longer named is ended, with their open invitations.
  auto current = guardians_of(*key, /*with_ended=*/false);
  for (const auto& g : p.guardians) {
    if (g.id.empty()) {
      insert_guardian(*key, g, at);
      continue;
    }
    conn_
        .prepare(
            "UPDATE guardians SET name = ?, relation = ?, email = ?, phone = ?, "
            "parental_authority = ?, guardian_number = ? WHERE id = ? AND pupil_id = ? AND "
            "authority_until IS NULL")
        .bind(1, g.name)
        .bind(2, g.relation)
        .bind_optional(3, g.email)
        .bind_optional(4, g.phone)
        .bind(5, g.parental_authority)
        .bind_optional(6, g.number)
        .bind(7, parse_id(g.id).value_or(0))
        .bind(8, *key)
        .run();
    if (conn_.changes() != 1)
      throw StoreError("guardian " + g.id + " is not a current guardian of pupil " + p.id);
  }
  for (const auto& ended : domain::guardians_to_end(current, p.guardians)) {
    auto guardian = parse_id(ended).value_or(0);
    conn_.prepare("UPDATE guardians SET authority_until = ? WHERE id = ?")
        .bind_all(at, guardian)
        .run();
    conn_
        .prepare(
            "UPDATE invitations SET revoked_at = ? WHERE guardian_id = ? AND accepted_at IS NULL "
            "AND revoked_at IS NULL")
        .bind_all(at, guardian)
        .run();
  }
  return true;
}

void SqliteTx::link_guardian_user(const std::string& guardian_id, const std::string& user_id) {
  require_write();
  conn_.prepare("UPDATE guardians SET user_id = ? WHERE id = ?")
      .bind_all(parse_id(user_id).value_or(0), parse_id(guardian_id).value_or(0))
      .run();
}

void SqliteTx::link_pupil_user(const std::string& pupil_id, const std::string& user_id) {
  require_write();
  conn_.prepare("UPDATE pupils SET user_id = ? WHERE id = ?")
      .bind_all(parse_id(user_id).value_or(0), parse_id(pupil_id).value_or(0))
      .run();
}

}  // namespace samen::store::sqlite
