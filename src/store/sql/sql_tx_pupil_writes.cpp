// Writing pupils and their guardians: guardians keep their identity across updates
// (domain/guardian_identity.hpp).
#include "domain/guardian_identity.hpp"
#include "domain/text.hpp"
#include "store/sql/row_values.hpp"
#include "store/sql/sql_tx.hpp"

namespace samen::store::sql {
namespace {

std::string search_name(const domain::Pupil& p) {
  return domain::to_lower_ascii(domain::full_name(p));
}

}  // namespace

domain::Pupil SqlTx::insert_pupil(const domain::Pupil& p) {
  require_write();
  auto id = reserve_id("pupils");
  Params params;
  params.id(id).id(p.school_id).text(p.pupil_number).text(p.given_name).optional(p.name_prefix);
  params.text(p.family_name).text(search_name(p)).text(domain::to_iso(p.date_of_birth));
  params.optional(seal("pupils", "bsn", id, p.bsn));
  optional_text(params, blind_index("pupils", "bsn", p.bsn));
  params.optional(p.class_name).id(p.mentor_user_id);
  date(params, p.enrolment_start);
  date(params, p.enrolment_end);
  db().run(
      "INSERT INTO pupils(id, school_id, pupil_number, given_name, name_prefix, family_name, "
      "search_name, date_of_birth, bsn, bsn_index, class_name, mentor_user_id, "
      "enrolment_start, enrolment_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      params);
  write_name_tokens(p.school_id, id, search_name(p), /*replace=*/false);
  domain::Pupil out = p;
  out.id = id;
  out.version = 1;
  auto now = domain::now_millis();
  for (auto& g : out.guardians) {
    g.id = insert_guardian(id, g, now);
    g.from = g.from.value_or(now);
  }
  return out;
}

bool SqlTx::update_pupil(const domain::Pupil& p, std::int64_t expected_version, domain::Millis at) {
  require_write();
  Params params;
  params.text(p.pupil_number).text(p.given_name).optional(p.name_prefix).text(p.family_name);
  params.text(search_name(p)).text(domain::to_iso(p.date_of_birth));
  params.optional(seal("pupils", "bsn", p.id, p.bsn));
  optional_text(params, blind_index("pupils", "bsn", p.bsn));
  params.optional(p.class_name).id(p.mentor_user_id);
  date(params, p.enrolment_start);
  date(params, p.enrolment_end);
  params.id(p.id).integer(expected_version);
  std::string school_id;
  {
    auto r = db().query(
        "UPDATE pupils SET pupil_number = ?, given_name = ?, name_prefix = ?, family_name = ?, "
        "search_name = ?, date_of_birth = ?, bsn = ?, bsn_index = ?, class_name = ?, "
        "mentor_user_id = ?, "
        "enrolment_start = ?, enrolment_end = ?, version = version + 1 "
        "WHERE id = ? AND version = ? RETURNING school_id",
        params);
    if (!r->next()) return false;
    school_id = r->id(0);
  }
  write_name_tokens(school_id, p.id, search_name(p), /*replace=*/true);
  // Guardians are matched by id, never by place: the kept ones are updated, the new ones
  // inserted, and whoever is no longer named is ended, with their open invitations.
  auto current = guardians_of(p.id);
  for (const auto& g : p.guardians) {
    if (g.id.empty()) {
      insert_guardian(p.id, g, at);
      continue;
    }
    auto updated = db().run(
        "UPDATE guardians SET name = ?, relation = ?, email = ?, phone = ?, "
        "parental_authority = ?, guardian_number = ? WHERE id = ? AND pupil_id = ? AND "
        "authority_until IS NULL",
        Params()
            .text(g.name)
            .text(g.relation)
            .optional(g.email)
            .optional(g.phone)
            .boolean(g.parental_authority)
            .optional(g.number)
            .id(g.id)
            .id(p.id));
    if (updated != 1)
      throw StoreError("guardian " + g.id + " is not a current guardian of pupil " + p.id);
  }
  for (const auto& ended : domain::guardians_to_end(current, p.guardians)) {
    db().run("UPDATE guardians SET authority_until = ? WHERE id = ?",
             Params().integer(at).id(ended));
    db().run(
        "UPDATE invitations SET revoked_at = ? WHERE guardian_id = ? AND accepted_at IS NULL "
        "AND revoked_at IS NULL",
        Params().integer(at).id(ended));
  }
  return true;
}

void SqlTx::link_guardian_user(const std::string& guardian_id, const std::string& user_id) {
  require_write();
  db().run("UPDATE guardians SET user_id = ? WHERE id = ?", Params().id(user_id).id(guardian_id));
}

void SqlTx::link_pupil_user(const std::string& pupil_id, const std::string& user_id) {
  require_write();
  db().run("UPDATE pupils SET user_id = ? WHERE id = ?", Params().id(user_id).id(pupil_id));
}

}  // namespace samen::store::sql
