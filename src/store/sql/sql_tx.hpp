#pragma once
// The store's methods, written once over the connection seam (sql.hpp), for both
// databases. A backend's transaction class derives from this and adds only what is its
// own: transaction control, savepoints and its fast paths (PostgreSQL's pipelined audit
// rows and COPY, SQLite's bulk inserts). Methods are grouped by area, a file each
// (sql_tx_<area>.cpp).
#include <memory>

#include "store/sql/sealing.hpp"
#include "store/sql/sql.hpp"
#include "store/store.hpp"

namespace samen::store::sql {

class SqlTx : public WriteTx {
 public:
  // Regions, organisations, users, memberships, sessions, login failures, draft keys
  // (sql_tx_people.cpp).
  std::optional<Region> region(const std::string& id) override;
  std::vector<Region> regions() override;
  std::optional<Organisation> organisation(const std::string& id) override;
  std::vector<Organisation> organisations(const std::string& region_id) override;
  std::optional<User> user(const std::string& id) override;
  std::optional<User> user_by_email(const std::string& email) override;
  std::vector<User> users_in_region(const std::string& region_id) override;
  std::vector<Membership> memberships_of(const std::string& user_id) override;
  std::optional<Membership> membership(const std::string& id) override;
  std::optional<Session> session(const std::string& token_hash) override;
  std::optional<SessionPrincipal> session_principal(const std::string& token_hash) override;
  LoginFailureCounts login_failures(const std::string& account_key, const std::string& address,
                                    domain::Millis since) override;
  std::optional<std::string> draft_key(const std::string& user_id) override;
  std::string insert_region(const Region& r) override;
  std::string insert_organisation(const Organisation& o) override;
  bool set_organisation_active(const std::string& id, bool active,
                               std::int64_t expected_version) override;
  std::string insert_user(const User& u) override;
  bool set_user_active(const std::string& id, bool active, std::int64_t expected_version) override;
  bool set_user_password(const std::string& id, const std::string& hash) override;
  std::string insert_membership(const Membership& m) override;
  bool set_membership_active(const std::string& id, bool active) override;
  void insert_session(const Session& s) override;
  void touch_session(const std::string& token_hash, domain::Millis at) override;
  void set_session_membership(const std::string& token_hash,
                              const std::string& membership_id) override;
  void revoke_session(const std::string& token_hash) override;
  void revoke_sessions_of_user(const std::string& user_id) override;
  std::string ensure_draft_key(const std::string& user_id, const std::string& candidate,
                               domain::Millis at) override;
  std::string record_login_failure(const std::string& account_key, const std::string& address,
                                   domain::Millis at) override;
  void clear_login_failure(const std::string& id) override;

  // Family invitations (sql_tx_invitations.cpp).
  std::optional<InvitationRecord> invitation_by_token_hash(const std::string& token_hash) override;
  std::optional<InvitationRecord> invitation(const std::string& id) override;
  std::vector<InvitationRecord> invitations_of_pupil(const std::string& pupil_id) override;
  std::string insert_invitation(const InvitationRecord& i) override;
  bool accept_invitation(const std::string& id, const std::string& user_id,
                         domain::Millis at) override;
  bool revoke_invitation(const std::string& id, const std::string& user_id,
                         domain::Millis at) override;

  // Consent from the family (sql_tx_consent_requests.cpp).
  bool confirm_consent_grant(const std::string& grant_id, const GrantConfirmation& c,
                             std::int64_t expected_version) override;
  std::optional<ConsentRequestRecord> consent_request(const std::string& id) override;
  std::vector<ConsentRequestRecord> consent_requests_of_pupil(const std::string& pupil_id) override;
  std::string insert_consent_request(const ConsentRequestRecord& r) override;
  bool update_consent_request(const domain::ConsentRequest& request,
                              std::int64_t expected_version) override;

  // The audit log and its checkpoints (sql_tx_audit.cpp).
  void append_audit(const AuditRow& row) override;
  std::optional<AuditRow> audit_head() override;
  std::vector<AuditRow> audit_range(std::int64_t from_seq, int limit) override;
  std::vector<AuditRow> audit_search(const AuditQuery& q) override;
  std::vector<AuditRow> membership_changes(const std::string& region_id, std::int64_t before_seq,
                                           int limit) override;
  std::vector<AuditCheckpoint> audit_checkpoints() override;
  void append_audit_checkpoint(const AuditCheckpoint& checkpoint) override;

  // Signals, cases, their team and level (sql_tx_cases.cpp), goals and actions
  // (sql_tx_case_plan.cpp).
  std::optional<SignalRecord> signal(const std::string& id) override;
  std::vector<SignalRecord> open_signals(const std::string& school_id) override;
  std::vector<SignalRecord> signals_of_pupil(const std::string& pupil_id) override;
  std::string insert_signal(const SignalRecord& s) override;
  bool triage_signal(const std::string& signal_id, const SignalTriage& triage,
                     std::int64_t expected_version) override;
  std::optional<CaseRecord> case_record(const std::string& id) override;
  std::vector<CaseRecord> cases_of_school(const std::string& school_id, bool open_only) override;
  std::vector<CaseRecord> cases_of_pupil(const std::string& pupil_id) override;
  std::vector<CaseRecord> cases_of_memberships(
      const std::vector<std::string>& membership_ids) override;
  std::string insert_case(const CaseRecord& c, const std::string& opening_reason) override;
  bool update_case(const CaseRecord& c, std::int64_t expected_version) override;
  bool close_case(const std::string& case_id, const std::string& outcome,
                  const std::string& outcome_note, domain::Millis at,
                  std::int64_t expected_version) override;
  std::optional<std::string> add_team_member(const TeamMember& m) override;
  bool remove_team_member(const std::string& case_id, const std::string& membership_id,
                          const std::string& by_user_id, domain::Millis at) override;
  bool change_level(const LevelChange& change, std::int64_t expected_version) override;
  std::vector<GoalRecord> goals_of_case(const std::string& case_id) override;
  std::vector<ActionRecord> actions_of_case(const std::string& case_id) override;
  std::optional<GoalRecord> goal(const std::string& id) override;
  std::optional<ActionRecord> action(const std::string& id) override;
  std::string insert_goal(const GoalRecord& g) override;
  bool update_goal(const GoalRecord& g, std::int64_t expected_version) override;
  std::string insert_action(const ActionRecord& a) override;
  bool update_action(const ActionRecord& a, std::int64_t expected_version) override;

  // The chronology and the policy's facts (sql_tx_entries.cpp); consent grants and safety
  // decisions (sql_tx_consents.cpp).
  std::map<std::string, std::string> pupil_names(const std::vector<std::string>& ids) override;
  std::optional<domain::CaseFacts> case_facts(const std::string& case_id) override;
  std::vector<domain::CaseFacts> case_facts_of(const std::vector<std::string>& case_ids) override;
  std::vector<EntryRecord> entries_of_case(const std::string& case_id) override;
  EntryPage entries_page(const domain::EntryFilter& filter, const EntryPageQuery& q) override;
  std::optional<EntryRecord> entry(const std::string& id) override;
  std::string append_entry(const EntryRecord& e) override;
  std::vector<ConsentGrantRecord> consent_grant_records_of_pupil(
      const std::string& pupil_id) override;
  std::vector<ConsentGrantRecord> consent_grant_records_of_pupils(
      const std::vector<std::string>& pupil_ids) override;
  std::optional<ConsentGrantRecord> consent_grant(const std::string& id) override;
  std::string insert_consent_grant(const ConsentGrantRecord& g) override;
  bool set_grant_parties(const domain::ConsentGrant& grant, std::int64_t expected_version) override;
  bool withdraw_consent_grant(const std::string& grant_id,
                              const ConsentWithdrawal& withdrawal) override;
  std::vector<SafetyDecisionRecord> safety_decision_records_of_case(
      const std::string& case_id) override;
  std::string insert_safety_decision(const SafetyDecisionRecord& d) override;

  // Pupils and guardians (sql_tx_pupils.cpp, sql_tx_pupil_writes.cpp); the import's batch
  // lookup (pupils_by_number) is each backend's own.
  std::optional<PupilRecord> pupil(const std::string& id) override;
  std::optional<std::string> pupil_id_by_number(const std::string& school_id,
                                                const std::string& pupil_number) override;
  std::optional<domain::PupilFacts> pupil_facts(const std::string& id) override;
  std::vector<std::string> case_table_membership_ids(const std::string& pupil_id) override;
  std::vector<PupilRecord> pupils(const domain::PupilScope& scope, const PupilQuery& q) override;
  std::vector<domain::PupilFacts> all_pupil_facts(const std::string& school_id) override;
  domain::Pupil insert_pupil(const domain::Pupil& p) override;
  bool update_pupil(const domain::Pupil& p, std::int64_t expected_version,
                    domain::Millis at) override;
  void link_guardian_user(const std::string& guardian_id, const std::string& user_id) override;
  void link_pupil_user(const std::string& pupil_id, const std::string& user_id) override;
  std::vector<std::string> pupil_ids_by_bsn(const std::string& school_id,
                                            const std::string& bsn) override;

  // Key rotation's walk over the sealed columns (sql_tx_sealed.cpp).
  std::vector<security::StoredValue> values_to_reseal(const security::SensitiveColumn& column,
                                                      std::string_view current_key_id,
                                                      std::int64_t after,
                                                      std::size_t limit) override;
  std::int64_t count_sealed_with(const security::SensitiveColumn& column,
                                 std::string_view key_id) override;
  std::size_t write_resealed(const security::SensitiveColumn& column,
                             const std::vector<security::ResealedValue>& batch) override;

  // The care team's meetings (sql_tx_meetings.cpp).
  std::optional<MeetingSeriesRecord> meeting_series(const std::string& id) override;
  std::vector<MeetingSeriesRecord> meeting_series_of_school(const std::string& school_id) override;
  std::optional<MeetingRecord> meeting(const std::string& id) override;
  std::vector<MeetingRecord> meetings_of_school(const std::string& school_id, domain::Millis from,
                                                domain::Millis to) override;
  std::vector<MeetingRecord> meetings_of_series(const std::string& series_id) override;
  std::vector<MeetingRecord> meetings_of_case(const std::string& case_id) override;
  std::vector<MeetingMinutesRecord> meeting_minutes(const std::string& meeting_id) override;
  // Notifications and the mail queue (sql_tx_notifications.cpp).
  std::vector<NotificationRecord> notifications_of(const std::string& user_id,
                                                   std::size_t limit) override;
  std::int64_t unread_notifications(const std::string& user_id) override;
  NotificationSettingsRecord notification_settings(const std::string& user_id) override;
  std::optional<CalendarFeedRecord> calendar_feed_of_user(const std::string& user_id) override;
  std::optional<CalendarFeedRecord> calendar_feed_by_token_hash(
      const std::string& token_hash) override;
  void replace_calendar_feed(const CalendarFeedRecord& feed) override;
  bool remove_calendar_feed(const std::string& user_id) override;
  std::vector<std::string> users_due_a_digest(domain::Millis moment) override;
  std::vector<ReminderDue> reminders_due(domain::Date today, domain::Date review_until,
                                         std::size_t limit) override;
  bool record_reminder(const ReminderDue& r, domain::Millis at) override;
  // Handing over what an ending membership holds (sql_tx_handover.cpp).
  MembershipHoldings holdings_of_membership(const std::string& membership_id) override;
  void hand_over_series(const std::string& from, const std::string& to) override;
  std::string insert_notification(const NotificationRecord& n) override;
  bool mark_notification_read(const std::string& user_id, const std::string& id,
                              domain::Millis at) override;
  std::int64_t mark_all_notifications_read(const std::string& user_id, domain::Millis at) override;
  bool save_notification_settings(const NotificationSettingsRecord& s,
                                  std::int64_t expected_version) override;
  std::vector<NotificationRecord> take_digest(const std::string& user_id, domain::Millis moment,
                                              domain::Millis at) override;
  std::string enqueue_mail(const MailRecord& m) override;
  std::vector<MailRecord> claim_mail(domain::Millis now, domain::Millis lease_until,
                                     std::size_t limit) override;
  void mail_sent(const std::string& id, domain::Millis at) override;
  void mail_failed(const std::string& id, const std::string& error, domain::Millis next_attempt_at,
                   bool failed, domain::Millis at) override;
  std::string insert_meeting_series(const MeetingSeriesRecord& s) override;
  std::string insert_meeting(const MeetingRecord& m) override;
  bool update_meeting(const MeetingRecord& m, std::int64_t expected_version) override;
  bool replace_agenda(const std::string& meeting_id, const std::vector<MeetingItemRecord>& items,
                      std::int64_t expected_version) override;
  // The minutes of a meeting (sql_tx_meeting_minutes.cpp).
  bool save_item_minutes(const MeetingMinutesRecord& m, std::int64_t expected_version) override;
  bool close_meeting_minutes(const std::string& meeting_id, std::int64_t expected_version,
                             const std::string& user_id, domain::Millis at) override;
  // Cases put forward for the consultation (sql_tx_put_forwards.cpp).
  std::vector<PutForwardRecord> open_put_forwards_of_school(const std::string& school_id) override;
  std::vector<PutForwardRecord> put_forwards_of_case(const std::string& case_id) override;
  std::vector<PutForwardRecord> put_forwards_of_meeting(const std::string& meeting_id) override;
  std::string insert_put_forward(const PutForwardRecord& p) override;
  bool settle_put_forward(const PutForwardRecord& p) override;

  // One-time password links (sql_tx_password_setup.cpp).
  std::optional<PasswordSetupRecord> password_setup_by_token_hash(
      const std::string& token_hash) override;
  std::string insert_password_setup(const PasswordSetupRecord& p) override;
  bool use_password_setup(const std::string& id, domain::Millis at) override;

 protected:
  // The cases put forward matching `where` (with its parameters), by id.
  std::vector<PutForwardRecord> put_forwards_where(const char* where, const Params& params);
  // Current guardians in the order they were recorded.
  std::vector<domain::Guardian> guardians_of(const std::string& pupil_id);
  // A new guardian, standing from g.from or else from `at`; returns the id.
  std::string insert_guardian(const std::string& pupil_id, const domain::Guardian& g,
                              domain::Millis at);
  std::vector<SeriesMemberRecord> series_members(const std::string& series_id);
  std::vector<MeetingItemRecord> meeting_items(const std::string& meeting_id);
  void insert_meeting_item(const std::string& meeting_id, int position,
                           const MeetingItemRecord& item);
  void write_name_tokens(const std::string& school_id, const std::string& pupil_id,
                         const std::string& search_name, bool replace);

  // Called before the audit log is read: a backend that holds appended rows back writes
  // them now.
  virtual void before_audit_read() {}

  SqlTx(std::unique_ptr<Connection> db, bool write, const Sealing& sealing)
      : db_(std::move(db)), write_(write), sealing_(sealing) {}
  void require_write() const {
    if (!write_) throw StoreError("write attempted in a read transaction");
  }
  Connection& db() { return *db_; }
  bool writes() const { return write_; }

  // The id an INSERT ... RETURNING id gave back.
  std::string inserted_id(const char* sql, const Params& params);

  // Every value of a sealed column goes in through seal and comes out through open
  // (sealing.hpp); both refuse a column security/record_kinds.cpp does not declare.
  std::string seal(std::string_view table, std::string_view column, const std::string& id,
                   std::string_view plaintext) const {
    return sealing_.seal(table, column, id, plaintext);
  }
  std::string open(std::string_view table, std::string_view column, const std::string& id,
                   std::string stored) const {
    return sealing_.open(table, column, id, std::move(stored));
  }
  std::optional<std::string> blind_index(std::string_view table, std::string_view column,
                                         std::string_view plaintext) const {
    return sealing_.blind_index(table, column, plaintext);
  }
  // The id the next row of `table` gets, known before its INSERT because a sealed value is
  // bound to it: SQLite one past the highest (the single writer's transaction holds the
  // lock), PostgreSQL the next value of the table's serial. Insert the row (with this id)
  // before reserving another id of the same table.
  virtual std::string reserve_id(std::string_view table) = 0;
  // Records read with their sealed columns opened: a pupil by SAMEN_PUPIL_COLUMNS
  // (pupil_rows.hpp), and the rows of each area file's own SELECT.
  domain::Pupil read_pupil(const Rows& r) const;
  CaseRecord case_from(const Rows& r) const;
  std::vector<CaseRecord> cases_from(std::unique_ptr<Rows> r) const;
  std::vector<SignalRecord> signals_from(std::unique_ptr<Rows> r) const;
  GoalRecord goal_from(const Rows& r) const;
  ActionRecord action_from(const Rows& r) const;
  std::vector<ConsentGrantRecord> grants(std::unique_ptr<Rows> rows) const;
  std::vector<ConsentRequestRecord> requests_from(std::unique_ptr<Rows> rows) const;
  // A level change with its reason sealed (the opening one of insert_case, change_level).
  void insert_level_change(const LevelChange& change);

 private:
  std::unique_ptr<Connection> db_;
  bool write_;
  const Sealing& sealing_;
};

}  // namespace samen::store::sql
