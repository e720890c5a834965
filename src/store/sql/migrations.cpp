#include "store/sql/migrations.hpp"

#include "store/sql/migrations_foundation.hpp"

namespace samen::store::sql {

namespace {

// Invitations for family logins (issue 5): a one-time token, stored only as its hash.
constexpr const char* kInvitations = R"SQL(
CREATE TABLE invitations (
  id {key},
  pupil_id {int} NOT NULL REFERENCES pupils(id),
  guardian_id {int},
  for_pupil {bool} NOT NULL DEFAULT {false},
  email TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_by_user_id {int} NOT NULL REFERENCES users(id),
  created_at {int} NOT NULL,
  expires_at {int} NOT NULL,
  accepted_at {int},
  accepted_user_id {int} REFERENCES users(id)
);
CREATE INDEX invitations_pupil ON invitations(pupil_id, id);
)SQL";

// Parties who sign a consent grant after it was recorded (co-signing), each with the moment
// from which they count: "pupil@<millis>" or "<guardian id>@<millis>", comma-separated.
constexpr const char* kConsentCosigning = R"SQL(
ALTER TABLE consent_grants ADD COLUMN later_signatures TEXT NOT NULL DEFAULT '';
)SQL";

// Invitations the school revokes (a wrongly addressed link): when and by whom.
constexpr const char* kInvitationRevocation = R"SQL(
ALTER TABLE invitations ADD COLUMN revoked_at {int};
ALTER TABLE invitations ADD COLUMN revoked_by_user_id {int} REFERENCES users(id);
)SQL";

// Per-user keys for the drafts the web UI keeps in the browser (issue 11): the browser
// encrypts every draft with its user's key, which it holds in memory only, so a draft left
// on a shared computer is unreadable until the same user logs in again.
constexpr const char* kDraftKeys = R"SQL(
CREATE TABLE draft_keys (
  user_id {int} PRIMARY KEY REFERENCES users(id),
  draft_key TEXT NOT NULL,
  created_at {int} NOT NULL
);
)SQL";

// The login limit per (account, address) pair, and the privacy officer's report of
// membership changes, read from the audit log by region and resource type.
constexpr const char* kAccountLimits = R"SQL(
CREATE INDEX login_failures_account_address ON login_failures(account_key, address, at);
CREATE INDEX audit_region_resource ON audit_log(region_id, resource_type, seq);
)SQL";

// Guardians are people, not places in a list (issue 11): the position goes, the school
// system's guardian number comes, and parental authority gets a history. A guardian who
// leaves the record is ended (authority_until), never deleted, so consents keep naming
// who gave them. Guardians recorded before this have no known start (NULL).
constexpr const char* kGuardianIdentity = R"SQL(
DROP INDEX guardians_pupil;
ALTER TABLE guardians DROP COLUMN position;
ALTER TABLE guardians ADD COLUMN guardian_number TEXT;
ALTER TABLE guardians ADD COLUMN authority_from {int};
ALTER TABLE guardians ADD COLUMN authority_until {int};
CREATE INDEX guardians_pupil ON guardians(pupil_id, id);
)SQL";

// Consent from the family, not from the one it benefits (issue 11): how a grant was
// obtained, whether it awaits confirmation (a professional recorded it to their own
// benefit) and who confirmed it when (a second professional, or the family's own signatures
// in the portal, "pupil@<millis>" or "<guardian id>@<millis>"); and consent requests the
// family answers in the portal. Grants recorded before stay as they counted ('unknown').
constexpr const char* kConsentFromFamily = R"SQL(
ALTER TABLE consent_grants ADD COLUMN obtained_via TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE consent_grants ADD COLUMN awaits_confirmation {bool} NOT NULL DEFAULT {false};
ALTER TABLE consent_grants ADD COLUMN confirmed_at {int};
ALTER TABLE consent_grants ADD COLUMN confirmed_by_user_id {int} REFERENCES users(id);
ALTER TABLE consent_grants ADD COLUMN confirmed_by_membership_id {int} REFERENCES memberships(id);
ALTER TABLE consent_grants ADD COLUMN recorded_by_membership_id {int} REFERENCES memberships(id);
ALTER TABLE consent_grants ADD COLUMN family_confirmations TEXT NOT NULL DEFAULT '';

CREATE TABLE consent_requests (
  id {key},
  pupil_id {int} NOT NULL REFERENCES pupils(id),
  recipient_organisation_ids TEXT NOT NULL,
  recipient_roles TEXT NOT NULL,
  categories TEXT NOT NULL,
  valid_from {int} NOT NULL,
  valid_until {int},
  text TEXT NOT NULL,
  sent_by_user_id {int} NOT NULL REFERENCES users(id),
  sent_by_membership_id {int} NOT NULL REFERENCES memberships(id),
  sent_at {int} NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  agreements TEXT NOT NULL DEFAULT '',
  closed_at {int},
  declined_by_guardian_id {int},
  declined_by_pupil {bool} NOT NULL DEFAULT {false},
  grant_id {int} REFERENCES consent_grants(id),
  version {int} NOT NULL DEFAULT 1
);
CREATE INDEX consent_requests_pupil ON consent_requests(pupil_id, id);
)SQL";

// Signed checkpoints of the audit chain's head (issue 11): append-only like the log, so a
// careless script cannot drop them; someone who drops them anyway is caught against a copy
// the school board holds (samen audit checkpoints export).
constexpr const char* kAuditCheckpoints = R"SQL(
CREATE TABLE audit_checkpoints (
  id {key},
  seq {int} NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
);
CREATE INDEX audit_checkpoints_seq ON audit_checkpoints(seq);
{append_only audit_checkpoints audit_checkpoints is append-only}
)SQL";

// One-time links to set a password (issue 12: samen init's first administrator): only the
// token's keyed hash is stored, like an invitation's.
constexpr const char* kPasswordSetups = R"SQL(
CREATE TABLE password_setups (
  id {key},
  user_id {int} NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at {int} NOT NULL,
  expires_at {int} NOT NULL,
  used_at {int}
);
CREATE INDEX password_setups_user ON password_setups(user_id);
)SQL";

// Encryption at rest (sql/sealing.hpp): the BSN's blind index beside the sealed BSN, and the
// chronology stays append-only except that a key rotation may re-seal a text. SQLite's
// trigger names every other column: one added to entries later must be added there.
constexpr const char* kSealedFields = R"SQL(
ALTER TABLE pupils ADD COLUMN bsn_index TEXT;
CREATE INDEX pupils_bsn_index ON pupils(school_id, bsn_index) WHERE bsn_index IS NOT NULL;
)SQL";
constexpr const char* kSealedFieldsSqlite = R"SQL(
DROP TRIGGER entries_no_update;
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.pupil_id IS NOT OLD.pupil_id
  OR NEW.author_user_id IS NOT OLD.author_user_id
  OR NEW.author_membership_id IS NOT OLD.author_membership_id
  OR NEW.author_organisation_id IS NOT OLD.author_organisation_id
  OR NEW.author_role IS NOT OLD.author_role OR NEW.kind IS NOT OLD.kind
  OR NEW.category IS NOT OLD.category OR NEW.audience IS NOT OLD.audience
  OR NEW.family_visible IS NOT OLD.family_visible
  OR NEW.corrects_entry_id IS NOT OLD.corrects_entry_id OR NEW.created_at IS NOT OLD.created_at
  OR substr(NEW.text, 1, 5) <> 'enc1:'
BEGIN SELECT RAISE(ABORT, 'entries are append-only (a key rotation may only re-seal a text)'); END;
)SQL";
constexpr const char* kSealedFieldsPostgres = R"SQL(
CREATE OR REPLACE FUNCTION entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND left(NEW.text, 5) = 'enc1:'
     AND (to_jsonb(NEW) - 'text') = (to_jsonb(OLD) - 'text') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'entries are append-only (a key rotation may only re-seal a text)';
END $$;
)SQL";

// The care team's meetings (issue 14, store/meeting_records.hpp): series with standing
// members, meetings planned from them, and their agenda items. Attendees are not stored.
constexpr const char* kMeetings = R"SQL(
CREATE TABLE meeting_series (
  id {key},
  school_id {int} NOT NULL REFERENCES organisations(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  chair_membership_id {int} NOT NULL REFERENCES memberships(id),
  weekday {int} NOT NULL,
  start_minute {int} NOT NULL,
  duration_minutes {int} NOT NULL,
  interval_weeks {int} NOT NULL,
  place TEXT NOT NULL,
  video_link TEXT NOT NULL,
  skipped_weeks TEXT NOT NULL,
  created_by_user_id {int} NOT NULL REFERENCES users(id),
  created_at {int} NOT NULL,
  version {int} NOT NULL DEFAULT 1
);
CREATE INDEX meeting_series_school ON meeting_series(school_id);
CREATE TABLE meeting_series_members (
  series_id {int} NOT NULL REFERENCES meeting_series(id),
  membership_id {int} NOT NULL REFERENCES memberships(id),
  PRIMARY KEY (series_id, membership_id)
);
CREATE TABLE meetings (
  id {key},
  series_id {int} NOT NULL REFERENCES meeting_series(id),
  school_id {int} NOT NULL REFERENCES organisations(id),
  kind TEXT NOT NULL,
  starts_at {int} NOT NULL,
  duration_minutes {int} NOT NULL,
  place TEXT NOT NULL,
  video_link TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at {int} NOT NULL,
  version {int} NOT NULL DEFAULT 1
);
CREATE INDEX meetings_school_start ON meetings(school_id, starts_at);
CREATE INDEX meetings_series_start ON meetings(series_id, starts_at);
CREATE TABLE meeting_items (
  id {key},
  meeting_id {int} NOT NULL REFERENCES meetings(id),
  position {int} NOT NULL,
  case_id {int} REFERENCES cases(id),
  signal_id {int} REFERENCES signals(id),
  pupil_id {int} NOT NULL REFERENCES pupils(id),
  reason TEXT NOT NULL,
  reasons TEXT NOT NULL,
  categories TEXT NOT NULL,
  starts_at {int}
);
CREATE INDEX meeting_items_meeting ON meeting_items(meeting_id, position);
)SQL";

// Notifications and the mail queue (issue 14, store/notification_records.hpp). A mail is
// claimed by one sender at a time through its lease, so several servers share one queue.
constexpr const char* kNotifications = R"SQL(
CREATE TABLE notifications (
  id {key},
  user_id {int} NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at {int} NOT NULL,
  read_at {int},
  digest_pending {bool} NOT NULL DEFAULT {false}
);
CREATE INDEX notifications_user ON notifications(user_id, created_at);
CREATE TABLE notification_settings (
  user_id {int} PRIMARY KEY REFERENCES users(id),
  email TEXT NOT NULL,
  last_digest_at {int},
  version {int} NOT NULL DEFAULT 1
);
CREATE TABLE mail_queue (
  id {key},
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  calendar TEXT NOT NULL,
  purpose TEXT NOT NULL,
  user_id {int} REFERENCES users(id),
  created_at {int} NOT NULL,
  attempts {int} NOT NULL DEFAULT 0,
  next_attempt_at {int} NOT NULL,
  lease_until {int} NOT NULL DEFAULT 0,
  sent_at {int},
  failed_at {int},
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_queue_due ON mail_queue(next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
)SQL";

// The minutes of a meeting (issue 14, store/meeting_records.hpp MeetingMinutesRecord).
constexpr const char* kMeetingMinutes = R"SQL(
ALTER TABLE meetings ADD COLUMN minutes_closed_at {int};
ALTER TABLE meetings ADD COLUMN minutes_closed_by {int} REFERENCES users(id);
CREATE TABLE meeting_minutes (
  id {key},
  meeting_id {int} NOT NULL REFERENCES meetings(id),
  item_id {int} NOT NULL UNIQUE REFERENCES meeting_items(id),
  present TEXT NOT NULL,
  summary TEXT NOT NULL,
  decisions TEXT NOT NULL,
  category TEXT NOT NULL,
  audience TEXT NOT NULL,
  family_visible {bool} NOT NULL,
  action_ids TEXT NOT NULL,
  entry_id {int} REFERENCES entries(id),
  updated_by_user_id {int} NOT NULL REFERENCES users(id),
  updated_at {int} NOT NULL,
  version {int} NOT NULL DEFAULT 1
);
CREATE INDEX meeting_minutes_meeting ON meeting_minutes(meeting_id);
CREATE INDEX meeting_items_case ON meeting_items(case_id);
)SQL";

// Personal calendar feeds (issue 14, store/notification_records.hpp CalendarFeedRecord).
constexpr const char* kCalendarFeeds = R"SQL(
CREATE TABLE calendar_feeds (
  user_id {int} PRIMARY KEY REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at {int} NOT NULL
);
)SQL";

// Cases put forward for the case consultation (issue 14, store/meeting_records.hpp
// PutForwardRecord). At most one open per case: the partial index says so to the store.
constexpr const char* kPutForwards = R"SQL(
CREATE TABLE case_put_forwards (
  id {key},
  case_id {int} NOT NULL REFERENCES cases(id),
  school_id {int} NOT NULL REFERENCES organisations(id),
  membership_id {int} NOT NULL REFERENCES memberships(id),
  user_id {int} NOT NULL REFERENCES users(id),
  question TEXT NOT NULL,
  created_at {int} NOT NULL,
  settled_at {int},
  settled_how TEXT NOT NULL DEFAULT '',
  settled_meeting_id {int} REFERENCES meetings(id),
  settled_by_user_id {int} REFERENCES users(id)
);
CREATE UNIQUE INDEX case_put_forwards_open ON case_put_forwards(case_id) WHERE settled_at IS NULL;
CREATE INDEX case_put_forwards_school ON case_put_forwards(school_id) WHERE settled_at IS NULL;
)SQL";

// Reminders the clock gave (issue 14, store/notification_records.hpp ReminderDue), so each
// is given once, also with several servers; the partial indexes find what is due.
constexpr const char* kReminders = R"SQL(
CREATE TABLE reminders (
  kind TEXT NOT NULL,
  subject_id {int} NOT NULL,
  date TEXT NOT NULL,
  given_at {int} NOT NULL,
  PRIMARY KEY (kind, subject_id, date)
);
CREATE INDEX case_actions_due ON case_actions(due_date) WHERE done_at IS NULL;
CREATE INDEX cases_review ON cases(review_date) WHERE status = 'open';
)SQL";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = [] {
    std::vector<Migration> list = foundation_migrations();
    list.insert(
        list.end(),
        {
            {4, "invitations for family logins", kInvitations},
            {5, "revoking invitations", kInvitationRevocation},
            {6, "co-signing consent grants", kConsentCosigning},
            {7, "draft keys for the web UI's encrypted drafts", kDraftKeys},
            {8, "login limit per account and address; membership report", kAccountLimits},
            {9, "guardians with identity and a history of parental authority", kGuardianIdentity},
            {10, "consent from the family: confirmation of grants, consent requests",
             kConsentFromFamily},
            {11, "signed checkpoints of the audit chain", kAuditCheckpoints},
            {12, "one-time links to set a password", kPasswordSetups},
            {13, "encryption at rest: BSN blind index, re-sealing entries", kSealedFields,
             kSealedFieldsSqlite, kSealedFieldsPostgres},
            {14, "the care team's meetings: series, meetings, agenda items", kMeetings},
            {15, "notifications, e-mail choices and the mail queue", kNotifications},
            {16, "the minutes of a meeting, per item; a case's meetings", kMeetingMinutes},
            {17, "personal calendar feeds", kCalendarFeeds},
            {18, "cases put forward for the case consultation", kPutForwards},
            {19, "reminders of overdue actions and coming reviews", kReminders},
        });
    return list;
  }();
  return all;
}

}  // namespace samen::store::sql
