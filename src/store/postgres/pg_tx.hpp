#pragma once
// A transaction on one PostgreSQL connection; the PostgreSQL twin of sqlite::SqliteTx.
#include <functional>

#include "store/postgres/pg_connection.hpp"
#include "store/store.hpp"

namespace samen::store::postgres {

class PgTx final : public WriteTx {
 public:
  PgTx(PgConnection& conn, bool write, std::function<void()> release);
  ~PgTx() override;

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
  std::optional<PupilRecord> pupil(const std::string& id) override;
  std::optional<std::string> pupil_id_by_number(const std::string& school_id,
                                                const std::string& pupil_number) override;
  std::optional<domain::PupilFacts> pupil_facts(const std::string& id) override;
  std::vector<PupilRecord> pupils(const domain::PupilScope& scope, const PupilQuery& q) override;
  std::vector<domain::Pupil> pupils_by_number(const std::string& school_id,
                                              const std::vector<std::string>& numbers) override;
  std::vector<domain::PupilFacts> all_pupil_facts(const std::string& school_id) override;
  std::optional<AuditRow> audit_head() override;
  std::vector<AuditRow> audit_range(std::int64_t from_seq, int limit) override;
  std::vector<AuditRow> audit_search(const AuditQuery& q) override;

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
  void record_login_failure(const std::string& account_key, const std::string& address,
                            domain::Millis at) override;
  domain::Pupil insert_pupil(const domain::Pupil& p) override;
  bool update_pupil(const domain::Pupil& p, std::int64_t expected_version) override;
  void link_guardian_user(const std::string& guardian_id, const std::string& user_id) override;
  void link_pupil_user(const std::string& pupil_id, const std::string& user_id) override;
  void append_audit(const AuditRow& row) override;
  std::vector<TableInfo> data_tables() override;
  void scan_table(const TableInfo& table,
                  const std::function<void(const RawRow&)>& on_row) override;
  void load_rows(const TableInfo& table, const std::vector<RawRow>& rows) override;
  void after_bulk_load() override;
  void savepoint() override;
  void release_savepoint() override;
  void rollback_to_savepoint() override;
  void commit() override;

 private:
  std::vector<domain::Guardian> guardians_of(const std::string& pupil_id);
  std::vector<std::string> insert_guardians(const std::string& pupil_id,
                                            const std::vector<domain::Guardian>& guardians,
                                            std::size_t first = 0);
  void write_name_tokens(const std::string& school_id, const std::string& pupil_id,
                         const std::string& search_name, bool replace);
  void require_write() const;

  PgConnection& conn_;
  bool write_;
  bool open_ = true;
  std::function<void()> release_;
};

}  // namespace samen::store::postgres
