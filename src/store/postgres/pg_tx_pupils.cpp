// Pupils, guardians and the name-search tokens (PostgreSQL).
#include <unordered_map>

#include "domain/guardian_identity.hpp"
#include "domain/text.hpp"
#include "store/postgres/pg_tx.hpp"

namespace samen::store::postgres {
namespace {

using domain::Pupil;

constexpr const char* kPupilSelect =
    "SELECT p.id, p.school_id, p.pupil_number, p.given_name, coalesce(p.name_prefix, ''), "
    "p.family_name, "
    "p.date_of_birth, coalesce(p.bsn, ''), coalesce(p.class_name, ''), p.mentor_user_id, "
    "p.enrolment_start, "
    "p.enrolment_end, p.version, coalesce(u.name, ''), p.user_id ";

std::string pupil_query(std::string_view from, std::string_view rest) {
  return std::string(kPupilSelect) + std::string(from) +
         " LEFT JOIN users u ON u.id = p.mentor_user_id " + std::string(rest);
}

Pupil read_pupil(const PgResult& r, int i) {
  Pupil p;
  p.id = r.id(i, 0);
  p.school_id = r.id(i, 1);
  p.pupil_number = r.text(i, 2);
  p.given_name = r.text(i, 3);
  p.name_prefix = r.text(i, 4);
  p.family_name = r.text(i, 5);
  p.date_of_birth = domain::parse_iso_date(r.text(i, 6)).value_or(domain::Date{});
  p.bsn = r.text(i, 7);
  p.class_name = r.text(i, 8);
  p.mentor_user_id = r.id(i, 9);
  if (!r.is_null(i, 10)) p.enrolment_start = domain::parse_iso_date(r.text(i, 10));
  if (!r.is_null(i, 11)) p.enrolment_end = domain::parse_iso_date(r.text(i, 11));
  p.version = r.integer(i, 12);
  p.user_id = r.id(i, 14);
  return p;
}

std::vector<PupilRecord> read_records(const PgResult& r) {
  std::vector<PupilRecord> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(PupilRecord{read_pupil(r, i), r.text(i, 13)});
  return out;
}

std::string search_name(const Pupil& p) { return domain::to_lower_ascii(domain::full_name(p)); }

Params& optional_date(Params& p, const std::optional<domain::Date>& d) {
  return d ? p.text(domain::to_iso(*d)) : p.null();
}

// The same word-prefix search as the SQLite store (see sqlite_tx_pupils.cpp).
struct NameSearch {
  std::string first;
  std::string rest_pattern;
  std::string exact;
};

NameSearch name_search(std::string_view text) {
  NameSearch out;
  out.exact = std::string(domain::trim(text));
  std::string lower = domain::to_lower_ascii(out.exact);
  std::size_t pos = 0;
  while (pos < lower.size()) {
    auto end = lower.find(' ', pos);
    if (end == std::string::npos) end = lower.size();
    std::string word = lower.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (out.first.empty()) {
      out.first = word;
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

}  // namespace

namespace {

// A guardian's columns, current and ended alike (g: the guardians table).
constexpr const char* kGuardianColumns =
    "g.id, g.name, g.relation, coalesce(g.email, ''), coalesce(g.phone, ''), "
    "g.parental_authority, g.user_id, coalesce(g.guardian_number, ''), g.authority_from, "
    "g.authority_until";

// One guardian from the columns of kGuardianColumns, which start at column `c`.
domain::Guardian read_guardian(const PgResult& r, int i, int c) {
  domain::Guardian g{r.id(i, c),
                     r.text(i, c + 1),
                     r.text(i, c + 2),
                     r.text(i, c + 3),
                     r.text(i, c + 4),
                     r.boolean(i, c + 5),
                     r.id(i, c + 6),
                     r.text(i, c + 7),
                     {},
                     {}};
  if (!r.is_null(i, c + 8)) g.from = r.integer(i, c + 8);
  if (!r.is_null(i, c + 9)) g.until = r.integer(i, c + 9);
  return g;
}

}  // namespace

std::vector<domain::Guardian> PgTx::guardians_of(const std::string& pupil_id) {
  static const std::string sql = std::string("SELECT ") + kGuardianColumns +
                                 " FROM guardians g WHERE g.pupil_id = $1 AND "
                                 "g.authority_until IS NULL ORDER BY g.id";
  auto r = conn_.query(sql.c_str(), Params().id(pupil_id));
  std::vector<domain::Guardian> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_guardian(r, i, 0));
  return out;
}

std::optional<PupilRecord> PgTx::pupil(const std::string& id) {
  // With the guardians, ended ones too, in the same round trip: one row per guardian, or
  // one row with NULL guardian columns.
  static const std::string sql = std::string(kPupilSelect) + ", " + kGuardianColumns +
                                 " FROM pupils p "
                                 "LEFT JOIN users u ON u.id = p.mentor_user_id "
                                 "LEFT JOIN guardians g ON g.pupil_id = p.id WHERE p.id = $1 "
                                 "ORDER BY g.id";
  auto r = conn_.query(sql.c_str(), Params().id(id));
  if (r.empty()) return std::nullopt;
  PupilRecord record{read_pupil(r, 0), r.text(0, 13)};
  for (int i = 0; i < r.rows(); ++i) {
    if (r.is_null(i, 15)) continue;
    auto g = read_guardian(r, i, 15);
    (g.until ? record.pupil.ended_guardians : record.pupil.guardians).push_back(std::move(g));
  }
  return record;
}

std::optional<std::string> PgTx::pupil_id_by_number(const std::string& school_id,
                                                    const std::string& number) {
  auto r = conn_.query("SELECT id FROM pupils WHERE school_id = $1 AND pupil_number = $2",
                       Params().id(school_id).text(number));
  if (r.empty()) return std::nullopt;
  return r.id(0, 0);
}

std::optional<domain::PupilFacts> PgTx::pupil_facts(const std::string& id) {
  auto r = conn_.query("SELECT id, school_id, mentor_user_id, user_id FROM pupils WHERE id = $1",
                       Params().id(id));
  if (r.empty()) return std::nullopt;
  domain::PupilFacts facts{r.id(0, 0), r.id(0, 1), r.id(0, 2), r.id(0, 3), {}, {}};
  auto g = conn_.query(
      "SELECT user_id FROM guardians WHERE pupil_id = $1 AND parental_authority AND user_id IS NOT "
      "NULL AND authority_until IS NULL",
      Params().id(id));
  for (int i = 0; i < g.rows(); ++i) facts.guardian_user_ids.push_back(g.id(i, 0));
  facts.case_table_membership_ids = case_table_membership_ids(id);
  return facts;
}

std::vector<std::string> PgTx::case_table_membership_ids(const std::string& pupil_id) {
  auto t = conn_.query(
      "SELECT lead_membership_id FROM cases WHERE pupil_id = $1 AND status = 'open' "
      "AND lead_membership_id IS NOT NULL UNION "
      "SELECT t.membership_id FROM case_team t JOIN cases c ON c.id = t.case_id "
      "WHERE c.pupil_id = $1 AND c.status = 'open' AND t.removed_at IS NULL ORDER BY 1",
      Params().id(pupil_id));
  std::vector<std::string> out;
  for (int i = 0; i < t.rows(); ++i) out.push_back(t.id(i, 0));
  return out;
}

std::vector<PupilRecord> PgTx::pupils(const domain::PupilScope& scope, const PupilQuery& q) {
  NameSearch search = name_search(q.text);
  switch (scope.kind) {
    case domain::PupilScope::Kind::none:
      return {};
    case domain::PupilScope::Kind::school: {
      if (search.first.empty()) {
        static const std::string sql =
            pupil_query("FROM pupils p",
                        "WHERE p.school_id = $1 AND ($2 = '' OR p.class_name = $2) "
                        "ORDER BY p.family_name, p.given_name, p.id LIMIT $3 OFFSET $4");
        return read_records(conn_.query(
            sql.c_str(),
            Params().id(scope.school_id).text(q.class_name).integer(q.limit).integer(q.offset)));
      }
      static const std::string sql = pupil_query(
          "FROM (SELECT q.id, q.family_name, q.given_name FROM (SELECT t.pupil_id AS id FROM "
          "pupil_name_tokens t "
          "WHERE t.school_id = $1 AND t.token >= $3 AND t.token < $3 || chr(1114111) UNION SELECT "
          "x.id FROM "
          "pupils x WHERE x.school_id = $1 AND x.pupil_number = $4) m JOIN pupils q ON q.id = m.id "
          "WHERE "
          "q.school_id = $1 AND ($2 = '' OR q.class_name = $2) AND ($5 = '' OR q.pupil_number = $4 "
          "OR "
          "(' ' || q.search_name) LIKE $5) ORDER BY q.family_name, q.given_name, q.id LIMIT $6 "
          "OFFSET $7) k "
          "JOIN pupils p ON p.id = k.id",
          "ORDER BY k.family_name, k.given_name, k.id");
      return read_records(conn_.query(sql.c_str(), Params()
                                                       .id(scope.school_id)
                                                       .text(q.class_name)
                                                       .text(search.first)
                                                       .text(search.exact)
                                                       .text(search.rest_pattern)
                                                       .integer(q.limit)
                                                       .integer(q.offset)));
    }
    case domain::PupilScope::Kind::family: {
      static const std::string sql = pupil_query(
          "FROM pupils p",
          "WHERE ((NOT $5::boolean AND p.user_id = $1) OR ($5::boolean AND p.id IN "
          "(SELECT pupil_id FROM "
          "guardians WHERE user_id = $1 AND parental_authority AND authority_until IS NULL))) AND "
          "($2 = '' OR (' ' "
          "|| p.search_name) "
          "LIKE $2) ORDER BY p.family_name, p.given_name, p.id LIMIT $3 OFFSET $4");
      std::string pattern;
      if (!search.first.empty()) {
        std::string first;
        for (char c : search.first) {
          if (c == '%' || c == '_' || c == '\\') first += '\\';
          first += c;
        }
        pattern = "% " + first + (search.rest_pattern.empty() ? "%" : search.rest_pattern);
      }
      return read_records(conn_.query(sql.c_str(), Params()
                                                       .id(scope.family_user_id)
                                                       .text(pattern)
                                                       .integer(q.limit)
                                                       .integer(q.offset)
                                                       .boolean(scope.family_as_guardian)));
    }
  }
  return {};
}

std::vector<Pupil> PgTx::pupils_by_number(const std::string& school_id,
                                          const std::vector<std::string>& numbers) {
  // Two round trips per batch (pupils, then their guardians) instead of one per row. Each
  // number is its own index probe (a LATERAL subquery with LIMIT, which the planner cannot
  // turn into a join): an import grows the school inside its transaction, unseen by the
  // statistics, and with `= ANY(array)` the planner scanned the whole school for every
  // batch, filtering each pupil against the thousand numbers. Planned afresh each time,
  // since a plan cached while the tables were tiny may scan them.
  static const std::string sql = pupil_query(
      "FROM unnest($2::text[]) AS n(number) CROSS JOIN LATERAL (SELECT x.* FROM pupils x "
      "WHERE x.school_id = $1 AND x.pupil_number = n.number LIMIT 1) p",
      "");
  auto r = conn_.query_uncached(sql, Params().id(school_id).text_array(numbers));
  std::vector<Pupil> out;
  std::vector<std::string> ids;
  std::unordered_map<std::string, std::size_t> index;
  for (int i = 0; i < r.rows(); ++i) {
    index.emplace(r.id(i, 0), out.size());
    ids.push_back(r.id(i, 0));
    out.push_back(read_pupil(r, i));
  }
  if (out.empty()) return out;
  static const std::string guardians_sql =
      std::string("SELECT g.pupil_id, ") + kGuardianColumns +
      " FROM unnest($1::bigint[]) AS k(id) CROSS JOIN LATERAL "
      "(SELECT * FROM guardians x WHERE x.pupil_id = k.id AND x.authority_until IS NULL "
      "OFFSET 0) g ORDER BY g.pupil_id, g.id";
  auto g = conn_.query_uncached(guardians_sql, Params().text_array(ids));
  for (int i = 0; i < g.rows(); ++i) {
    auto it = index.find(g.id(i, 0));
    if (it != index.end()) out[it->second].guardians.push_back(read_guardian(g, i, 1));
  }
  return out;
}

std::vector<domain::PupilFacts> PgTx::all_pupil_facts(const std::string& school_id) {
  auto r = conn_.query(
      "SELECT id, school_id, mentor_user_id, user_id FROM pupils WHERE school_id = $1 ORDER BY id",
      Params().id(school_id));
  std::vector<domain::PupilFacts> out;
  std::unordered_map<std::string, std::size_t> index;
  for (int i = 0; i < r.rows(); ++i) {
    index.emplace(r.id(i, 0), out.size());
    out.push_back({r.id(i, 0), r.id(i, 1), r.id(i, 2), r.id(i, 3), {}, {}});
  }
  auto g = conn_.query(
      "SELECT g.pupil_id, g.user_id FROM guardians g JOIN pupils p ON p.id = g.pupil_id WHERE "
      "p.school_id = $1 "
      "AND g.parental_authority AND g.user_id IS NOT NULL AND g.authority_until IS NULL",
      Params().id(school_id));
  for (int i = 0; i < g.rows(); ++i) {
    auto it = index.find(g.id(i, 0));
    if (it != index.end()) out[it->second].guardian_user_ids.push_back(g.id(i, 1));
  }
  return out;
}

void PgTx::write_name_tokens(const std::string& school_id, const std::string& pupil_id,
                             const std::string& search_name, bool replace) {
  if (replace)
    conn_.query("DELETE FROM pupil_name_tokens WHERE pupil_id = $1", Params().id(pupil_id));
  conn_.query(
      "INSERT INTO pupil_name_tokens(school_id, token, pupil_id) SELECT DISTINCT $1::bigint, "
      "token, $2::bigint "
      "FROM regexp_split_to_table($3, ' ') AS token WHERE token <> '' ON CONFLICT DO NOTHING",
      Params().id(school_id).id(pupil_id).text(search_name));
}

std::string PgTx::insert_guardian(const std::string& pupil_id, const domain::Guardian& g,
                                  domain::Millis at) {
  return conn_
      .query(
          "INSERT INTO guardians(pupil_id, name, relation, email, phone, parental_authority, "
          "guardian_number, authority_from) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
          Params()
              .id(pupil_id)
              .text(g.name)
              .text(g.relation)
              .optional(g.email)
              .optional(g.phone)
              .boolean(g.parental_authority)
              .optional(g.number)
              .integer(g.from.value_or(at)))
      .id(0, 0);
}

Pupil PgTx::insert_pupil(const Pupil& p) {
  require_write();
  Params params;
  params.id(p.school_id)
      .text(p.pupil_number)
      .text(p.given_name)
      .optional(p.name_prefix)
      .text(p.family_name);
  params.text(search_name(p))
      .text(domain::to_iso(p.date_of_birth))
      .optional(p.bsn)
      .optional(p.class_name);
  params.id(p.mentor_user_id);
  optional_date(params, p.enrolment_start);
  optional_date(params, p.enrolment_end);
  auto id =
      conn_
          .query(
              "INSERT INTO pupils(school_id, pupil_number, given_name, name_prefix, family_name, "
              "search_name, date_of_birth, bsn, class_name, mentor_user_id, enrolment_start, "
              "enrolment_end) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id",
              params)
          .id(0, 0);
  write_name_tokens(p.school_id, id, search_name(p), /*replace=*/false);
  Pupil out = p;
  out.id = id;
  out.version = 1;
  auto now = domain::now_millis();
  for (auto& g : out.guardians) {
    g.id = insert_guardian(id, g, now);
    g.from = g.from.value_or(now);
  }
  return out;
}

bool PgTx::update_pupil(const Pupil& p, std::int64_t expected_version, domain::Millis at) {
  require_write();
  Params params;
  params.text(p.pupil_number)
      .text(p.given_name)
      .optional(p.name_prefix)
      .text(p.family_name)
      .text(search_name(p));
  params.text(domain::to_iso(p.date_of_birth))
      .optional(p.bsn)
      .optional(p.class_name)
      .id(p.mentor_user_id);
  optional_date(params, p.enrolment_start);
  optional_date(params, p.enrolment_end);
  params.id(p.id).integer(expected_version);
  auto r = conn_.query(
      "UPDATE pupils SET pupil_number = $1, given_name = $2, name_prefix = $3, family_name = $4, "
      "search_name = $5, "
      "date_of_birth = $6, bsn = $7, class_name = $8, mentor_user_id = $9, enrolment_start = $10, "
      "enrolment_end = $11, version = version + 1 WHERE id = $12 AND version = $13 RETURNING "
      "school_id",
      params);
  if (r.rows() != 1) return false;
  write_name_tokens(r.id(0, 0), p.id, search_name(p), /*replace=*/true);
  // Guardians are matched by id, never by place: the kept ones are updated, the new ones
  // inserted, and whoever is no longer named is ended, with their open invitations.
  auto current = guardians_of(p.id);
  for (const auto& g : p.guardians) {
    if (g.id.empty()) {
      insert_guardian(p.id, g, at);
      continue;
    }
    auto updated = conn_.query(
        "UPDATE guardians SET name = $1, relation = $2, email = $3, phone = $4, "
        "parental_authority = $5, guardian_number = $6 WHERE id = $7 AND pupil_id = $8 AND "
        "authority_until IS NULL RETURNING id",
        Params()
            .text(g.name)
            .text(g.relation)
            .optional(g.email)
            .optional(g.phone)
            .boolean(g.parental_authority)
            .optional(g.number)
            .id(g.id)
            .id(p.id));
    if (updated.rows() != 1)
      throw StoreError("guardian " + g.id + " is not a current guardian of pupil " + p.id);
  }
  for (const auto& ended : domain::guardians_to_end(current, p.guardians)) {
    conn_.query("UPDATE guardians SET authority_until = $1 WHERE id = $2",
                Params().integer(at).id(ended));
    conn_.query(
        "UPDATE invitations SET revoked_at = $1 WHERE guardian_id = $2 AND accepted_at IS NULL "
        "AND revoked_at IS NULL",
        Params().integer(at).id(ended));
  }
  return true;
}

void PgTx::link_guardian_user(const std::string& guardian_id, const std::string& user_id) {
  require_write();
  conn_.query("UPDATE guardians SET user_id = $1 WHERE id = $2",
              Params().id(user_id).id(guardian_id));
}

void PgTx::link_pupil_user(const std::string& pupil_id, const std::string& user_id) {
  require_write();
  conn_.query("UPDATE pupils SET user_id = $1 WHERE id = $2", Params().id(user_id).id(pupil_id));
}

}  // namespace samen::store::postgres
