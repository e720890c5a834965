#pragma once
// The Store: everything the layers above need from persistent storage, as an interface.
// Its methods are written once (sql/sql_tx.hpp) over a small connection seam
// (sql/sql.hpp) that sqlite/ and postgres/ implement. Work happens in
// transactions: a ReadTx is one consistent snapshot for a request's reads; a WriteTx is
// the single writer's transaction. Savepoints let the group-commit writer run several
// requests' writes in one transaction and undo one of them without the others.
//
// Errors: methods throw StoreError only for failures the caller cannot cause (I/O,
// corruption, a broken invariant). Conflicts a user can cause are return values.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/entry_filter.hpp"
#include "domain/policy.hpp"
#include "security/key_rotation.hpp"
#include "store/case_records.hpp"
#include "store/invitation_records.hpp"
#include "store/meeting_records.hpp"
#include "store/notification_records.hpp"
#include "store/password_setup_records.hpp"
#include "store/records.hpp"
#include "store/table_copy.hpp"

namespace samen::store {

class StoreError : public std::runtime_error {
 public:
  explicit StoreError(const std::string& what, bool retryable = false)
      : std::runtime_error(what), retryable_(retryable) {}
  // A conflict with a concurrent transaction (serialization failure, deadlock): nothing
  // is wrong with the work itself, and running the whole transaction again may succeed.
  bool retryable() const { return retryable_; }

 private:
  bool retryable_ = false;
};

// A signed statement "the audit chain had this head": the server signs (seq, hash, at,
// key_id) with its Ed25519 audit key at an interval and at shutdown (audit/checkpoint.hpp).
// Several servers of one deployment sign with the same key; their rows simply interleave.
struct AuditCheckpoint {
  std::int64_t seq = 0;
  std::string hash;
  std::string at;         // ISO 8601 UTC, when it was signed
  std::string key_id;     // which public key verifies it
  std::string signature;  // hex, 64 bytes
};

class ReadTx {
 public:
  virtual ~ReadTx() = default;

  virtual std::optional<Region> region(const std::string& id) = 0;
  virtual std::vector<Region> regions() = 0;
  virtual std::optional<Organisation> organisation(const std::string& id) = 0;
  virtual std::vector<Organisation> organisations(const std::string& region_id) = 0;

  virtual std::optional<User> user(const std::string& id) = 0;
  virtual std::optional<User> user_by_email(const std::string& email) = 0;
  virtual std::vector<User> users_in_region(const std::string& region_id) = 0;
  virtual std::vector<Membership> memberships_of(const std::string& user_id) = 0;
  virtual MembershipHoldings holdings_of_membership(const std::string& membership_id) = 0;
  virtual std::optional<Membership> membership(const std::string& id) = 0;

  virtual std::optional<Session> session(const std::string& token_hash) = 0;
  virtual std::optional<SessionPrincipal> session_principal(const std::string& token_hash) = 0;
  // Failed logins in the window, per account, per client address and per both (login limit).
  virtual LoginFailureCounts login_failures(const std::string& account_key,
                                            const std::string& address, domain::Millis since) = 0;
  // The key a user's browser encrypts form drafts with (base64url of 32 random bytes), or
  // nullopt before the first one was made. The same for every session of the user.
  virtual std::optional<std::string> draft_key(const std::string& user_id) = 0;

  virtual std::optional<PupilRecord> pupil(const std::string& id) = 0;
  virtual std::optional<std::string> pupil_id_by_number(const std::string& school_id,
                                                        const std::string& pupil_number) = 0;
  // With case_table_membership_ids: the lead and open seats of the pupil's open cases.
  virtual std::optional<domain::PupilFacts> pupil_facts(const std::string& id) = 0;
  // Those memberships alone, for a caller that has the pupil record already.
  virtual std::vector<std::string> case_table_membership_ids(const std::string& pupil_id) = 0;
  virtual std::vector<PupilRecord> pupils(const domain::PupilScope& scope, const PupilQuery& q) = 0;
  // The pupils of a school that have one of these numbers, with guardians, in no
  // particular order; numbers that match nobody are left out. For the import, which looks
  // up one batch of rows at a time (a thousand) rather than holding the whole school.
  virtual std::vector<domain::Pupil> pupils_by_number(const std::string& school_id,
                                                      const std::vector<std::string>& numbers) = 0;
  virtual std::vector<domain::PupilFacts> all_pupil_facts(const std::string& school_id) = 0;
  // pupil id → display name (domain::full_name) for many pupils in one query, for listings
  // that name the pupil beside each row (signals, cases); unknown ids are absent.
  virtual std::map<std::string, std::string> pupil_names(const std::vector<std::string>& ids) = 0;

  virtual std::optional<AuditRow> audit_head() = 0;
  // Rows with seq in [from_seq, from_seq + limit), ascending: for the verifier.
  virtual std::vector<AuditRow> audit_range(std::int64_t from_seq, int limit) = 0;
  virtual std::vector<AuditRow> audit_search(const AuditQuery& q) = 0;
  // The allowed changes of access audited in a region (memberships and users created,
  // activated, deactivated), newest first, with seq < before_seq when that is not 0: the
  // privacy officer's report of new access.
  virtual std::vector<AuditRow> membership_changes(const std::string& region_id,
                                                   std::int64_t before_seq, int limit) = 0;
  // Every checkpoint, by seq then time: for the verifier and the export.
  virtual std::vector<AuditCheckpoint> audit_checkpoints() = 0;

  // Cases and lawful sharing (case_records.hpp). These return data; the API layer asks
  // the policy (domain/policy_entries.hpp) before showing any of it.
  virtual std::optional<SignalRecord> signal(const std::string& id) = 0;
  // Open signals of a school, oldest first: the care coordinator's triage queue.
  virtual std::vector<SignalRecord> open_signals(const std::string& school_id) = 0;
  virtual std::vector<SignalRecord> signals_of_pupil(const std::string& pupil_id) = 0;

  // A case with its team (every seat, removed ones too) and level history.
  virtual std::optional<CaseRecord> case_record(const std::string& id) = 0;
  // Cases without team and history, newest first; open_only drops closed ones.
  virtual std::vector<CaseRecord> cases_of_school(const std::string& school_id, bool open_only) = 0;
  virtual std::vector<CaseRecord> cases_of_pupil(const std::string& pupil_id) = 0;
  // Cases where one of the memberships is the lead or has a seat at the table now.
  virtual std::vector<CaseRecord> cases_of_memberships(
      const std::vector<std::string>& membership_ids) = 0;
  virtual std::vector<GoalRecord> goals_of_case(const std::string& case_id) = 0;
  virtual std::vector<ActionRecord> actions_of_case(const std::string& case_id) = 0;
  virtual std::optional<GoalRecord> goal(const std::string& id) = 0;
  virtual std::optional<ActionRecord> action(const std::string& id) = 0;

  // What the policy needs (domain/case.hpp): the case with its current team, the pupil's
  // school, date of birth and login, and the guardians.
  virtual std::optional<domain::CaseFacts> case_facts(const std::string& case_id) = 0;
  // The same for many cases at once (listings), in one query per table; unknown ids are
  // left out, the rest come in the order asked.
  virtual std::vector<domain::CaseFacts> case_facts_of(
      const std::vector<std::string>& case_ids) = 0;
  // The chronology in time order (created_at, then id), with corrections linked.
  virtual std::vector<EntryRecord> entries_of_case(const std::string& case_id) = 0;
  // What GET /api/cases/{id}/entries lists: the filter as a WHERE clause, paged in SQL, so
  // a page costs the same in a case of 20 entries or 2,000.
  virtual EntryPage entries_page(const domain::EntryFilter& filter, const EntryPageQuery& q) = 0;
  virtual std::optional<EntryRecord> entry(const std::string& id) = 0;
  // A pupil's grants in a stable order (by id), withdrawn and expired ones included.
  virtual std::vector<ConsentGrantRecord> consent_grant_records_of_pupil(
      const std::string& pupil_id) = 0;
  // The grants of many pupils at once, ordered by pupil, then id.
  virtual std::vector<ConsentGrantRecord> consent_grant_records_of_pupils(
      const std::vector<std::string>& pupil_ids) = 0;
  virtual std::optional<ConsentGrantRecord> consent_grant(const std::string& id) = 0;
  // Consent requests to the family: one, and all of a pupil's (oldest first).
  virtual std::optional<ConsentRequestRecord> consent_request(const std::string& id) = 0;
  virtual std::vector<ConsentRequestRecord> consent_requests_of_pupil(
      const std::string& pupil_id) = 0;
  virtual std::vector<SafetyDecisionRecord> safety_decision_records_of_case(
      const std::string& case_id) = 0;

  // The same as domain structs, for the policy functions.
  std::vector<domain::ConsentGrant> consent_grants_of_pupil(const std::string& pupil_id) {
    std::vector<domain::ConsentGrant> out;
    for (auto& r : consent_grant_records_of_pupil(pupil_id)) out.push_back(std::move(r.grant));
    return out;
  }
  // pupil id → that pupil's grants (pupils without any are absent).
  std::map<std::string, std::vector<domain::ConsentGrant>> consent_grants_by_pupil(
      const std::vector<std::string>& pupil_ids) {
    std::map<std::string, std::vector<domain::ConsentGrant>> out;
    for (auto& r : consent_grant_records_of_pupils(pupil_ids))
      out[r.grant.pupil_id].push_back(std::move(r.grant));
    return out;
  }
  std::vector<domain::SafetyDecision> safety_decisions_of_case(const std::string& case_id) {
    std::vector<domain::SafetyDecision> out;
    for (auto& r : safety_decision_records_of_case(case_id)) out.push_back(std::move(r.decision));
    return out;
  }

  // The care team's meetings (meeting_records.hpp): a series with its current members; a
  // school's series (by id); a meeting with its items (by position); a school's meetings
  // starting in [from, to), with items; a series' meetings without items, by start.
  virtual std::optional<MeetingSeriesRecord> meeting_series(const std::string& id) = 0;
  virtual std::vector<MeetingSeriesRecord> meeting_series_of_school(
      const std::string& school_id) = 0;
  virtual std::optional<MeetingRecord> meeting(const std::string& id) = 0;
  virtual std::vector<MeetingRecord> meetings_of_school(const std::string& school_id,
                                                        domain::Millis from, domain::Millis to) = 0;
  virtual std::vector<MeetingRecord> meetings_of_series(const std::string& series_id) = 0;
  // The meetings with an item on the case, without items, by start.
  virtual std::vector<MeetingRecord> meetings_of_case(const std::string& case_id) = 0;
  // The minutes typed so far for a meeting's items, in no particular order.
  virtual std::vector<MeetingMinutesRecord> meeting_minutes(const std::string& meeting_id) = 0;
  // Cases put forward: a school's open ones; a case's, oldest first, settled ones included;
  // those discussed at a meeting.
  virtual std::vector<PutForwardRecord> open_put_forwards_of_school(
      const std::string& school_id) = 0;
  virtual std::vector<PutForwardRecord> put_forwards_of_case(const std::string& case_id) = 0;
  virtual std::vector<PutForwardRecord> put_forwards_of_meeting(const std::string& meeting_id) = 0;

  // A user's notifications, newest first; how many are unread; their e-mail choice (the
  // defaults, version 0, when never saved).
  virtual std::vector<NotificationRecord> notifications_of(const std::string& user_id,
                                                           std::size_t limit) = 0;
  virtual std::int64_t unread_notifications(const std::string& user_id) = 0;
  virtual NotificationSettingsRecord notification_settings(const std::string& user_id) = 0;
  virtual std::optional<CalendarFeedRecord> calendar_feed_of_user(const std::string& user_id) = 0;
  virtual std::optional<CalendarFeedRecord> calendar_feed_by_token_hash(
      const std::string& token_hash) = 0;
  // Users with notifications waiting for a digest made before `moment`, whose last digest
  // (if any) was before it too.
  virtual std::vector<std::string> users_due_a_digest(domain::Millis moment) = 0;
  // The reminders not yet given: actions due before `today`, reviews from `today` up to
  // and including `review_until`; at most `limit` of each kind.
  virtual std::vector<ReminderDue> reminders_due(domain::Date today, domain::Date review_until,
                                                 std::size_t limit) = 0;

  // Family invitations (invitation_records.hpp), by the hash of their token, by id, and all
  // of a pupil's (oldest first).
  virtual std::optional<InvitationRecord> invitation_by_token_hash(
      const std::string& token_hash) = 0;
  virtual std::optional<InvitationRecord> invitation(const std::string& id) = 0;
  virtual std::vector<InvitationRecord> invitations_of_pupil(const std::string& pupil_id) = 0;

  // The pupils of a school with this BSN, found by its blind index (pupils.bsn_index); none
  // for a value that is not a BSN, or on a store without field keys.
  virtual std::vector<std::string> pupil_ids_by_bsn(const std::string& school_id,
                                                    const std::string& bsn) = 0;

  // Sealed values for key rotation (security/key_rotation.hpp, sql/sealed_values.hpp): up to
  // `limit` values of `column` after record `after`, by record id, that are not sealed with
  // `current_key_id`; and how many values of the column are sealed with `key_id`.
  virtual std::vector<security::StoredValue> values_to_reseal(
      const security::SensitiveColumn& column, std::string_view current_key_id, std::int64_t after,
      std::size_t limit) = 0;
  virtual std::int64_t count_sealed_with(const security::SensitiveColumn& column,
                                         std::string_view key_id) = 0;
  // One-time password links (password_setup_records.hpp), by the hash of their token.
  virtual std::optional<PasswordSetupRecord> password_setup_by_token_hash(
      const std::string& token_hash) = 0;

  // Raw table access for moving a deployment between backends (table_copy.hpp): every
  // table that holds data (not the migration bookkeeping), and its rows in normal form.
  // Sealed values are carried as they are stored, which is why a copy keeps every id.
  virtual std::vector<TableInfo> data_tables() = 0;
  virtual void scan_table(const TableInfo& table,
                          const std::function<void(const RawRow&)>& on_row) = 0;
};

class WriteTx : public ReadTx {
 public:
  virtual std::string insert_region(const Region& r) = 0;
  virtual std::string insert_organisation(const Organisation& o) = 0;
  // Returns false when expected_version is not the current version.
  virtual bool set_organisation_active(const std::string& id, bool active,
                                       std::int64_t expected_version) = 0;
  virtual std::string insert_user(const User& u) = 0;
  virtual bool set_user_active(const std::string& id, bool active,
                               std::int64_t expected_version) = 0;
  virtual bool set_user_password(const std::string& id, const std::string& hash) = 0;
  virtual std::string insert_membership(const Membership& m) = 0;
  virtual bool set_membership_active(const std::string& id, bool active) = 0;
  // The series `from` chairs get `to` as chair (their version bumped); `from`'s standing
  // seats become `to`'s (dropped where `to` has one already).
  virtual void hand_over_series(const std::string& from, const std::string& to) = 0;

  virtual void insert_session(const Session& s) = 0;
  virtual void touch_session(const std::string& token_hash, domain::Millis at) = 0;
  virtual void set_session_membership(const std::string& token_hash,
                                      const std::string& membership_id) = 0;
  virtual void revoke_session(const std::string& token_hash) = 0;
  virtual void revoke_sessions_of_user(const std::string& user_id) = 0;
  // Stores `candidate` as the user's draft key unless they have one; returns the one kept
  // (so two servers making the first key at once agree on it).
  virtual std::string ensure_draft_key(const std::string& user_id, const std::string& candidate,
                                       domain::Millis at) = 0;
  // Records a failed login, or reserves an attempt before its password is checked (the
  // reservation counts as a failure until clear_login_failure removes it); returns its id.
  virtual std::string record_login_failure(const std::string& account_key,
                                           const std::string& address, domain::Millis at) = 0;
  virtual void clear_login_failure(const std::string& id) = 0;

  // Inserts the pupil and its guardians (standing from their `from`, else now); returns the
  // pupil with ids and `from` filled in.
  virtual domain::Pupil insert_pupil(const domain::Pupil& p) = 0;
  // Replaces master data; false when expected_version is stale. Guardians by identity
  // (domain/guardian_identity.hpp): one with an id is that current guardian, updated; one
  // without is new, standing from `at`; a current guardian p does not name is ended at `at`
  // and their open invitations are revoked. An id that is not a current guardian of p
  // throws StoreError (the caller checks first: check_kept_guardian_ids).
  virtual bool update_pupil(const domain::Pupil& p, std::int64_t expected_version,
                            domain::Millis at) = 0;

  // Family logins: a guardian or pupil record gets the user that acts as them.
  virtual void link_guardian_user(const std::string& guardian_id, const std::string& user_id) = 0;
  virtual void link_pupil_user(const std::string& pupil_id, const std::string& user_id) = 0;

  virtual void append_audit(const AuditRow& row) = 0;
  virtual void append_audit_checkpoint(const AuditCheckpoint& checkpoint) = 0;

  // Cases and lawful sharing. Inserts return the new id. Methods returning bool return
  // false, changing nothing, when the version is stale or the state does not allow it.
  virtual std::string insert_signal(const SignalRecord& s) = 0;
  // Only an open signal can be triaged.
  virtual bool triage_signal(const std::string& signal_id, const SignalTriage& triage,
                             std::int64_t expected_version) = 0;
  // Inserts an open case and its opening level (a level change without from_level, by
  // the opener, with `opening_reason`).
  virtual std::string insert_case(const CaseRecord& c, const std::string& opening_reason) = 0;
  // Lead, categories and review date.
  virtual bool update_case(const CaseRecord& c, std::int64_t expected_version) = 0;
  virtual bool close_case(const std::string& case_id, const std::string& outcome,
                          const std::string& outcome_note, domain::Millis at,
                          std::int64_t expected_version) = 0;
  // nullopt when the membership already has a seat at this case's table.
  virtual std::optional<std::string> add_team_member(const TeamMember& m) = 0;
  // False when the membership has no seat now.
  virtual bool remove_team_member(const std::string& case_id, const std::string& membership_id,
                                  const std::string& by_user_id, domain::Millis at) = 0;
  // Records the change (from the current level) and sets the level; bumps the version.
  virtual bool change_level(const LevelChange& change, std::int64_t expected_version) = 0;
  virtual std::string insert_goal(const GoalRecord& g) = 0;
  virtual bool update_goal(const GoalRecord& g, std::int64_t expected_version) = 0;
  virtual std::string insert_action(const ActionRecord& a) = 0;
  virtual bool update_action(const ActionRecord& a, std::int64_t expected_version) = 0;
  // Appends to the chronology; there is no way to change or delete an entry.
  virtual std::string append_entry(const EntryRecord& e) = 0;
  virtual std::string insert_consent_grant(const ConsentGrantRecord& g) = 0;
  // The first withdrawal ends the grant; later ones return false and change nothing.
  virtual bool withdraw_consent_grant(const std::string& grant_id,
                                      const ConsentWithdrawal& withdrawal) = 0;
  // Writes a grant's parties (given_by_*, later_signatures) after a co-signature, and the
  // family's signatures in the portal (family_confirmations, confirmed_at), and bumps the
  // version; false when expected_version is stale or the grant was withdrawn.
  virtual bool set_grant_parties(const domain::ConsentGrant& grant,
                                 std::int64_t expected_version) = 0;
  // A second professional confirms a grant awaiting confirmation; false, changing nothing,
  // when the version is stale or the grant is withdrawn, confirmed or not awaiting it.
  virtual bool confirm_consent_grant(const std::string& grant_id, const GrantConfirmation& c,
                                     std::int64_t expected_version) = 0;
  virtual std::string insert_consent_request(const ConsentRequestRecord& r) = 0;
  // Writes status, agreements, how it closed and the grant it became; false, changing
  // nothing, when the version is stale or the request is no longer open.
  virtual bool update_consent_request(const domain::ConsentRequest& request,
                                      std::int64_t expected_version) = 0;
  virtual std::string insert_safety_decision(const SafetyDecisionRecord& d) = 0;

  // A series with its members; a meeting with its items (positions in the order given).
  virtual std::string insert_meeting_series(const MeetingSeriesRecord& s) = 0;
  virtual std::string insert_meeting(const MeetingRecord& m) = 0;
  // Time, duration, place, link and status; false, changing nothing, when the version is stale.
  virtual bool update_meeting(const MeetingRecord& m, std::int64_t expected_version) = 0;
  // The agenda becomes `items` in this order: items with an id are kept (their slot
  // updated), those without are added, the rest removed; bumps the meeting's version.
  // False, changing nothing, when the version is stale.
  virtual bool replace_agenda(const std::string& meeting_id,
                              const std::vector<MeetingItemRecord>& items,
                              std::int64_t expected_version) = 0;
  // An item's minutes: added when expected_version is 0 and there are none, else replaced
  // when the version matches (bumped); false, changing nothing, otherwise.
  virtual bool save_item_minutes(const MeetingMinutesRecord& m, std::int64_t expected_version) = 0;
  // Marks the minutes closed and bumps the meeting's version; false when it is stale.
  virtual bool close_meeting_minutes(const std::string& meeting_id, std::int64_t expected_version,
                                     const std::string& user_id, domain::Millis at) = 0;
  virtual std::string insert_put_forward(const PutForwardRecord& p) = 0;
  // Settles an open one (settled_at, how, meeting and by are taken from `p`); false when it
  // was settled already.
  virtual bool settle_put_forward(const PutForwardRecord& p) = 0;

  virtual std::string insert_notification(const NotificationRecord& n) = 0;
  // Marks one (false when it is not the user's) or all of a user's notifications read.
  virtual bool mark_notification_read(const std::string& user_id, const std::string& id,
                                      domain::Millis at) = 0;
  virtual std::int64_t mark_all_notifications_read(const std::string& user_id,
                                                   domain::Millis at) = 0;
  // Inserts (expected version 0) or updates the user's e-mail choice; false when stale.
  // The user's feed becomes `feed` (the old link stops working); removing it says whether
  // there was one.
  virtual void replace_calendar_feed(const CalendarFeedRecord& feed) = 0;
  virtual bool remove_calendar_feed(const std::string& user_id) = 0;
  virtual bool save_notification_settings(const NotificationSettingsRecord& s,
                                          std::int64_t expected_version) = 0;
  // The notifications waiting for the user's digest that were made before `moment`, no
  // longer waiting once taken; the user's last digest becomes `at`.
  virtual std::vector<NotificationRecord> take_digest(const std::string& user_id,
                                                      domain::Millis moment, domain::Millis at) = 0;
  virtual std::string enqueue_mail(const MailRecord& m) = 0;
  // Marks a reminder given; false when it was already (another server gave it).
  virtual bool record_reminder(const ReminderDue& r, domain::Millis at) = 0;
  // Up to `limit` mails due at `now` that no other sender holds, leased until `lease_until`.
  virtual std::vector<MailRecord> claim_mail(domain::Millis now, domain::Millis lease_until,
                                             std::size_t limit) = 0;
  // A mail delivered (its body and attachment emptied), or an attempt that failed: tried
  // again at `next_attempt_at`, or given up (`failed`).
  virtual void mail_sent(const std::string& id, domain::Millis at) = 0;
  virtual void mail_failed(const std::string& id, const std::string& error,
                           domain::Millis next_attempt_at, bool failed, domain::Millis at) = 0;

  virtual std::string insert_invitation(const InvitationRecord& i) = 0;
  // Marks the invitation used; false, changing nothing, when it was used or revoked already.
  virtual bool accept_invitation(const std::string& id, const std::string& user_id,
                                 domain::Millis at) = 0;
  // Marks the invitation revoked; false, changing nothing, when it was used or revoked already.
  virtual bool revoke_invitation(const std::string& id, const std::string& user_id,
                                 domain::Millis at) = 0;

  virtual std::string insert_password_setup(const PasswordSetupRecord& p) = 0;
  // Marks the link used and ends the user's other open links; false, changing nothing, when
  // it was used already (a concurrent request used it first).
  virtual bool use_password_setup(const std::string& id, domain::Millis at) = 0;

  // Inserts rows as they are, keys included (samen copy). Columns as in `table`.
  virtual void load_rows(const TableInfo& table, const std::vector<RawRow>& rows) = 0;
  // After load_rows: generated keys continue after the highest loaded one.
  virtual void after_bulk_load() = 0;

  // Re-sealed values from a rotation: each written (with its blind index) only where the
  // column still holds exactly the value that was read. Returns how many were written.
  virtual std::size_t write_resealed(const security::SensitiveColumn& column,
                                     const std::vector<security::ResealedValue>& batch) = 0;

  virtual void savepoint() = 0;
  virtual void release_savepoint() = 0;
  virtual void rollback_to_savepoint() = 0;
  virtual void commit() = 0;  // without commit(), destruction rolls back
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<ReadTx> begin_read() = 0;
  // Blocks until the single writer slot is free.
  virtual std::unique_ptr<WriteTx> begin_write() = 0;
  virtual int schema_version() = 0;
  virtual int latest_schema_version() const = 0;
  // Applies pending migrations; returns how many ran.
  virtual int migrate() = 0;
  virtual std::string backend_name() const = 0;
  // Empty when a commit that returned is on disk; otherwise why not (SQLite synchronous
  // below FULL, PostgreSQL fsync or synchronous_commit off). The server refuses to run on
  // such a store unless told to: the crash tests cannot see a lost commit there.
  virtual std::string durability_problem() = 0;
  // A consistent copy of the whole database in a new file, taken while others keep
  // reading and writing. Throws StoreError when the backend cannot (or the file exists).
  virtual void backup_to(const std::string& path) = 0;
};

// Opens the store named by a --db value: a postgresql:// URI or a SQLite file path
// (open_store.cpp). The store seals the columns security/record_kinds.cpp declares with
// `field_keys`; with nullptr it writes them plain and refuses to read sealed ones
// (sql/sealing.hpp).
std::unique_ptr<Store> open_store(const std::string& location, int reader_connections,
                                  std::shared_ptr<const security::FieldKeys> field_keys);

}  // namespace samen::store
