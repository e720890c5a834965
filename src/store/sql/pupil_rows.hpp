#pragma once
// How pupils and guardians are read, for the store's pupil methods (sql_tx_pupils.cpp) and
// the backends' own batch lookup for the import.
#include "domain/pupil.hpp"
#include "store/sql/sql.hpp"

namespace samen::store::sql {

// The columns SqlTx::read_pupil reads, from the pupils table as p joined with its mentor as u
// (SAMEN_PUPIL_FROM_MENTOR), then the mentor's name (column 13).
#define SAMEN_PUPIL_COLUMNS                                                                 \
  "SELECT p.id, p.school_id, p.pupil_number, p.given_name, coalesce(p.name_prefix, ''), "   \
  "p.family_name, p.date_of_birth, coalesce(p.bsn, ''), coalesce(p.class_name, ''), "       \
  "p.mentor_user_id, p.enrolment_start, p.enrolment_end, p.version, coalesce(u.name, ''), " \
  "p.user_id "
#define SAMEN_PUPIL_MENTOR_JOIN " LEFT JOIN users u ON u.id = p.mentor_user_id "

// A guardian's columns, current and ended alike (g: the guardians table).
#define SAMEN_GUARDIAN_COLUMNS                                                           \
  "g.id, g.name, g.relation, coalesce(g.email, ''), coalesce(g.phone, ''), "             \
  "g.parental_authority, g.user_id, coalesce(g.guardian_number, ''), g.authority_from, " \
  "g.authority_until"

// (A pupil is read by SqlTx::read_pupil, which opens the sealed BSN.)
// One guardian from SAMEN_GUARDIAN_COLUMNS, which start at column `c`.
domain::Guardian read_guardian(const Rows& r, int c);

}  // namespace samen::store::sql
