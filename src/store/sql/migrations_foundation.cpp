// The first three migrations, the schema's foundation: accounts, pupils and the audit log
// (1), the name search (2), cases and lawful sharing (3). The later ones are in
// migrations.cpp, which lists them all.
#include "store/sql/migrations_foundation.hpp"

namespace samen::store::sql {
namespace {

constexpr const char* kInitial = R"SQL(
CREATE TABLE regions (
  id {key},
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE organisations (
  id {key},
  region_id {int} NOT NULL REFERENCES regions(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('school','municipality','care_provider','partnership',
                                     'health_service','neighbourhood_team')),
  school_type TEXT CHECK (school_type IN ('primary','secondary','special','practical','cluster4')),
  active {bool} NOT NULL DEFAULT {true},
  version {int} NOT NULL DEFAULT 1,
  UNIQUE (region_id, name)
);

CREATE TABLE users (
  id {key},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active {bool} NOT NULL DEFAULT {true},
  version {int} NOT NULL DEFAULT 1
);

CREATE TABLE memberships (
  id {key},
  user_id {int} NOT NULL REFERENCES users(id),
  organisation_id {int} NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL,
  active {bool} NOT NULL DEFAULT {true},
  UNIQUE (user_id, organisation_id, role)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {int} NOT NULL REFERENCES users(id),
  membership_id {int} NOT NULL REFERENCES memberships(id),
  created_at {int} NOT NULL,
  last_seen_at {int} NOT NULL,
  revoked {bool} NOT NULL DEFAULT {false}
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  id {key},
  account_key TEXT NOT NULL,
  address TEXT NOT NULL,
  at {int} NOT NULL
);
CREATE INDEX login_failures_account ON login_failures(account_key, at);
CREATE INDEX login_failures_address ON login_failures(address, at);

CREATE TABLE pupils (
  id {key},
  school_id {int} NOT NULL REFERENCES organisations(id),
  pupil_number TEXT NOT NULL,
  given_name TEXT NOT NULL,
  name_prefix TEXT,
  family_name TEXT NOT NULL,
  search_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  bsn TEXT,
  class_name TEXT,
  mentor_user_id {int} REFERENCES users(id),
  user_id {int} REFERENCES users(id),
  enrolment_start TEXT,
  enrolment_end TEXT,
  version {int} NOT NULL DEFAULT 1,
  UNIQUE (school_id, pupil_number)
);
CREATE INDEX pupils_school_class ON pupils(school_id, class_name);
CREATE INDEX pupils_school_name ON pupils(school_id, family_name, given_name, id);
CREATE INDEX pupils_mentor ON pupils(mentor_user_id);
CREATE INDEX pupils_user ON pupils(user_id);

CREATE TABLE guardians (
  id {key},
  pupil_id {int} NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  relation TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  parental_authority {bool} NOT NULL DEFAULT {true},
  user_id {int} REFERENCES users(id)
);
CREATE INDEX guardians_pupil ON guardians(pupil_id, position);
CREATE INDEX guardians_user ON guardians(user_id);

CREATE TABLE audit_log (
  seq {int} PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_organisation_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  region_id TEXT NOT NULL,
  action TEXT NOT NULL,
  pupil_id TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  request_id TEXT NOT NULL,
  client_address TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_pupil ON audit_log(pupil_id, seq);
CREATE INDEX audit_actor ON audit_log(actor_user_id, seq);
CREATE INDEX audit_region ON audit_log(region_id, seq);

-- The audit log is append-only: the database itself refuses changes, so a bug or a
-- careless script cannot rewrite history. (Someone editing the file directly is caught
-- by the hash chain instead.)
{append_only audit_log audit_log is append-only}
)SQL";

// Name search by word prefix: one row per word of each pupil's search_name, per school.
// The store writes the rows with the pupil (sqlite_tx_pupils.cpp); this backfills them.
constexpr const char* kPupilNameTokens = R"SQL(
CREATE TABLE pupil_name_tokens (
  school_id {int} NOT NULL,
  token TEXT{c_collate} NOT NULL,
  pupil_id {int} NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  PRIMARY KEY (school_id, token, pupil_id)
) {without_rowid};
CREATE INDEX pupil_name_tokens_pupil ON pupil_name_tokens(pupil_id);
)SQL";
constexpr const char* kPupilNameTokensSqlite = R"SQL(
INSERT OR IGNORE INTO pupil_name_tokens(school_id, token, pupil_id)
WITH RECURSIVE split(school_id, pupil_id, rest, token) AS (
  SELECT school_id, id, search_name || ' ', '' FROM pupils
  UNION ALL
  SELECT school_id, pupil_id, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1)
  FROM split WHERE rest <> ''
)
SELECT school_id, token, pupil_id FROM split WHERE token <> '';
)SQL";
constexpr const char* kPupilNameTokensPostgres = R"SQL(
INSERT INTO pupil_name_tokens(school_id, token, pupil_id)
SELECT DISTINCT school_id, token, id FROM pupils, regexp_split_to_table(search_name, ' ') AS token
WHERE token <> ''
ON CONFLICT DO NOTHING;
)SQL";

// Cases and lawful sharing (issue 5). Instants are integer milliseconds (UTC), calendar
// dates ISO text, booleans 0/1. Sets of codes or ids (categories, roles, organisation and
// guardian ids) are comma-separated text: see docs/decisions.md ("Cases — schema").
constexpr const char* kCases = R"SQL(
CREATE TABLE cases (
  id {key},
  pupil_id {int} NOT NULL REFERENCES pupils(id),
  school_id {int} NOT NULL REFERENCES organisations(id),
  lead_membership_id {int} REFERENCES memberships(id),
  categories TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  status TEXT NOT NULL CHECK (status IN ('open','closed')),
  outcome TEXT CHECK (outcome IN ('goals_met','referred_on','moved_school','dropped_out','other')),
  outcome_note TEXT,
  review_date TEXT,
  opened_by_user_id {int} NOT NULL REFERENCES users(id),
  opened_at {int} NOT NULL,
  closed_at {int},
  version {int} NOT NULL DEFAULT 1
);
CREATE INDEX cases_school ON cases(school_id, status, id);
CREATE INDEX cases_pupil ON cases(pupil_id, status);
CREATE INDEX cases_lead ON cases(lead_membership_id);

CREATE TABLE case_team (
  id {key},
  case_id {int} NOT NULL REFERENCES cases(id),
  membership_id {int} NOT NULL REFERENCES memberships(id),
  reason TEXT NOT NULL,
  added_by_user_id {int} NOT NULL REFERENCES users(id),
  added_at {int} NOT NULL,
  removed_at {int},
  removed_by_user_id {int} REFERENCES users(id)
);
CREATE INDEX case_team_case ON case_team(case_id, id);
CREATE INDEX case_team_membership ON case_team(membership_id, case_id);
-- A membership sits at a case's table at most once at a time.
CREATE UNIQUE INDEX case_team_active ON case_team(case_id, membership_id) WHERE removed_at IS NULL;

CREATE TABLE case_level_changes (
  id {key},
  case_id {int} NOT NULL REFERENCES cases(id),
  from_level INTEGER CHECK (from_level BETWEEN 1 AND 5),
  to_level INTEGER NOT NULL CHECK (to_level BETWEEN 1 AND 5),
  reason TEXT NOT NULL,
  changed_by_user_id {int} NOT NULL REFERENCES users(id),
  changed_by_membership_id {int} REFERENCES memberships(id),
  changed_at {int} NOT NULL
);
CREATE INDEX case_level_changes_case ON case_level_changes(case_id, id);

CREATE TABLE case_goals (
  id {key},
  case_id {int} NOT NULL REFERENCES cases(id),
  text TEXT NOT NULL,
  created_by_user_id {int} NOT NULL REFERENCES users(id),
  created_at {int} NOT NULL,
  achieved_at {int},
  version {int} NOT NULL DEFAULT 1
);
CREATE INDEX case_goals_case ON case_goals(case_id, id);

CREATE TABLE case_actions (
  id {key},
  case_id {int} NOT NULL REFERENCES cases(id),
  text TEXT NOT NULL,
  owner_membership_id {int} REFERENCES memberships(id),
  due_date TEXT,
  created_by_user_id {int} NOT NULL REFERENCES users(id),
  created_at {int} NOT NULL,
  done_at {int},
  version {int} NOT NULL DEFAULT 1
);
CREATE INDEX case_actions_case ON case_actions(case_id, id);
CREATE INDEX case_actions_owner ON case_actions(owner_membership_id, done_at);

CREATE TABLE signals (
  id {key},
  pupil_id {int} NOT NULL REFERENCES pupils(id),
  school_id {int} NOT NULL REFERENCES organisations(id),
  author_user_id {int} NOT NULL REFERENCES users(id),
  author_membership_id {int} NOT NULL REFERENCES memberships(id),
  author_organisation_id {int} NOT NULL REFERENCES organisations(id),
  author_role TEXT NOT NULL,
  categories TEXT NOT NULL,
  urgency TEXT NOT NULL CHECK (urgency IN ('normal','soon','urgent')),
  text TEXT NOT NULL,
  created_at {int} NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','advice','case')),
  triaged_by_user_id {int} REFERENCES users(id),
  triaged_by_membership_id {int} REFERENCES memberships(id),
  triaged_at {int},
  advice TEXT,
  case_id {int} REFERENCES cases(id),
  version {int} NOT NULL DEFAULT 1
);
CREATE INDEX signals_school ON signals(school_id, status, id);
CREATE INDEX signals_pupil ON signals(pupil_id, id);

-- The chronology. Entries are never changed: a correction is a new entry naming the one
-- it corrects. The database refuses UPDATE and DELETE, as for the audit log.
CREATE TABLE entries (
  id {key},
  case_id {int} NOT NULL REFERENCES cases(id),
  pupil_id {int} NOT NULL REFERENCES pupils(id),
  author_user_id {int} NOT NULL REFERENCES users(id),
  author_membership_id {int} NOT NULL REFERENCES memberships(id),
  author_organisation_id {int} NOT NULL REFERENCES organisations(id),
  author_role TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('observation','conversation','note','decision','signal',
                                     'triage','level_change','team_change','goal','action',
                                     'safety_decision','consent','closure','family_view')),
  category TEXT NOT NULL CHECK (category IN ('attendance','behaviour','learning','wellbeing',
                                             'home','health','safety')),
  audience TEXT NOT NULL CHECK (audience IN ('private','discipline','school','case_team')),
  family_visible {bool} NOT NULL,
  text TEXT NOT NULL,
  corrects_entry_id {int} REFERENCES entries(id),
  created_at {int} NOT NULL
);
CREATE INDEX entries_case ON entries(case_id, created_at, id);
CREATE INDEX entries_pupil ON entries(pupil_id, id);
CREATE INDEX entries_corrects ON entries(corrects_entry_id);
{append_only entries entries are append-only}

CREATE TABLE consent_grants (
  id {key},
  pupil_id {int} NOT NULL REFERENCES pupils(id),
  given_by_guardian_ids TEXT NOT NULL,
  given_by_pupil {bool} NOT NULL,
  recipient_organisation_ids TEXT NOT NULL,
  recipient_roles TEXT NOT NULL,
  recipient_guardians {bool} NOT NULL,
  categories TEXT NOT NULL,
  valid_from {int} NOT NULL,
  valid_until {int},
  text TEXT NOT NULL,
  recorded_by_user_id {int} NOT NULL REFERENCES users(id),
  recorded_at {int} NOT NULL,
  withdrawn_at {int},
  withdrawn_by_guardian_id {int},
  withdrawn_by_pupil {bool} NOT NULL DEFAULT {false},
  withdrawn_by_user_id {int} REFERENCES users(id),
  version {int} NOT NULL DEFAULT 1
);
CREATE INDEX consent_grants_pupil ON consent_grants(pupil_id, id);

CREATE TABLE safety_decisions (
  id {key},
  case_id {int} NOT NULL REFERENCES cases(id),
  decided_by_user_id {int} NOT NULL REFERENCES users(id),
  decided_by_membership_id {int} REFERENCES memberships(id),
  reason TEXT NOT NULL,
  steps TEXT NOT NULL,
  organisation_ids TEXT NOT NULL,
  valid_from {int} NOT NULL,
  valid_until {int} NOT NULL,
  recorded_at {int} NOT NULL
);
CREATE INDEX safety_decisions_case ON safety_decisions(case_id, id);
)SQL";

}  // namespace

std::vector<Migration> foundation_migrations() {
  return {
      {1, "initial schema: regions, organisations, users, sessions, pupils, audit log", kInitial},
      {2, "pupil name search by word prefix", kPupilNameTokens, kPupilNameTokensSqlite,
       kPupilNameTokensPostgres},
      {3, "cases: signals, case teams, levels, goals, actions, chronology, consent, safety",
       kCases},
  };
}

}  // namespace samen::store::sql
